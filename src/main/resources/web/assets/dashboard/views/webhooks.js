/**
 * Webhooks of a store: list and create (#/stores/{storeId}/webhooks); edit one and see its deliveries with
 * the exact request body, every attempt (response code, latency, error) and a redeliver button
 * (#/stores/{storeId}/webhooks/{webhookId}). The secret is shown once, when the webhook is created.
 */
import { el, clear, field, fieldErrors, clearErrors, formValues, copyButton, time } from '../dom.js';

const EVENTS = [
    ['InvoiceCreated', 'An invoice was created'],
    ['InvoiceReceivedPayment', 'A payment was seen'],
    ['InvoicePaymentSettled', 'A payment got enough confirmations'],
    ['InvoiceProcessing', 'Paid in full, waiting for confirmations'],
    ['InvoiceSettled', 'Settled: safe to ship'],
    ['InvoiceExpired', 'Expired without full payment'],
    ['InvoiceInvalid', 'Invalid (e.g. never confirmed)'],
    ['InvoicePaymentRemoved', 'A payment was taken back by a reorg or double spend'],
];
const STATUS_BADGE = { HttpSuccess: 'ok', HttpError: 'error', Failed: 'error', Pending: '' };

const hooksPath = (storeId) => '/api/v1/stores/' + encodeURIComponent(storeId) + '/webhooks';
const hookHash = (storeId, id) => '#/stores/' + encodeURIComponent(storeId) + '/webhooks/' + encodeURIComponent(id);

const list = {
    route: '#/stores/{storeId}/webhooks',
    title: 'Webhooks',
    async render(main, params, ctx) {
        const [store, hooks] = await Promise.all([
            ctx.api('GET', '/api/v1/stores/' + encodeURIComponent(params.storeId)),
            ctx.api('GET', hooksPath(params.storeId)),
        ]);
        main.appendChild(el('h1', {}, 'Webhooks of ' + store.name));
        main.appendChild(el('p', {}, 'ChainTill posts signed events to these URLs and retries until they answer 2xx. ',
            'Verify the BTCPay-Sig or ChainTill-Signature header with the secret.'));
        const created = el('div', { id: 'created-webhook', 'aria-live': 'polite' });
        main.appendChild(created);
        if (!hooks.length) {
            main.appendChild(el('p', { class: 'muted' }, 'No webhooks yet.'));
        } else {
            main.appendChild(el('div', { class: 'table-wrap' }, el('table', { id: 'webhook-list' },
                el('thead', {}, el('tr', {}, ['URL', 'Events', 'Status'].map((h) => el('th', { scope: 'col' }, h)))),
                el('tbody', {}, hooks.map((h) => el('tr', { 'data-webhook-id': h.id },
                    el('td', {}, el('a', { href: hookHash(store.id, h.id) }, h.url)),
                    el('td', {}, eventsText(h.authorizedEvents)),
                    el('td', {}, el('span', { class: 'badge ' + (h.enabled ? 'ok' : '') }, h.enabled ? 'Enabled' : 'Disabled'))))))));
        }
        const form = webhookForm(null);
        form.insertBefore(el('h2', {}, 'New webhook'), form.firstChild);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            clearErrors(form);
            try {
                const hook = await ctx.api('POST', hooksPath(store.id), body(form));
                ctx.flash('Webhook created. Copy its secret below: it is shown only once.', 'ok');
                // re-render the list, then show the secret (the flash survives only one navigation)
                await list.render(clear(main), params, ctx);
                showSecret(main.querySelector('#created-webhook'), hook, store.id);
            } catch (e) {
                fieldErrors(form, e);
            }
        });
        main.appendChild(form);
    },
};

