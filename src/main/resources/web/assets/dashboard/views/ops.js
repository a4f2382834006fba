/**
 * Shared bits of the operations views (overview, invoices, invoice, chains): status badges, amounts and API paths.
 * Their stylesheet, ops.css, is linked by the shell page.
 */
import { el } from '../dom.js';

const STATUS_KIND = { Settled: 'ok', Invalid: 'error', Expired: 'warn', Processing: 'warn', New: '' };

/** An invoice status as a badge; the additional status (PaidPartial, Marked ...) follows when there is one. */
export function statusBadge(status, additional) {
    return el('span', { class: 'status' },
        el('span', { class: 'badge ' + (STATUS_KIND[status] || ''), 'data-status': status }, status),
        additional && additional !== 'None' ? el('span', { class: 'badge', 'data-additional-status': additional }, additional) : null);
}

export function money(amount, currency) {
    return amount === null || amount === undefined ? 'any amount (top-up) in ' + currency : amount + ' ' + currency;
}

export const storePath = (storeId) => '/api/v1/stores/' + encodeURIComponent(storeId);
export const invoicesHash = (storeId) => '#/stores/' + encodeURIComponent(storeId) + '/invoices';
export const invoiceHash = (storeId, invoiceId) => invoicesHash(storeId) + '/' + encodeURIComponent(invoiceId);

/** Runs fn every `ms` until the returned stop function is called (a view's cleanup); errors wait for the next tick. */
export function every(ms, fn) {
    let stopped = false;
    const timer = setInterval(async () => {
        if (!stopped) {
            try {
                await fn();
            } catch (e) {
                // the next tick tries again; a view shows its own errors
            }
        }
    }, ms);
    return () => {
        stopped = true;
        clearInterval(timer);
    };
}
