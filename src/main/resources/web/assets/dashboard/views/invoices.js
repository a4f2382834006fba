/**
 * Invoices of a store (#/stores/{storeId}/invoices?status=&from=&to=&text=&orderId=&archived=&skip=): the list with
 * its filters and paging (the filters live in the hash, so a filtered list can be bookmarked), a CSV export of
 * the same filters, and a form to create an invoice by hand.
 */
import { el, field, fieldErrors, clearErrors, formValues, time } from '../dom.js';
import { statusBadge, money, storePath, invoicesHash, invoiceHash } from './ops.js';

const PAGE = 25;
const STATUSES = ['New', 'Processing', 'Settled', 'Expired', 'Invalid'];

/** The dashboard's filters (dates as yyyy-mm-dd in the browser's time zone) as the API's query parameters. */
export function apiQuery(filters) {
    const q = new URLSearchParams();
    if (filters.status) {
        q.set('status', filters.status);
    }
    if (filters.from) {
        q.set('startDate', String(Math.floor(new Date(filters.from + 'T00:00:00').getTime() / 1000)));
    }
    if (filters.to) {
        q.set('endDate', String(Math.floor(new Date(filters.to + 'T23:59:59').getTime() / 1000)));
    }
    if (filters.text) {
        q.set('textSearch', filters.text);
    }
    if (filters.orderId) {
        q.set('orderId', filters.orderId);
    }
    if (filters.archived) {
        q.set('includeArchived', 'true');
    }
    return q;
}

function filtersOf(query) {
    return {
        status: query.get('status') || '',
        from: query.get('from') || '',
        to: query.get('to') || '',
        text: query.get('text') || '',
        orderId: query.get('orderId') || '',
        archived: query.get('archived') === 'true',
        skip: Math.max(0, parseInt(query.get('skip') || '0', 10) || 0),
    };
}

function listHash(storeId, filters, skip) {
    const q = new URLSearchParams();
    for (const name of ['status', 'from', 'to', 'text', 'orderId']) {
        if (filters[name]) {
            q.set(name, filters[name]);
        }
    }
    if (filters.archived) {
        q.set('archived', 'true');
    }
    if (skip) {
        q.set('skip', String(skip));
    }
    const qs = q.toString();
    return invoicesHash(storeId) + (qs ? '?' + qs : '');
}

export default {
    route: '#/stores/{storeId}/invoices',
    title: 'Invoices',
    async render(main, params, ctx) {
        const storeId = params.storeId;
        const filters = filtersOf(params.query);
        const q = apiQuery(filters);
        q.set('skip', String(filters.skip));
        q.set('take', String(PAGE + 1)); // one more than shown tells whether a next page exists
        const [store, invoices, methods] = await Promise.all([
            ctx.api('GET', storePath(storeId)),
            ctx.api('GET', storePath(storeId) + '/invoices?' + q),
            ctx.api('GET', storePath(storeId) + '/payment-methods').catch(() => null),
        ]);
        main.appendChild(el('h1', {}, 'Invoices of ' + store.name));
        main.appendChild(filterForm(storeId, filters, ctx));
        const exportQuery = apiQuery(filters).toString();
        main.appendChild(el('div', { class: 'actions' },
            el('a', { class: 'button secondary', id: 'export-csv', download: 'invoices-' + storeId + '.csv',
                href: storePath(storeId) + '/invoices/export.csv' + (exportQuery ? '?' + exportQuery : '') }, 'Export CSV'),
            el('a', { class: 'button secondary', href: '#new-invoice-heading' }, 'New invoice')));
        main.appendChild(invoiceTable(storeId, invoices.slice(0, PAGE)));
        main.appendChild(pager(storeId, filters, invoices.length > PAGE));
        main.appendChild(newInvoiceForm(store, methods, ctx));
    },
};

function filterForm(storeId, filters, ctx) {
    const status = el('select', { name: 'status' }, el('option', { value: '' }, 'Any status'),
        STATUSES.map((s) => el('option', { value: s, selected: s === filters.status }, s)));
    const form = el('form', { class: 'panel filters', id: 'invoice-filters', role: 'search', 'aria-label': 'Filter invoices' },
        field('Status', status),
        field('Created from', el('input', { type: 'date', name: 'from', value: filters.from })),
        field('Created until', el('input', { type: 'date', name: 'to', value: filters.to })),
        field('Text', el('input', { type: 'text', name: 'text', value: filters.text, placeholder: 'id, email, item ...' })),
        field('Order id', el('input', { type: 'text', name: 'orderId', value: filters.orderId })),
        el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'archived', id: 'filter-archived', checked: filters.archived }),
            el('label', { for: 'filter-archived' }, 'Include archived')),
        el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Apply'),
            el('a', { href: invoicesHash(storeId), class: 'button secondary' }, 'Clear')));
    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const v = formValues(form);
        ctx.go(listHash(storeId, { status: v.status, from: v.from, to: v.to, text: v.text.trim(), orderId: v.orderId.trim(),
            archived: v.archived }, 0));
    });
    return form;
}

