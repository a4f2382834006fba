/**
 * API keys (#/api-keys): create a key with chosen Greenfield permissions, optionally limited to one store;
 * the key is shown once (only its hash is stored); list and revoke.
 */
import { el, clear, field, fieldErrors, clearErrors, formValues, copyButton, time } from '../dom.js';

const STORE_PERMISSIONS = [
    ['btcpay.store.canmodifystoresettings', 'Modify store settings (includes every store permission below)'],
    ['btcpay.store.canviewstoresettings', 'View store settings'],
    ['btcpay.store.webhooks.canmodifywebhooks', 'Manage webhooks'],
    ['btcpay.store.canmodifyinvoices', 'Modify invoices (mark, archive; includes view and create)'],
    ['btcpay.store.canviewinvoices', 'View invoices'],
    ['btcpay.store.cancreateinvoice', 'Create invoices (what a shop plugin needs)'],
];
const USER_PERMISSIONS = [
    ['btcpay.user.canviewprofile', 'View my profile and the server information'],
    ['btcpay.user.canmodifyprofile', 'Modify my profile'],
    ['btcpay.server.cancreateuser', 'Create users (administrators only)'],
    ['btcpay.server.canmodifyserversettings', 'Modify server settings (administrators only)'],
    ['unrestricted', 'Unrestricted: everything I may do'],
];

export default {
    route: '#/api-keys',
    title: 'API keys',
    async render(main, params, ctx) {
        main.appendChild(el('h1', {}, 'API keys'));
        main.appendChild(el('p', {}, 'Keys let shop plugins and scripts use the Greenfield API (',
            el('code', {}, 'Authorization: token <key>'), '). Give each one only the permissions it needs.'));
        const created = el('div', { id: 'created-key', 'aria-live': 'polite' });
        main.appendChild(created);
        const listBox = el('div', { id: 'api-key-list' });
        main.appendChild(el('h2', {}, 'Your keys'));
        main.appendChild(listBox);
        main.appendChild(createForm(ctx, created, () => refresh(listBox, ctx)));
        await refresh(listBox, ctx);
    },
};

async function refresh(box, ctx) {
    const keys = (await ctx.api('GET', '/api/v1/api-keys')) || [];
    clear(box);
    if (!keys.length) {
        box.appendChild(el('p', { class: 'muted' }, 'No API keys yet.'));
        return;
    }
    box.appendChild(el('div', { class: 'table-wrap' }, el('table', {},
        el('thead', {}, el('tr', {}, ['Label', 'Permissions', 'Created', 'Key', ''].map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, keys.map((k) => {
            const revoke = el('button', { type: 'button', class: 'danger', 'data-revoke': k.id }, 'Revoke');
            revoke.addEventListener('click', async () => {
                if (!window.confirm('Revoke the key "' + (k.label || k.apiKey) + '"? Anything using it stops working at once.')) {
                    return;
                }
                try {
                    await ctx.api('DELETE', '/api/v1/api-keys/id/' + encodeURIComponent(k.id));
                    ctx.flash('Key "' + (k.label || k.apiKey) + '" revoked.', 'ok');
                    await refresh(box, ctx);
                } catch (e) {
                    ctx.flash(e.message, 'error');
                }
            });
            return el('tr', { 'data-key-id': k.id },
                el('td', {}, k.label || el('span', { class: 'muted' }, '(no label)')),
                el('td', {}, el('ul', {}, (k.permissions || []).map((p) => el('li', {}, el('code', {}, p))))),
                el('td', {}, time(k.createdTime)),
                el('td', {}, el('code', {}, k.apiKey)),
                el('td', {}, revoke));
        })))));
}

function createForm(ctx, createdBox, onCreated) {
    const checkbox = ([name, label]) => {
        const id = 'perm-' + name.replace(/[^a-z]/g, '-');
        return el('div', { class: 'check' }, el('input', { type: 'checkbox', name: 'permissions', value: name, id }),
            el('label', { for: id }, label, ' ', el('code', { class: 'muted' }, name)));
    };
    const scope = el('select', { name: 'storeScope' }, el('option', { value: '' }, 'All my stores'),
        ctx.stores.map((s) => el('option', { value: s.id }, s.name)));
    const form = el('form', { class: 'panel', id: 'create-api-key', novalidate: true },
        el('h2', {}, 'New key'),
        field('Label', el('input', { type: 'text', name: 'label', maxlength: 200, placeholder: 'e.g. WooCommerce' })),
        el('fieldset', { 'data-field': 'permissions' }, el('legend', {}, 'Store permissions'), STORE_PERMISSIONS.map(checkbox)),
        field('Store permissions apply to', scope, 'Limit the key to one store, so a leaked key cannot touch the others.'),
        el('fieldset', {}, el('legend', {}, 'Account and server permissions'), USER_PERMISSIONS.map(checkbox)),
        el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Create key')));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        clearErrors(form);
        clear(createdBox);
        const v = formValues(form);
        const chosen = Array.isArray(v.permissions) ? v.permissions : [];
        if (!chosen.length) {
            fieldErrors(form, { fieldErrors: { permissions: 'Choose at least one permission.' } });
            return;
        }
        const storePermission = new Set(STORE_PERMISSIONS.map(([n]) => n));
        const permissions = chosen.map((p) => (v.storeScope && storePermission.has(p) ? p + ':' + v.storeScope : p));
        try {
            const key = await ctx.api('POST', '/api/v1/api-keys', { label: v.label || null, permissions });
            showCreated(createdBox, key);
            form.reset();
            await onCreated();
        } catch (e) {
            fieldErrors(form, e);
        }
    });
    return form;
}

function showCreated(box, key) {
    clear(box);
    box.appendChild(el('div', { class: 'secret', role: 'status' },
        el('p', {}, el('strong', {}, 'Copy this key now: it is shown only once.'), ' ChainTill keeps only a hash of it.'),
        el('p', {}, el('code', { id: 'new-api-key' }, key.apiKey), copyButton(() => key.apiKey, 'Copy key')),
        el('p', {}, 'Permissions: ', key.permissions.join(', '))));
}
