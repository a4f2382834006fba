/**
 * The overview of the current store (#/ , #/?days=7|30|90): amounts settled per day in each invoice currency as a
 * chart (and table), crypto received per payment method, open invoices, invalid invoices and webhook failures.
 */
import { el } from '../dom.js';
import { storePath, invoicesHash } from './ops.js';
import { barChart, dateRange } from './chart.js';

const PERIODS = [7, 30, 90];

export default {
    route: '#/',
    title: 'Overview',
    async render(main, params, ctx) {
        if (!ctx.storeId) {
            main.appendChild(el('h1', {}, 'Overview'));
            main.appendChild(el('p', {}, 'You have no store yet. ', el('a', { href: '#/stores' }, 'Create your first store'),
                ' to take payments.'));
            return;
        }
        const days = PERIODS.includes(Number(params.query.get('days'))) ? Number(params.query.get('days')) : 30;
        const storeId = ctx.storeId;
        const [store, stats] = await Promise.all([
            ctx.api('GET', storePath(storeId)),
            ctx.api('GET', storePath(storeId) + '/stats?days=' + days),
        ]);
        main.appendChild(el('h1', {}, 'Overview of ' + store.name));
        main.appendChild(el('nav', { class: 'pager', 'aria-label': 'Period' }, 'Last ',
            PERIODS.map((d) => d === days
                ? el('strong', { 'aria-current': 'true' }, d + ' days')
                : el('a', { href: '#/?days=' + d }, d + ' days')),
            el('span', { class: 'muted' }, ' (UTC days, ' + stats.firstDay + ' to ' + stats.lastDay + ')')));
        main.appendChild(cards(storeId, stats));

        const dates = dateRange(stats.firstDay, stats.lastDay);
        main.appendChild(el('h2', {}, 'Settled per day'));
        const currencies = [...new Set(stats.settled.map((e) => e.currency))].sort();
        if (!currencies.length) {
            main.appendChild(el('p', { class: 'muted', id: 'no-settled' }, 'No invoice settled in this period.'));
        }
        for (const currency of currencies) {
            const values = new Map(stats.settled.filter((e) => e.currency === currency).map((e) => [e.date, e.amount]));
            main.appendChild(barChart({ id: 'settled-' + currency, caption: 'Invoices settled per day, in ' + currency,
                unit: currency, dates, values }));
        }

        main.appendChild(el('h2', {}, 'Received per payment method'));
        main.appendChild(receivedTable(stats.received));
    },
};

function cards(storeId, stats) {
    const list = invoicesHash(storeId);
    const hooks = stats.webhooks;
    const failing = hooks.failedDeliveries === null ? null : hooks.failedDeliveries + hooks.failingDeliveries;
    return el('div', { class: 'cards' },
        card('open-invoices', 'Open invoices', stats.openInvoices.total,
            [el('a', { href: list + '?status=New' }, stats.openInvoices.new + ' new'), ', ',
                el('a', { href: list + '?status=Processing' }, stats.openInvoices.processing + ' processing')], false),
        card('invalid-invoices', 'Invalid in the period', stats.invalidInvoices,
            el('a', { href: list + '?status=Invalid' }, 'See invalid invoices'), stats.invalidInvoices > 0),
        failing === null
            ? card('webhook-failures', 'Webhook failures', '—', 'Needs the webhook permission to show.', false)
            : card('webhook-failures', 'Webhook failures', failing,
                [hooks.failedDeliveries + ' gave up in the period, ' + hooks.failingDeliveries + ' still retrying. ',
                    el('a', { href: '#/stores/' + encodeURIComponent(storeId) + '/webhooks' }, 'Webhooks')], failing > 0));
}

function card(id, heading, figure, detail, alert) {
    return el('section', { class: 'card' + (alert ? ' alert' : ''), id, 'aria-labelledby': id + '-h' },
        el('h2', { id: id + '-h' }, heading),
        el('p', { class: 'figure' }, String(figure)),
        el('p', {}, detail));
}

function receivedTable(received) {
    if (!received.length) {
        return el('p', { class: 'muted', id: 'received-list' }, 'No payment received in this period.');
    }
    return el('div', { class: 'table-wrap' }, el('table', { id: 'received-list' },
        el('caption', { class: 'visually-hidden' }, 'Crypto received per day and payment method'),
        el('thead', {}, el('tr', {}, ['Day (UTC)', 'Payment method', 'Received', 'Payments'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, [...received].reverse().map((e) => el('tr', { 'data-date': e.date, 'data-payment-method': e.paymentMethodId },
            el('td', {}, e.date), el('td', {}, e.paymentMethodId), el('td', {}, e.amount), el('td', {}, String(e.count)))))));
}
