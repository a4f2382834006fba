/**
 * Every view module of the dashboard. Each default-exports a view {route, title, render(main, params, ctx)}
 * or an array of them (see the contract at the top of ../app.js). Add a module here to add pages.
 */
// overview, invoices, invoice and chains belong to the operations half of the dashboard
import overview from './overview.js';
import invoices from './invoices.js';
import invoice from './invoice.js';
import chains from './chains.js';
// stores, payment methods, API keys and webhooks: the core half
import stores from './stores.js';
import apiKeys from './api-keys.js';
import webhooks from './webhooks.js';
import payButton from './pay-button.js';
// refunds, pull payments and payouts
import payouts from './payouts.js';

export default [overview, invoices, invoice, chains, stores, apiKeys, webhooks, payButton, payouts];
