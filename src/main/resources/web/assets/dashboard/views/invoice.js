/**
 * One invoice (#/stores/{storeId}/invoices/{invoiceId}): amounts, what each payment method asks for and has
 * received, every payment with its transaction, confirmations and status, every state change with its time, the
 * webhook deliveries it caused (with redelivery), and the merchant's actions: mark settled or invalid, archive.
 * While the invoice can still change, the page checks every 5 s and redraws when something moved.
 */
import { el, copyButton, time } from '../dom.js';
import { statusBadge, money, storePath, invoicesHash, every } from './ops.js';

const REFRESH_MS = 5000;
const DELIVERY_BADGE = { HttpSuccess: 'ok', HttpError: 'error', Failed: 'error', Pending: 'warn' };
const EVENT_TEXT = {
    InvoiceCreated: 'Created',
    InvoiceReceivedPayment: 'Payment seen',
    InvoiceProcessing: 'Paid in full, waiting for confirmations',
    InvoicePaymentSettled: 'Payment confirmed',
    InvoiceSettled: 'Settled',
    InvoiceExpired: 'Expired',
    InvoiceInvalid: 'Invalid',
    InvoicePaymentRemoved: 'Payment taken back (reorg or double spend)',
};

export default {
    route: '#/stores/{storeId}/invoices/{invoiceId}',
    title: 'Invoice',
    async render(main, params, ctx) {
        const base = storePath(params.storeId) + '/invoices/' + encodeURIComponent(params.invoiceId);
        const load = () => Promise.all([
            ctx.api('GET', base),
            ctx.api('GET', base + '/payment-methods'),
            ctx.api('GET', base + '/events'),
            ctx.api('GET', base + '/webhook-deliveries').catch((e) => ({ unavailable: e.message })),
        ]);
        let [invoice, prompts, events, deliveries] = await load();
        draw(main, params, ctx, base, invoice, prompts, events, deliveries);
        // redraw only when something changed, so reading or tabbing through the page is not disturbed
        let fingerprint = signature(invoice, prompts, events, deliveries);
        return every(REFRESH_MS, async () => {
            if (document.hidden) {
                return;
            }
            [invoice, prompts, events, deliveries] = await load();
            const now = signature(invoice, prompts, events, deliveries);
            if (now !== fingerprint) {
                fingerprint = now;
                draw(main, params, ctx, base, invoice, prompts, events, deliveries);
            }
        });
    },
};

function signature(invoice, prompts, events, deliveries) {
    return JSON.stringify([invoice.status, invoice.additionalStatus, invoice.archived, prompts, events.length,
        Array.isArray(deliveries) ? deliveries.map((d) => d.id + d.status + d.attempts.length) : null]);
}

function draw(main, params, ctx, base, invoice, prompts, events, deliveries) {
    const focusedId = document.activeElement && document.activeElement.id;
    while (main.firstChild) {
        main.removeChild(main.firstChild);
    }
    const meta = invoice.metadata || {};
    main.appendChild(el('p', {}, el('a', { href: invoicesHash(params.storeId) }, '← All invoices')));
    main.appendChild(el('h1', {}, 'Invoice ', el('code', {}, invoice.id), ' ',
        el('span', { id: 'invoice-status', 'data-status': invoice.status, 'aria-live': 'polite' },
            statusBadge(invoice.status, invoice.additionalStatus))));
    main.appendChild(el('dl', { class: 'facts', id: 'invoice-facts' },
        fact('Amount', money(invoice.type === 'TopUp' ? null : invoice.amount, invoice.currency)),
        fact('Created', time(invoice.createdTime)),
        fact('Expires', time(invoice.expirationTime)),
        fact('Monitored until', time(invoice.monitoringExpiration)),
        fact('Order id', meta.orderId || '—'),
        fact('Buyer email', meta.buyerEmail || '—'),
        fact('Item', meta.itemDesc || '—'),
        fact('Speed policy', invoice.checkout.speedPolicy),
        fact('Checkout page', el('a', { href: invoice.checkoutLink, target: '_blank', rel: 'noopener' }, invoice.checkoutLink)),
        invoice.archived ? fact('Archived', 'yes') : null));
    main.appendChild(actions(ctx, base, invoice));

    main.appendChild(el('h2', {}, 'Payment methods'));
    prompts.forEach((p) => main.appendChild(promptSection(p, invoice.currency, invoice.type === 'TopUp')));

    main.appendChild(el('h2', { id: 'history-heading' }, 'History'));
    main.appendChild(historyTable(events));

    main.appendChild(el('h2', {}, 'Webhook deliveries'));
    main.appendChild(deliveryTable(ctx, params.storeId, deliveries));

    if (focusedId && document.getElementById(focusedId)) {
        document.getElementById(focusedId).focus({ preventScroll: true });
    }
}

function fact(name, value) {
    return [el('dt', {}, name), el('dd', {}, value)];
}

