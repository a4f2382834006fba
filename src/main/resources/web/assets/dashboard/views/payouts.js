/**
 * A store's payouts (#/stores/{storeId}/payouts): every claim with its state and a BIP21 link while it awaits
 * payment, approve and cancel; and paying approved Bitcoin payouts without a hot wallet: a payout batch becomes an
 * unsigned PSBT to download (or copy), the merchant's wallet signs it, and the signed PSBT pasted or loaded here is
 * checked by the server (exactly the batch, or refused with the reason) and broadcast. The page redraws every 5 s.
 */
import { el, copyButton, time } from '../dom.js';
import { storePath, every } from './ops.js';

const REFRESH_MS = 5000;
const STATE_KIND = { Completed: 'ok', Cancelled: 'error', InProgress: 'warn', AwaitingApproval: 'warn', AwaitingPayment: '' };

export default {
    route: '#/stores/{storeId}/payouts',
    title: 'Payouts',
    async render(main, params, ctx) {
        const base = storePath(params.storeId);
        const load = () => Promise.all([
            ctx.api('GET', base + '/payouts?includeCancelled=true'),
            ctx.api('GET', base + '/payout-batches').catch(() => []),
        ]);
        let [payouts, batches] = await load();
        draw(main, ctx, base, payouts, batches);
        let fingerprint = JSON.stringify([payouts, batches.map((b) => b.id + b.state)]);
        return every(REFRESH_MS, async () => {
            // never redraw over a signed PSBT being pasted
            if (document.hidden || main.querySelector('.signed-psbt:focus')) {
                return;
            }
            [payouts, batches] = await load();
            const now = JSON.stringify([payouts, batches.map((b) => b.id + b.state)]);
            if (now !== fingerprint) {
                fingerprint = now;
                draw(main, ctx, base, payouts, batches);
            }
        });
    },
};

function draw(main, ctx, base, payouts, batches) {
    while (main.firstChild) {
        main.removeChild(main.firstChild);
    }
    main.appendChild(el('h1', {}, 'Payouts'));
    main.appendChild(el('p', {}, 'Claims on pull payments and refunds. ChainTill holds no private key: approve a payout, '
        + 'then pay it with a PSBT your wallet signs (below), or from any wallet with its payment link and mark it paid.'));
    if (payouts.length === 0) {
        main.appendChild(el('p', { id: 'no-payouts' }, 'No payouts yet.'));
    } else {
        main.appendChild(el('table', { id: 'payouts' },
            el('thead', {}, el('tr', {}, ...['Created', 'Destination', 'Amount', 'State', ''].map((h) => el('th', {}, h)))),
            el('tbody', {}, ...payouts.map((p) => row(ctx, base, p)))));
    }
    main.appendChild(el('h2', {}, 'Pay approved Bitcoin payouts with your wallet'));
    const create = el('button', { type: 'button', id: 'create-batch' }, 'Prepare a PSBT for the approved payouts');
    create.addEventListener('click', () => act(ctx, create, 'POST', base + '/payout-batches', {},
        'PSBT ready: sign it with your wallet and upload the signed PSBT.'));
    main.appendChild(el('div', { class: 'actions' }, create));
    for (const b of batches) {
        main.appendChild(batchPanel(ctx, base, b));
    }
}

