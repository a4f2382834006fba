/**
 * Stores: list and create (#/stores), settings and payment methods of one store (#/stores/{storeId}), and the
 * setup of one payment method with an address preview before saving (#/stores/{storeId}/payment-methods/{id}).
 */
import { el, field, fieldErrors, clearErrors, formValues } from '../dom.js';
import paymentMethod from './payment-method.js';

const SPEED_POLICIES = [
    ['HighSpeed', 'High speed: accepted when seen (0 confirmations)'],
    ['MediumSpeed', 'Medium: 1 confirmation'],
    ['LowMediumSpeed', 'Low-medium: 2 confirmations'],
    ['LowSpeed', 'Low: 6 confirmations'],
];

const path = (storeId) => '/api/v1/stores/' + encodeURIComponent(storeId);

const list = {
    route: '#/stores',
    title: 'Stores',
    async render(main, params, ctx) {
        main.appendChild(el('h1', {}, 'Stores'));
        const stores = (await ctx.api('GET', '/api/v1/stores')) || [];
        if (stores.length === 0) {
            main.appendChild(el('p', {}, 'You have no store yet. Create one to start taking payments.'));
        } else {
            main.appendChild(el('div', { class: 'table-wrap' }, el('table', {},
                el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Currency'),
                    el('th', { scope: 'col' }, 'Speed policy'), el('th', { scope: 'col' }, 'Id'))),
                el('tbody', {}, stores.map((s) => el('tr', { 'data-store-id': s.id },
                    el('td', {}, el('a', { href: '#/stores/' + encodeURIComponent(s.id) }, s.name)),
                    el('td', {}, s.defaultCurrency),
                    el('td', {}, s.speedPolicy),
                    el('td', {}, el('code', {}, s.id))))))));
        }
        const form = el('form', { class: 'panel', id: 'create-store', novalidate: true },
            el('h2', {}, 'New store'),
            field('Name', el('input', { type: 'text', name: 'name', required: true, maxlength: 200 })),
            field('Default currency', el('input', { type: 'text', name: 'defaultCurrency', value: 'USD', maxlength: 10 }),
                'Prices of invoices are in this currency unless an invoice names another (e.g. USD, EUR, BTC).'),
            field('Website', el('input', { type: 'url', name: 'website', placeholder: 'https://shop.example' }), 'Optional.'),
            el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create store')));
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            clearErrors(form);
            const v = formValues(form);
            const body = { name: v.name, defaultCurrency: v.defaultCurrency };
            if (v.website) {
                body.website = v.website;
            }
            try {
                const store = await ctx.api('POST', '/api/v1/stores', body);
                await ctx.refreshStores();
                ctx.setStore(store.id);
                ctx.flash('Store "' + store.name + '" created. Next: set up a payment method.', 'ok');
                ctx.go('#/stores/' + encodeURIComponent(store.id));
            } catch (e) {
                fieldErrors(form, e);
            }
        });
        main.appendChild(form);
    },
};

const settings = {
    route: '#/stores/{storeId}',
    title: 'Store settings',
    async render(main, params, ctx) {
        const [store, methods, info] = await Promise.all([
            ctx.api('GET', path(params.storeId)),
            ctx.api('GET', path(params.storeId) + '/payment-methods'),
            ctx.api('GET', '/api/v1/server/info').catch(() => ({ supportedPaymentMethods: ['BTC-CHAIN'] })),
        ]);
        main.appendChild(el('h1', {}, store.name));
        main.appendChild(el('p', { class: 'muted' }, 'Store id ', el('code', {}, store.id)));

        main.appendChild(el('h2', {}, 'Payment methods'));
        const configured = new Map((methods || []).map((m) => [m.paymentMethodId, m]));
        const supported = info.supportedPaymentMethods || [];
        main.appendChild(el('div', { class: 'table-wrap' }, el('table', { id: 'payment-methods' },
            el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Method'), el('th', { scope: 'col' }, 'Status'),
                el('th', { scope: 'col' }, 'Key'), el('th', { scope: 'col' }, ''))),
            el('tbody', {}, supported.map((id) => {
                const m = configured.get(id);
                const status = !m ? el('span', { class: 'badge' }, 'Not set up')
                    : el('span', { class: 'badge ' + (m.enabled ? 'ok' : '') }, m.enabled ? 'Enabled' : 'Disabled');
                const key = m && m.config ? el('code', {}, abbreviate(m.config.derivationScheme)) : '';
                const gap = m && m.gap && m.gap.warning ? el('p', { class: 'error' }, m.gap.warning) : null;
                return el('tr', { 'data-method': id }, el('td', {}, id), el('td', {}, status), el('td', {}, key, gap),
                    el('td', {}, el('a', { href: '#/stores/' + encodeURIComponent(store.id) + '/payment-methods/' + encodeURIComponent(id) },
                        m ? 'Change' : 'Set up')));
            })))));

        main.appendChild(el('p', {}, el('a', { href: '#/stores/' + encodeURIComponent(store.id) + '/pay-button', id: 'pay-button-link' },
            'Pay buttons: ' + (store.anyoneCanCreateInvoice ? 'on' : 'off') + ' (snippet for your site)')));
        main.appendChild(settingsForm(store, ctx));
        main.appendChild(deleteForm(store, ctx));
    },
};