function actions(ctx, base, invoice) {
    const box = el('div', { class: 'actions', id: 'invoice-actions' });
    const act = (id, label, cls, question, method, path, body, done) => {
        const button = el('button', { type: 'button', id, class: cls }, label);
        button.addEventListener('click', async () => {
            if (question && !window.confirm(question)) {
                return;
            }
            button.disabled = true;
            try {
                await ctx.api(method, path, body);
                ctx.flash(done, 'ok');
                ctx.go(window.location.hash);
            } catch (e) {
                ctx.flash(e.message, 'error');
                button.disabled = false;
            }
        });
        box.appendChild(button);
    };
    const marking = invoice.availableStatusesForManualMarking || [];
    if (marking.includes('Settled')) {
        act('mark-settled', 'Mark settled', '', 'Mark this invoice settled? The shop is told it was paid.',
            'POST', base + '/status', { status: 'Settled' }, 'Invoice marked settled.');
    }
    if (marking.includes('Invalid')) {
        act('mark-invalid', 'Mark invalid', 'danger', 'Mark this invoice invalid? The shop is told not to deliver.',
            'POST', base + '/status', { status: 'Invalid' }, 'Invoice marked invalid.');
    }
    if (refundable(invoice)) {
        const refund = el('button', { type: 'button', id: 'refund', class: 'secondary' }, 'Refund');
        refund.addEventListener('click', () => refundDialog(ctx, base, box, refund));
        box.appendChild(refund);
    }
    if (invoice.archived) {
        act('unarchive', 'Unarchive', 'secondary', null, 'POST', base + '/unarchive', undefined, 'Invoice unarchived.');
    } else {
        act('archive', 'Archive', 'secondary', null, 'DELETE', base, undefined, 'Invoice archived (hidden from the list; nothing is deleted).');
    }
    return box;
}

/** BTCPay's CanRefund: settled, invalid, or expired with something paid. */
function refundable(invoice) {
    return invoice.status === 'Settled' || invoice.status === 'Invalid'
        || (invoice.status === 'Expired' && ['PaidLate', 'PaidPartial', 'PaidOver'].includes(invoice.additionalStatus));
}

const REFUND_TEXT = {
    RateThen: 'The crypto paid, as paid',
    CurrentRate: 'The value paid, in crypto at today\'s rate',
    Fiat: 'The invoice amount at the rate when you approve',
    OverpaidAmount: 'Only the overpaid part',
};

/** The refund variants with what each would pay (nothing is made until one is chosen); the choice makes the claim link. */
async function refundDialog(ctx, base, box, button) {
    button.disabled = true;
    const old = document.getElementById('refund-dialog');
    if (old) {
        old.remove();
    }
    const dialog = el('section', { id: 'refund-dialog', class: 'panel', 'aria-label': 'Refund' }, el('h3', {}, 'Refund'));
    box.after(dialog);
    try {
        const preview = await ctx.api('GET', base + '/refund');
        for (const v of preview.variants) {
            const choose = el('button', { type: 'button', class: 'refund-variant', 'data-variant': v.refundVariant },
                (REFUND_TEXT[v.refundVariant] || v.refundVariant) + ': ' + v.amount + ' ' + v.currency);
            choose.addEventListener('click', async () => {
                choose.disabled = true;
                try {
                    const pp = await ctx.api('POST', base + '/refund', { refundVariant: v.refundVariant });
                    dialog.appendChild(el('p', { id: 'refund-link' }, 'Send the buyer this link to claim ' + pp.amount + ' '
                        + pp.currency + ': ', el('a', { href: pp.viewLink, target: '_blank', rel: 'noopener' }, pp.viewLink), ' ',
                        copyButton(() => pp.viewLink)));
                } catch (e) {
                    ctx.flash(e.message, 'error');
                    choose.disabled = false;
                }
            });
            dialog.appendChild(el('div', {}, choose));
        }
    } catch (e) {
        dialog.appendChild(el('p', { class: 'error' }, e.message));
    }
    button.disabled = false;
}

