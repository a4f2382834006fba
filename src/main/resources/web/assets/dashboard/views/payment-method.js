/**
 * Setting up one payment method of a store from an extended PUBLIC key. The first addresses are previewed
 * before anything is saved, so the merchant can check them against the wallet; Save only becomes possible
 * for the exact key that was previewed. Private keys and seed words are refused in the page itself, before
 * they are sent anywhere (the API refuses them too, without echoing them).
 */
import { el, clear, field, fieldErrors, clearErrors } from '../dom.js';
import { ApiError } from '../api.js';

const PREVIEW_COUNT = 5;
// The same shapes the server refuses (chain/SecretMaterialGuard): extended private keys anywhere in the text,
// WIF and raw hex private keys, and 12 to 25 words (a seed phrase).
const PRIVATE_KEY = /(^|[^1-9A-HJ-NP-Za-km-z])[xyztuvXYZUV]prv[1-9A-HJ-NP-Za-km-z]{20,}/;
const WIF_OR_HEX = /^\s*([59][1-9A-HJ-NP-Za-km-z]{50}|[KLc][1-9A-HJ-NP-Za-km-z]{51}|(0[xX])?[0-9a-fA-F]{64})\s*$/;
const SEED_WORDS = /^\s*\p{L}+(\s+\p{L}+){11,24}\s*$/u;

/** Why a pasted value must not be used, or null when it may be a public key. */
export function secretProblem(value) {
    if (PRIVATE_KEY.test(value) || WIF_OR_HEX.test(value)) {
        return 'This is a PRIVATE key: never paste it here or anywhere online. Use the wallet\'s extended PUBLIC key '
            + '(xpub, ypub, zpub, tpub, upub or vpub) instead. Nothing was sent.';
    }
    if (SEED_WORDS.test(value)) {
        return 'These look like seed words (a recovery phrase): never paste them here or anywhere online. Use the '
            + 'wallet\'s extended PUBLIC key instead. Nothing was sent.';
    }
    return null;
}