function row(ctx, base, p) {
    const cells = el('td', { class: 'actions' });
    const button = (id, label, cls, method, path, done) => {
        const b = el('button', { type: 'button', class: cls + ' ' + id }, label);
        b.addEventListener('click', () => act(ctx, b, method, path, method === 'POST' ? {} : undefined, done));
        cells.appendChild(b);
    };
    const path = '/api/v1/payouts/' + encodeURIComponent(p.id);
    if (p.state === 'AwaitingApproval') {
        button('approve', 'Approve', '', 'POST', path, 'Payout approved; its amount is fixed now.');
    }
    if (p.state === 'AwaitingApproval' || p.state === 'AwaitingPayment') {
        button('cancel', 'Cancel', 'secondary', 'DELETE', path, 'Payout cancelled.');
    }
    if (p.paymentLink) {
        cells.appendChild(el('a', { href: p.paymentLink, class: 'payment-link' }, 'Pay from a wallet'));
    }
    const proof = p.paymentProof && p.paymentProof.transactionId;
    return el('tr', { 'data-payout-id': p.id, 'data-state': p.state },
        el('td', {}, time(Number(p.date))),
        el('td', {}, el('code', {}, p.destination)),
        el('td', {}, (p.payoutAmount || p.originalAmount) + ' ' + (p.payoutAmount ? p.payoutCurrency : p.originalCurrency)),
        el('td', {}, el('span', { class: 'badge ' + (STATE_KIND[p.state] || ''), 'data-state': p.state }, p.state),
            proof ? el('div', {}, el('code', {}, proof)) : null),
        cells);
}

function batchPanel(ctx, base, b) {
    const path = base + '/payout-batches/' + encodeURIComponent(b.id);
    const panel = el('section', { class: 'panel batch', 'data-batch-id': b.id, 'data-state': b.state },
        el('h3', {}, 'Batch ', el('code', {}, b.id), ' ', el('span', { class: 'badge batch-state' }, b.state)),
        el('dl', { class: 'facts' },
            el('dt', {}, 'Payouts'), el('dd', {}, String(b.payoutIds.length)),
            el('dt', {}, 'Fee'), el('dd', {}, b.fee + ' BTC'),
            el('dt', {}, 'Change back to your wallet'), el('dd', {}, b.change + ' BTC'),
            el('dt', {}, 'Transaction'), el('dd', {}, el('code', { class: 'batch-txid' }, b.transactionId || b.unsignedTransactionId))));
    if (b.state !== 'Open') {
        return panel;
    }
    const bytes = Uint8Array.from(atob(b.psbt), (c) => c.charCodeAt(0));
    const download = el('a', { class: 'download-psbt', download: 'payout-batch-' + b.id + '.psbt',
        href: URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' })) }, 'Download the PSBT file');
    panel.appendChild(el('p', {}, download, ' ', copyButton(() => b.psbt, 'Copy the PSBT (base64)')));
    const signed = el('textarea', { class: 'signed-psbt', rows: '4', 'aria-label': 'Signed PSBT (base64)',
        placeholder: 'Paste the signed PSBT (base64), or load the signed .psbt file' });
    const file = el('input', { type: 'file', class: 'signed-file', accept: '.psbt,application/octet-stream,text/plain' });
    file.addEventListener('change', async () => {
        const data = new Uint8Array(await file.files[0].arrayBuffer());
        const text = new TextDecoder().decode(data).trim();
        // a .psbt file is binary (magic "psbt\xff"); some wallets save base64 text instead
        signed.value = data[0] === 0x70 && data[4] === 0xff ? btoa(String.fromCharCode(...data)) : text;
    });
    const upload = el('button', { type: 'button', class: 'upload-signed' }, 'Check and broadcast');
    upload.addEventListener('click', () => act(ctx, upload, 'POST', path + '/signed', { psbt: signed.value.trim() },
        'Broadcast: the payouts are in progress until the transaction confirms.'));
    const cancel = el('button', { type: 'button', class: 'secondary cancel-batch' }, 'Cancel batch');
    cancel.addEventListener('click', () => act(ctx, cancel, 'DELETE', path, undefined, 'Batch cancelled; its payouts can be paid again.'));
    panel.appendChild(el('div', {}, signed));
    panel.appendChild(el('div', { class: 'actions' }, file, upload, cancel));
    return panel;
}

async function act(ctx, button, method, path, body, done) {
    button.disabled = true;
    try {
        await ctx.api(method, path, body);
        ctx.flash(done, 'ok');
        ctx.go(window.location.hash);
    } catch (e) {
        ctx.flash(e.message, 'error');
        button.disabled = false;
    }
}