function promptSection(p, currency, topUp) {
    const section = el('section', { class: 'panel', 'data-payment-method': p.paymentMethodId, 'aria-label': p.paymentMethodId });
    section.appendChild(el('h3', {}, p.paymentMethodId));
    section.appendChild(el('dl', { class: 'facts' },
        fact('Address', [el('code', { class: 'destination' }, p.destination), ' ', copyButton(() => p.destination, 'Copy address')]),
        fact('Rate', p.rate + ' ' + currency + ' per ' + p.currency),
        fact('Amount', topUp ? 'any' : p.amount + ' ' + p.currency),
        fact('Paid', el('span', { 'data-paid': p.paymentMethodPaid }, p.paymentMethodPaid + ' ' + p.currency)),
        fact('Still due', topUp ? '—' : p.due + ' ' + p.currency)));
    if (!p.payments.length) {
        section.appendChild(el('p', { class: 'muted' }, 'No payment seen yet.'));
        return section;
    }
    section.appendChild(el('div', { class: 'table-wrap' }, el('table', { class: 'payments' },
        el('caption', { class: 'visually-hidden' }, 'Payments to ' + p.destination),
        el('thead', {}, el('tr', {}, ['Seen', 'Transaction', 'Value', 'Confirmations', 'Status'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, p.payments.map((pay) => el('tr', { 'data-payment-id': pay.id, 'data-status': pay.status },
            el('td', {}, time(pay.receivedDate)),
            el('td', {}, el('code', { class: 'txid' }, pay.txid || pay.id)),
            el('td', {}, pay.value + ' ' + p.currency),
            el('td', { class: 'confirmations' }, pay.confirmations === undefined ? '—' : String(pay.confirmations),
                pay.blockHeight ? el('span', { class: 'muted' }, ' (block ' + pay.blockHeight + ')') : null),
            el('td', {}, el('span', { class: 'badge ' + (pay.status === 'Settled' ? 'ok' : pay.status === 'Invalid' ? 'error' : 'warn') },
                pay.status))))))));
    return section;
}

function historyTable(events) {
    return el('div', { class: 'table-wrap' }, el('table', { id: 'invoice-history' },
        el('caption', { class: 'visually-hidden' }, 'Everything that happened to the invoice, oldest first'),
        el('thead', {}, el('tr', {}, ['Time', 'Event', 'Status after'].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, events.map((e) => el('tr', { 'data-event-type': e.type, 'data-status': e.status || '' },
            el('td', {}, time(e.timestamp)),
            el('td', {}, EVENT_TEXT[e.type] || e.type, eventDetail(e)),
            el('td', {}, e.status ? statusBadge(e.status) : el('span', { class: 'muted' }, 'unchanged')))))));
}

function eventDetail(e) {
    const d = e.data || {};
    if (d.payment) {
        return el('span', { class: 'muted' }, ' · ', d.payment.value + ' (' + d.paymentMethodId + ')');
    }
    if (d.manuallyMarked) {
        return el('span', { class: 'muted' }, ' · marked by the merchant');
    }
    return null;
}

function deliveryTable(ctx, storeId, deliveries) {
    if (deliveries && deliveries.unavailable) {
        return el('p', { class: 'muted', id: 'invoice-deliveries' }, 'Not shown: ' + deliveries.unavailable);
    }
    if (!deliveries.length) {
        return el('p', { class: 'muted', id: 'invoice-deliveries' }, 'No webhook deliveries for this invoice.');
    }
    return el('div', { class: 'table-wrap' }, el('table', { id: 'invoice-deliveries' },
        el('caption', { class: 'visually-hidden' }, 'Webhook deliveries this invoice caused'),
        el('thead', {}, el('tr', {}, ['Time', 'Event', 'Webhook', 'Status', 'Attempts', ''].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, deliveries.map((d) => deliveryRow(ctx, storeId, d)))));
}

function deliveryRow(ctx, storeId, d) {
    const hookHash = '#/stores/' + encodeURIComponent(storeId) + '/webhooks/' + encodeURIComponent(d.webhookId);
    const redeliver = el('button', { type: 'button', class: 'secondary', 'data-redeliver': d.id }, 'Redeliver');
    redeliver.addEventListener('click', async () => {
        redeliver.disabled = true;
        try {
            const newId = await ctx.api('POST', storePath(storeId) + '/webhooks/' + encodeURIComponent(d.webhookId)
                + '/deliveries/' + encodeURIComponent(d.id) + '/redeliver');
            ctx.flash('Redelivery queued as ' + newId + '.', 'ok');
            ctx.go(window.location.hash);
        } catch (e) {
            ctx.flash(e.message, 'error');
            redeliver.disabled = false;
        }
    });
    const last = d.attempts.length ? d.attempts[d.attempts.length - 1] : null;
    return el('tr', { 'data-delivery-id': d.id, 'data-status': d.status, 'data-type': d.type },
        el('td', {}, time(d.timestamp)),
        el('td', {}, d.type, d.isRedelivery ? el('span', { class: 'badge' }, 'redelivery') : null),
        // a pay button's IPN has no webhook: it names its own target and cannot be redelivered by hand
        el('td', {}, d.webhookId ? el('a', { href: hookHash }, 'webhook') : 'IPN to ' + d.target),
        el('td', {}, el('span', { class: 'badge ' + (DELIVERY_BADGE[d.status] || '') }, d.status),
            d.errorMessage ? el('p', { class: 'error' }, d.errorMessage) : null),
        el('td', {}, String(d.attempts.length), last && last.httpCode ? el('span', { class: 'muted' }, ' (last HTTP ' + last.httpCode + ')') : null),
        el('td', {}, d.webhookId ? redeliver : null));
}