export default {
    route: '#/stores/{storeId}/payment-methods/{paymentMethodId}',
    title: 'Payment method',
    async render(main, params, ctx) {
        const base = '/api/v1/stores/' + encodeURIComponent(params.storeId) + '/payment-methods/' + encodeURIComponent(params.paymentMethodId);
        const store = await ctx.api('GET', '/api/v1/stores/' + encodeURIComponent(params.storeId));
        let current = null;
        try {
            current = await ctx.api('GET', base);
        } catch (e) {
            if (!(e instanceof ApiError) || e.status !== 404) {
                throw e;
            }
        }
        const storeLink = '#/stores/' + encodeURIComponent(store.id);
        main.appendChild(el('p', {}, el('a', { href: storeLink }, '← ' + store.name)));
        main.appendChild(el('h1', {}, params.paymentMethodId + ' for ' + store.name));
        if (current) {
            main.appendChild(el('p', {}, 'Now using ', el('code', { id: 'current-key' }, current.config.derivationScheme),
                current.enabled ? ' (enabled).' : ' (disabled).'));
        }

        const input = el('textarea', { name: 'config', rows: 3, spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off' });
        const enabled = el('input', { type: 'checkbox', name: 'enabled', id: 'pm-enabled', checked: current ? current.enabled : true });
        const previewButton = el('button', { type: 'button', class: 'secondary', id: 'preview' }, 'Show the first addresses');
        const saveButton = el('button', { type: 'submit', id: 'save', disabled: true }, 'Save');
        const previewBox = el('div', { id: 'preview-box', 'aria-live': 'polite' });
        const form = el('form', { class: 'panel', id: 'payment-method-form', novalidate: true },
            field('Extended public key', input, keyHint(params.paymentMethodId)
                + ' A PUBLIC key only lets ChainTill derive addresses; your funds stay in your wallet.'),
            el('div', { class: 'check' }, enabled, el('label', { for: 'pm-enabled' }, 'Enabled (offered on new invoices)')),
            el('div', { class: 'actions' }, previewButton, saveButton),
            previewBox);

        let previewed = null; // the exact text whose addresses are on screen
        const reset = () => {
            if (input.value !== previewed) {
                previewed = null;
                saveButton.disabled = true;
                clear(previewBox);
            }
        };
        const refuseSecret = () => {
            const problem = secretProblem(input.value);
            if (problem) {
                fieldErrors(form, { fieldErrors: { config: problem } });
                input.focus();
            }
            return problem;
        };
        input.addEventListener('input', () => {
            reset();
            if (!refuseSecret() && form.querySelector('[data-error-for]')) {
                clearErrors(form);
            }
        });

        previewButton.addEventListener('click', async () => {
            clearErrors(form);
            if (refuseSecret()) {
                return;
            }
            const key = input.value.trim();
            if (!key) {
                fieldErrors(form, { fieldErrors: { config: 'Paste the extended public key first.' } });
                return;
            }
            previewButton.disabled = true;
            try {
                const preview = await ctx.api('POST', base + '/preview?count=' + PREVIEW_COUNT, { config: key });
                previewed = input.value;
                showPreview(previewBox, preview.addresses || []);
                saveButton.disabled = false;
            } catch (e) {
                fieldErrors(form, e);
            } finally {
                previewButton.disabled = false;
            }
        });

        form.addEventListener('submit', async (event) => {
            event.preventDefault();
            clearErrors(form);
            if (refuseSecret() || previewed === null || input.value !== previewed) {
                return;
            }
            try {
                await ctx.api('PUT', base, { enabled: enabled.checked, config: input.value.trim() });
                ctx.flash(params.paymentMethodId + ' saved: new invoices of "' + store.name + '" will use this key.', 'ok');
                ctx.go(storeLink);
            } catch (e) {
                fieldErrors(form, e);
            }
        });
        main.appendChild(form);

        if (current) {
            const remove = el('button', { type: 'button', class: 'danger', id: 'remove-method' }, 'Remove ' + params.paymentMethodId);
            remove.addEventListener('click', async () => {
                if (!window.confirm('Remove ' + params.paymentMethodId + ' from "' + store.name + '"? Existing invoices keep their addresses.')) {
                    return;
                }
                try {
                    await ctx.api('DELETE', base);
                    ctx.flash(params.paymentMethodId + ' removed.', 'ok');
                    ctx.go(storeLink);
                } catch (e) {
                    ctx.flash(e.message, 'error');
                }
            });
            main.appendChild(el('div', { class: 'actions' }, remove));
        }
    },
};

function keyHint(paymentMethodId) {
    if (paymentMethodId.startsWith('BTC')) {
        return 'Your wallet\'s account key for receiving: xpub/zpub (mainnet) or tpub/vpub (test networks); append -[p2sh] '
            + 'or -[legacy] for those address types.';
    }
    // ETH-CHAIN and the ERC-20 tokens: addresses come from the Ethereum account key m/44'/60'/0'
    return 'Your Ethereum wallet\'s account xpub (derivation path m/44\'/60\'/0\'); addresses are m/44\'/60\'/0\'/0/i.';
}

function showPreview(box, addresses) {
    clear(box);
    box.appendChild(el('h2', {}, 'Compare with your wallet before saving'));
    box.appendChild(el('p', {}, 'Your wallet\'s first receive addresses must be exactly these. If they differ, the key or its '
        + 'address type is wrong: do not save.'));
    box.appendChild(el('div', { class: 'table-wrap' }, el('table', { id: 'preview-addresses' },
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Path'), el('th', { scope: 'col' }, 'Address'))),
        el('tbody', {}, addresses.map((a) => el('tr', {}, el('td', {}, a.keyPath), el('td', {}, el('code', {}, a.address))))))));
}