const detail = {
    route: '#/stores/{storeId}/webhooks/{webhookId}',
    title: 'Webhook',
    async render(main, params, ctx) {
        const base = hooksPath(params.storeId) + '/' + encodeURIComponent(params.webhookId);
        const [hook, deliveries] = await Promise.all([ctx.api('GET', base), ctx.api('GET', base + '/deliveries?take=50')]);
        main.appendChild(el('p', {}, el('a', { href: '#/stores/' + encodeURIComponent(params.storeId) + '/webhooks' }, '← All webhooks')));
        main.appendChild(el('h1', {}, 'Webhook ', el('code', {}, hook.url)));

        main.appendChild(el('h2', {}, 'Deliveries'));
        const refresh = el('button', { type: 'button', class: 'secondary', id: 'refresh-deliveries' }, 'Refresh');
        refresh.addEventListener('click', () => ctx.go(window.location.hash));
        main.appendChild(el('div', { class: 'actions' }, refresh));
        main.appendChild(deliveryTable(deliveries, base, ctx));

        const form = webhookForm(hook);
        form.insertBefore(el('h2', {}, 'Settings'), form.firstChild);
        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            clearErrors(form);
            try {
                await ctx.api('PUT', base, body(form));
                ctx.flash('Webhook saved.', 'ok');
                ctx.go(window.location.hash);
            } catch (e) {
                fieldErrors(form, e);
            }
        });
        main.appendChild(form);

        const remove = el('button', { type: 'button', class: 'danger', id: 'delete-webhook' }, 'Delete webhook');
        remove.addEventListener('click', async () => {
            if (!window.confirm('Delete the webhook to ' + hook.url + '? Pending deliveries are dropped.')) {
                return;
            }
            try {
                await ctx.api('DELETE', base);
                ctx.flash('Webhook deleted.', 'ok');
                ctx.go('#/stores/' + encodeURIComponent(params.storeId) + '/webhooks');
            } catch (e) {
                ctx.flash(e.message, 'error');
            }
        });
        main.appendChild(el('div', { class: 'actions' }, remove));
    },
};

function webhookForm(hook) {
    const everything = !hook || hook.authorizedEvents.everything;
    const chosen = new Set(hook ? hook.authorizedEvents.specificEvents : []);
    const check = (name, label, checked, extra = {}) => {
        const id = 'wh-' + name + (extra.value ? '-' + extra.value : '');
        return el('div', { class: 'check' }, el('input', { type: 'checkbox', name, id, checked, ...extra }), el('label', { for: id }, label));
    };
    const everythingBox = check('everything', 'Every event (including ones added later)', everything);
    const specific = el('fieldset', { 'data-field': 'authorizedEvents.specificEvents', disabled: everything },
        el('legend', {}, 'Only these events'),
        EVENTS.map(([name, label]) => check('specificEvents', name + ': ' + label, chosen.has(name), { value: name })));
    everythingBox.querySelector('input').addEventListener('change', (e) => { specific.disabled = e.target.checked; });
    return el('form', { class: 'panel', id: 'webhook-form', novalidate: true },
        field('Payload URL', el('input', { type: 'url', name: 'url', value: hook ? hook.url : '', placeholder: 'https://shop.example/chaintill-hook' })),
        field('Secret', el('input', { type: 'text', name: 'secret', autocomplete: 'off' }),
            hook ? 'Leave empty to keep the current secret.' : 'Leave empty and ChainTill generates a strong one (shown once).'),
        everythingBox,
        specific,
        check('enabled', 'Enabled', hook ? hook.enabled : true),
        check('automaticRedelivery', 'Retry failed deliveries automatically', hook ? hook.automaticRedelivery : true),
        el('div', { class: 'actions' }, el('button', { type: 'submit' }, hook ? 'Save webhook' : 'Create webhook')));
}

function body(form) {
    const v = formValues(form);
    const specificEvents = [...form.querySelectorAll('input[name="specificEvents"]')].filter((c) => c.checked).map((c) => c.value);
    const out = {
        url: v.url,
        enabled: v.enabled,
        automaticRedelivery: v.automaticRedelivery,
        authorizedEvents: { everything: v.everything, specificEvents: v.everything ? [] : specificEvents },
    };
    if (v.secret) {
        out.secret = v.secret;
    }
    return out;
}

function showSecret(box, hook, storeId) {
    box.appendChild(el('div', { class: 'secret', role: 'status' },
        el('p', {}, el('strong', {}, 'Secret of the webhook to '), el('code', {}, hook.url),
            el('strong', {}, ': copy it now, it is shown only once.')),
        el('p', {}, el('code', { id: 'new-webhook-secret' }, hook.secret), copyButton(() => hook.secret, 'Copy secret')),
        el('p', {}, el('a', { href: hookHash(storeId, hook.id) }, 'Deliveries and settings'))));
}