function invoiceTable(storeId, invoices) {
    if (!invoices.length) {
        return el('p', { class: 'muted', id: 'invoice-list' }, 'No invoices match.');
    }
    return el('div', { class: 'table-wrap' }, el('table', { id: 'invoice-list' },
        el('caption', { class: 'visually-hidden' }, 'Invoices, newest first'),
        el('thead', {}, el('tr', {}, ['Created', 'Invoice', 'Order', 'Amount', 'Status'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, invoices.map((i) => el('tr', { 'data-invoice-id': i.id },
            el('td', {}, time(i.createdTime)),
            el('td', {}, el('a', { href: invoiceHash(storeId, i.id) }, el('code', {}, i.id)),
                i.archived ? el('span', { class: 'badge' }, 'archived') : null),
            el('td', {}, (i.metadata && i.metadata.orderId) || '—'),
            el('td', {}, money(i.type === 'TopUp' ? null : i.amount, i.currency)),
            el('td', {}, statusBadge(i.status, i.additionalStatus)))))));
}

function pager(storeId, filters, hasNext) {
    const nav = el('nav', { class: 'pager', 'aria-label': 'Pages' });
    if (filters.skip > 0) {
        nav.appendChild(el('a', { href: listHash(storeId, filters, Math.max(0, filters.skip - PAGE)), rel: 'prev' }, '← Newer'));
    }
    nav.appendChild(el('span', { class: 'muted' }, 'Invoices ' + (filters.skip + 1) + '–' + (filters.skip + PAGE)));
    if (hasNext) {
        nav.appendChild(el('a', { href: listHash(storeId, filters, filters.skip + PAGE), rel: 'next' }, 'Older →'));
    }
    return nav;
}

function newInvoiceForm(store, methods, ctx) {
    const enabled = (methods || []).filter((m) => m.enabled);
    const methodBoxes = enabled.map((m) => {
        const id = 'new-invoice-method-' + m.paymentMethodId;
        return el('div', { class: 'check' },
            el('input', { type: 'checkbox', name: 'paymentMethods', value: m.paymentMethodId, id, checked: true }),
            el('label', { for: id }, m.paymentMethodId));
    });
    const form = el('form', { class: 'panel', id: 'new-invoice', novalidate: true, 'aria-labelledby': 'new-invoice-heading' },
        el('h2', { id: 'new-invoice-heading' }, 'New invoice'),
        field('Amount', el('input', { type: 'text', name: 'amount', inputmode: 'decimal', autocomplete: 'off' }),
            'Leave empty for a top-up invoice (the buyer chooses the amount).'),
        field('Currency', el('input', { type: 'text', name: 'currency', value: store.defaultCurrency || '', autocomplete: 'off' }),
            'ISO 4217 code such as USD, or BTC.'),
        field('Order id', el('input', { type: 'text', name: 'metadata.orderId', autocomplete: 'off' })),
        field('Buyer email', el('input', { type: 'email', name: 'metadata.buyerEmail', autocomplete: 'off' })),
        field('Item description', el('input', { type: 'text', name: 'metadata.itemDesc', autocomplete: 'off' })),
        methodBoxes.length ? el('fieldset', { 'data-field': 'checkout.paymentMethods' }, el('legend', {}, 'Payment methods'), methodBoxes) : null,
        el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create invoice')));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        const v = formValues(form);
        const metadata = {};
        for (const [key, name] of [['orderId', 'metadata.orderId'], ['buyerEmail', 'metadata.buyerEmail'], ['itemDesc', 'metadata.itemDesc']]) {
            if (v[name] && v[name].trim()) {
                metadata[key] = v[name].trim();
            }
        }
        const body = { metadata };
        if (v.amount.trim()) {
            body.amount = v.amount.trim();
        }
        if (v.currency.trim()) {
            body.currency = v.currency.trim();
        }
        if (methodBoxes.length) {
            body.checkout = { paymentMethods: [...form.querySelectorAll('input[name="paymentMethods"]')].filter((c) => c.checked).map((c) => c.value) };
        }
        const submit = form.querySelector('button[type="submit"]');
        submit.disabled = true;
        try {
            const invoice = await ctx.api('POST', storePath(store.id) + '/invoices', body);
            ctx.flash('Invoice ' + invoice.id + ' created.', 'ok');
            ctx.go(invoiceHash(store.id, invoice.id));
        } catch (e) {
            fieldErrors(form, e);
        } finally {
            submit.disabled = false;
        }
    });
    return form;
}