function settingsForm(store, ctx) {
    const speed = el('select', { name: 'speedPolicy' },
        SPEED_POLICIES.map(([value, label]) => el('option', { value, selected: value === store.speedPolicy }, label)));
    const form = el('form', { class: 'panel', id: 'store-settings', novalidate: true },
        el('h2', {}, 'Settings'),
        field('Name', el('input', { type: 'text', name: 'name', value: store.name, maxlength: 200 })),
        field('Website', el('input', { type: 'url', name: 'website', value: store.website || '' })),
        field('Default currency', el('input', { type: 'text', name: 'defaultCurrency', value: store.defaultCurrency, maxlength: 10 })),
        field('Speed policy', speed, 'How many confirmations a payment needs before an invoice is settled (Bitcoin).'),
        field('Invoice expires after (seconds)', el('input', { type: 'number', name: 'invoiceExpiration', value: store.invoiceExpiration, min: 60 }),
            'How long a buyer has to pay; 900 = 15 minutes.'),
        field('Monitoring window (seconds)', el('input', { type: 'number', name: 'monitoringExpiration', value: store.monitoringExpiration, min: 0 }),
            'How long a paid invoice is watched for confirmations; 86400 = one day.'),
        field('Payment tolerance (%)', el('input', { type: 'number', name: 'paymentTolerance', value: store.paymentTolerance, min: 0, max: 100, step: 'any' }),
            'An underpayment within this percentage still counts as paid in full.'),
        el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Save settings')));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        const v = formValues(form);
        const body = {
            name: v.name,
            website: v.website || null,
            defaultCurrency: v.defaultCurrency,
            speedPolicy: v.speedPolicy,
            invoiceExpiration: numberOrText(v.invoiceExpiration),
            monitoringExpiration: numberOrText(v.monitoringExpiration),
            paymentTolerance: numberOrText(v.paymentTolerance),
        };
        try {
            const saved = await ctx.api('PUT', path(store.id), body);
            await ctx.refreshStores();
            ctx.flash('Settings of "' + saved.name + '" saved.', 'ok');
            ctx.go('#/stores/' + encodeURIComponent(store.id));
        } catch (e) {
            fieldErrors(form, e);
        }
    });
    return form;
}

function deleteForm(store, ctx) {
    const confirm = el('input', { type: 'text', name: 'confirmName', autocomplete: 'off' });
    const form = el('form', { class: 'panel', id: 'delete-store', novalidate: true },
        el('h2', {}, 'Delete this store'),
        el('p', {}, 'Its invoices are kept (their addresses stay watched); the store, its payment methods and webhooks go.'),
        field('Type the store name to confirm', confirm),
        el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'danger' }, 'Delete store')));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        if (confirm.value !== store.name) {
            fieldErrors(form, { fieldErrors: { confirmName: 'Type "' + store.name + '" exactly to delete the store.' } });
            return;
        }
        try {
            await ctx.api('DELETE', path(store.id));
            await ctx.refreshStores();
            ctx.flash('Store "' + store.name + '" deleted.', 'ok');
            ctx.go('#/stores');
        } catch (e) {
            fieldErrors(form, e);
        }
    });
    return form;
}

/** Numbers go as numbers; anything else as typed, so the API's 422 names the field instead of the page guessing. */
function numberOrText(value) {
    if (value === '' || value === null || value === undefined) {
        return undefined;
    }
    const n = Number(value);
    return Number.isFinite(n) ? n : value;
}

function abbreviate(key) {
    if (!key) {
        return '';
    }
    return key.length > 30 ? key.slice(0, 14) + '…' + key.slice(-10) : key;
}

export default [list, settings, paymentMethod];