function eventsText(events) {
    if (events.everything) {
        return 'Every event';
    }
    return events.specificEvents.length ? events.specificEvents.join(', ') : 'None';
}

function deliveryTable(deliveries, base, ctx) {
    if (!deliveries.length) {
        return el('p', { class: 'muted', id: 'delivery-list' }, 'Nothing delivered yet. Events appear here as invoices change.');
    }
    return el('div', { class: 'table-wrap' }, el('table', { id: 'delivery-list' },
        el('thead', {}, el('tr', {}, ['Time', 'Event', 'Status', 'HTTP', ''].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, deliveries.map((d) => deliveryRows(d, base, ctx)))));
}

function deliveryRows(d, base, ctx) {
    const detailsRow = el('tr', { class: 'delivery-details', hidden: true }, el('td', { colspan: 5 }));
    const deliveryPath = base + '/deliveries/' + encodeURIComponent(d.id);
    const toggle = el('button', { type: 'button', class: 'secondary', 'aria-expanded': 'false', 'data-details': d.id }, 'Details');
    toggle.addEventListener('click', async () => {
        const open = toggle.getAttribute('aria-expanded') === 'true';
        toggle.setAttribute('aria-expanded', String(!open));
        detailsRow.hidden = open;
        if (!open) {
            await showDetails(detailsRow.firstChild, deliveryPath, ctx);
        }
    });
    const redeliver = el('button', { type: 'button', 'data-redeliver': d.id }, 'Redeliver');
    redeliver.addEventListener('click', async () => {
        redeliver.disabled = true;
        try {
            const newId = await ctx.api('POST', deliveryPath + '/redeliver');
            ctx.flash('Redelivery queued as ' + newId + '.', 'ok');
            ctx.go(window.location.hash);
        } catch (e) {
            ctx.flash(e.message, 'error');
            redeliver.disabled = false;
        }
    });
    const row = el('tr', { 'data-delivery-id': d.id, 'data-status': d.status },
        el('td', {}, time(d.timestamp)),
        el('td', {}, d.type, d.isRedelivery ? el('span', { class: 'badge' }, 'redelivery') : null),
        el('td', {}, el('span', { class: 'badge ' + (STATUS_BADGE[d.status] || '') }, d.status),
            d.errorMessage ? el('p', { class: 'error' }, d.errorMessage) : null),
        el('td', {}, d.httpCode === null || d.httpCode === undefined ? '—' : String(d.httpCode)),
        el('td', {}, el('div', { class: 'actions' }, toggle, redeliver)));
    return [row, detailsRow];
}

async function showDetails(cell, deliveryPath, ctx) {
    clear(cell);
    cell.appendChild(el('p', { class: 'muted' }, 'Loading…'));
    try {
        const [delivery, request] = await Promise.all([
            ctx.api('GET', deliveryPath),
            ctx.api('GET', deliveryPath + '/request').catch((e) => ({ unavailable: e.message })),
        ]);
        clear(cell);
        cell.appendChild(el('h3', {}, 'Attempts'));
        if (!delivery.attempts.length) {
            cell.appendChild(el('p', { class: 'muted' }, 'Not attempted yet.'));
        } else {
            cell.appendChild(el('table', { class: 'attempts' },
                el('thead', {}, el('tr', {}, ['Time', 'Response', 'Latency', 'Error'].map((h) => el('th', { scope: 'col' }, h)))),
                el('tbody', {}, delivery.attempts.map((a) => el('tr', {},
                    el('td', {}, time(a.time)),
                    el('td', {}, a.httpCode === null || a.httpCode === undefined ? 'no answer' : String(a.httpCode)),
                    el('td', {}, a.latencyMs + ' ms'),
                    el('td', {}, a.error || '—'))))));
        }
        cell.appendChild(el('h3', {}, 'Request body'));
        cell.appendChild(request && request.unavailable
            ? el('p', { class: 'muted' }, request.unavailable)
            : el('pre', { class: 'request-body' }, JSON.stringify(request, null, 2)));
    } catch (e) {
        clear(cell);
        cell.appendChild(el('p', { class: 'error' }, e.message));
    }
}

export default [list, detail];
