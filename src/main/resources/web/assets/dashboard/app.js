/**
 * ChainTill merchant dashboard: the shell of a single-page app over the public Greenfield API.
 *
 * MODULE CONTRACT (also in docs/dashboard.md)
 *
 * Routing. The URL hash is the route: `#/`, `#/stores`, `#/stores/{storeId}/invoices?status=New` ...
 * Each view module (listed in views/index.js) default-exports a view, or an array of views:
 *     { route: '#/stores/{storeId}/invoices/{invoiceId}', title: 'Invoice', render(main, params, ctx) }
 *   - `{name}` segments capture one decoded path segment into params.name; params.query is the
 *     URLSearchParams of what follows `?` in the hash. When two routes match, the one with more literal
 *     segments wins (`.../invoices/new` beats `.../invoices/{invoiceId}`).
 *   - render(main, params, ctx) fills the (already emptied) <main>. It may be async; a thrown ApiError is
 *     shown in place of the view. It may return (or resolve to) a function: it is called before the next
 *     route renders (stop timers there).
 *   - A `{storeId}` param makes that store the current one (the store picker follows).
 *
 * ctx (the third argument of render):
 *   ctx.api(method, path, body)  -> the same as the exported api() below
 *   ctx.storeId                  -> the current store id (null when the user has no store yet)
 *   ctx.stores                   -> [{id, name, ...}] as GET /api/v1/stores returned them at start/refresh
 *   ctx.refreshStores()          -> reloads ctx.stores and the picker (after creating/renaming/deleting a store)
 *   ctx.setStore(id)             -> makes a store current (remembered in localStorage)
 *   ctx.go(hash)                 -> navigates, e.g. ctx.go('#/stores/' + id)
 *   ctx.flash(message, kind)     -> a status message above the view ('ok' | 'error' | 'info'), shown at once
 *                                   and kept across the next ctx.go() (so "Saved" can precede a redirect);
 *                                   any other navigation removes it
 *
 * api(method, path, body) lives in api.js and is re-exported here (views may import it and ApiError from
 * '../api.js'): fetch() against `path` (e.g. '/api/v1/stores'), sending the session cookie and the
 * X-CSRF-Token from <meta name="csrf-token">; body (if any) is sent as JSON. Resolves to the parsed JSON (or
 * null when the answer has no body). Anything not 2xx throws an ApiError {status, code, message, fieldErrors}
 * where fieldErrors maps each 422 path to its message ({} otherwise). A 401 means the session ended: the page
 * goes to /dashboard/login.
 */
import { el, clear } from './dom.js';
import { api, ApiError } from './api.js';
import viewModules from './views/index.js';
import { startIntegrityBanner } from './integrity-banner.js';

export { api, ApiError };

const STORE_KEY = 'chaintill.dashboard.store';

// ---- routing ----

const routes = [];
for (const module of viewModules) {
    for (const view of Array.isArray(module) ? module : [module]) {
        const segments = view.route.replace(/^#\/?/, '').split('/').filter(Boolean);
        routes.push({ view, segments, literals: segments.filter((s) => !s.startsWith('{')).length });
    }
}

function match(hash) {
    const [pathPart, queryPart] = (hash || '#/').replace(/^#\/?/, '').split('?');
    const parts = pathPart.split('/').filter(Boolean);
    let best = null;
    for (const route of routes) {
        if (route.segments.length !== parts.length) {
            continue;
        }
        const params = {};
        let ok = true;
        route.segments.forEach((seg, i) => {
            if (seg.startsWith('{')) {
                try {
                    params[seg.slice(1, -1)] = decodeURIComponent(parts[i]);
                } catch (e) {
                    ok = false;
                }
            } else if (seg !== parts[i]) {
                ok = false;
            }
        });
        if (ok && (!best || route.literals > best.route.literals)) {
            best = { route, params };
        }
    }
    if (best) {
        best.params.query = new URLSearchParams(queryPart || '');
    }
    return best;
}

// ---- layout and state ----

const main = document.getElementById('main');
const flashBox = document.getElementById('flash');
const picker = document.getElementById('store-picker');
const nav = document.getElementById('nav');
let cleanup = null;
let pendingFlash = null;
// a flash survives a navigation only when ctx.go() caused it (e.g. "Store created", then the store's page)
let carryFlash = false;

const ctx = {
    api,
    stores: [],
    storeId: localStorage.getItem(STORE_KEY),
    go(hash) {
        carryFlash = pendingFlash !== null;
        if (window.location.hash === hash) {
            render();
        } else {
            window.location.hash = hash;
        }
    },
    setStore(id) {
        ctx.storeId = id || null;
        if (id) {
            localStorage.setItem(STORE_KEY, id);
        } else {
            localStorage.removeItem(STORE_KEY);
        }
        picker.value = id || '';
        updateNav();
    },
    async refreshStores() {
        try {
            ctx.stores = (await api('GET', '/api/v1/stores')) || [];
        } catch (e) {
            ctx.stores = [];
        }
        if (!ctx.stores.some((s) => s.id === ctx.storeId)) {
            ctx.setStore(ctx.stores.length ? ctx.stores[0].id : null);
        }
        clear(picker);
        if (!ctx.stores.length) {
            picker.appendChild(el('option', { value: '' }, 'No store yet'));
        }
        for (const s of ctx.stores) {
            picker.appendChild(el('option', { value: s.id }, s.name));
        }
        picker.value = ctx.storeId || '';
        updateNav();
    },
    flash(message, kind = 'info') {
        pendingFlash = { message, kind };
        showFlash();
    },
};

function showFlash() {
    clear(flashBox);
    if (pendingFlash) {
        flashBox.appendChild(el('p', { class: 'flash ' + pendingFlash.kind, role: pendingFlash.kind === 'error' ? 'alert' : 'status' },
            pendingFlash.message));
    }
}

const NAV = [
    { label: 'Overview', href: () => '#/', section: '' },
    { label: 'Invoices', href: (s) => s ? '#/stores/' + encodeURIComponent(s) + '/invoices' : '#/stores', section: 'invoices' },
    { label: 'Payouts', href: (s) => s ? '#/stores/' + encodeURIComponent(s) + '/payouts' : '#/stores', section: 'payouts' },
    { label: 'Stores', href: () => '#/stores', section: 'stores' },
    { label: 'Webhooks', href: (s) => s ? '#/stores/' + encodeURIComponent(s) + '/webhooks' : '#/stores', section: 'webhooks' },
    { label: 'API keys', href: () => '#/api-keys', section: 'api-keys' },
    { label: 'Chains', href: () => '#/chains', section: 'chains' },
];

function section(hash) {
    const parts = (hash || '#/').replace(/^#\/?/, '').split('?')[0].split('/').filter(Boolean);
    if (parts[0] === 'stores' && parts.length >= 3) {
        return parts[2];
    }
    return parts[0] || '';
}

function updateNav() {
    clear(nav);
    const current = section(window.location.hash);
    for (const item of NAV) {
        const active = item.section === current;
        nav.appendChild(el('a', { href: item.href(ctx.storeId), 'aria-current': active ? 'page' : null }, item.label));
    }
}

async function render() {
    if (cleanup) {
        try {
            cleanup();
        } catch (e) {
            // a view's cleanup failing must not block the next view
        }
        cleanup = null;
    }
    const hash = window.location.hash || '#/';
    const found = match(hash);
    clear(main);
    updateNav();
    if (!carryFlash) {
        pendingFlash = null;
    }
    showFlash();
    pendingFlash = null;
    carryFlash = false;
    if (!found) {
        document.title = 'Not found · ChainTill';
        main.appendChild(el('h1', {}, 'Page not found'));
        main.appendChild(el('p', {}, 'There is nothing at this address. ', el('a', { href: '#/' }, 'Back to the overview')));
        return;
    }
    const { route, params } = found;
    if (params.storeId && params.storeId !== ctx.storeId && ctx.stores.some((s) => s.id === params.storeId)) {
        ctx.setStore(params.storeId);
    }
    document.title = route.view.title + ' · ChainTill';
    main.setAttribute('aria-busy', 'true');
    try {
        const result = await route.view.render(main, params, ctx);
        if (typeof result === 'function') {
            cleanup = result;
        }
    } catch (e) {
        clear(main);
        main.appendChild(el('h1', {}, route.view.title));
        main.appendChild(el('p', { class: 'flash error', role: 'alert' }, e && e.message ? e.message : String(e)));
    } finally {
        main.removeAttribute('aria-busy');
    }
    const heading = main.querySelector('h1');
    if (heading) {
        heading.setAttribute('tabindex', '-1');
        heading.focus({ preventScroll: true });
    }
}

picker.addEventListener('change', () => {
    const id = picker.value;
    ctx.setStore(id);
    // keep the same kind of page for the newly picked store
    const hash = window.location.hash;
    const m = hash.match(/^#\/stores\/[^/?]+(\/(invoices|webhooks))?/);
    if (m && id) {
        ctx.go('#/stores/' + encodeURIComponent(id) + (m[1] || ''));
    } else {
        render();
    }
});

window.addEventListener('hashchange', render);

await ctx.refreshStores();
await render();
startIntegrityBanner(flashBox);
