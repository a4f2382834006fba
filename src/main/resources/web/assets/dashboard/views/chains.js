/**
 * Chains the server follows (#/chains): for each, the node's tip, how far ChainTill has scanned, the lag, when
 * it was last checked, the source's health and its last error, with an alert when a chain is down or behind; then
 * each integrity source (primary and witnesses) with its tip and lag.
 * Read from the public health report; refreshed every 10 s. Below it, for server admins, the chain integrity alerts
 * (docs/chain-integrity.md), raised and cleared.
 */
import { el, clear, time } from '../dom.js';
import { every } from './ops.js';
import { isServerAdmin } from '../integrity-banner.js';

const REFRESH_MS = 10000;
/** More blocks behind than this is worth an alert: payments are being seen late. */
const LAG_ALERT = 3;
const STATE_BADGE = { UP: 'ok', DEGRADED: 'warn', DOWN: 'error', STARTING: 'warn', DISABLED: '' };

export default {
    route: '#/chains',
    title: 'Chains',
    async render(main, params, ctx) {
        main.appendChild(el('h1', {}, 'Chains'));
        main.appendChild(el('p', {}, 'What each chain follower last reported. Updated every 10 seconds.'));
        const box = el('div', { id: 'chains', 'aria-live': 'polite' });
        main.appendChild(box);
        const alertBox = el('div', { id: 'chain-integrity-alerts' });
        main.appendChild(alertBox);
        const refresh = async () => {
            show(box, await health(ctx));
            showAlerts(alertBox, await alerts(ctx));
        };
        await refresh();
        return every(REFRESH_MS, refresh);
    },
};

/** The health report answers 503 when the database is down; its body still describes the chains. */
async function health(ctx) {
    try {
        return await ctx.api('GET', '/api/v1/health');
    } catch (e) {
        return { error: e.message, chains: {}, checks: {} };
    }
}

function show(box, report) {
    clear(box);
    const chains = Object.entries(report.chains || {});
    const alerts = [];
    if (report.error) {
        alerts.push('The health report could not be read: ' + report.error);
    }
    if (report.checks && report.checks.database === 'DOWN') {
        alerts.push('The database is down.');
    }
    for (const [name, c] of chains) {
        if (c.status === 'DOWN') {
            alerts.push(name + ' is down' + (c.error ? ': ' + c.error : '') + '. Payments are not being seen.');
        } else if (c.status === 'DEGRADED') {
            alerts.push(name + ' is degraded by integrity alerts (' + c.alerts.join(', ') + '): payments are seen, settlement may be held.');
        } else if (c.lag !== null && c.lag !== undefined && c.lag > LAG_ALERT) {
            alerts.push(name + ' is ' + c.lag + ' blocks behind the node.');
        }
    }
    if (alerts.length) {
        box.appendChild(el('div', { class: 'flash error chain-alert', role: 'alert', id: 'chain-alerts' },
            alerts.map((a) => el('p', {}, a))));
    }
    box.appendChild(el('p', { class: 'muted' }, 'Checked ', time(Math.floor(Date.now() / 1000)), '.'));
    if (!chains.length) {
        box.appendChild(el('p', { class: 'muted' }, 'No chain is configured.'));
        return;
    }
    box.appendChild(el('div', { class: 'table-wrap' }, el('table', { id: 'chain-list' },
        el('thead', {}, el('tr', {}, ['Chain', 'Source', 'Node tip', 'Scanned', 'Lag', 'Watched addresses', 'Last checked', 'Last error']
            .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, chains.map(([name, c]) => el('tr', { 'data-chain': name, 'data-status': c.status },
            el('th', { scope: 'row' }, name),
            el('td', {}, el('span', { class: 'badge ' + (STATE_BADGE[c.status] || '') }, c.status)),
            el('td', {}, number(c.tipHeight)),
            el('td', {}, number(c.scannedHeight)),
            el('td', {}, number(c.lag)),
            el('td', {}, number(c.watchedDestinations)),
            el('td', {}, time(c.checkedAt)),
            el('td', {}, c.error || '—')))))));
    showSources(box, chains);
}

/** The primary and witnesses of every chain with integrity checks, as their last pass saw them. */
function showSources(box, chains) {
    const rows = [];
    for (const [name, c] of chains) {
        for (const s of c.sources || []) {
            rows.push(el('tr', { 'data-chain': name, 'data-source': s.name, 'data-status': s.status },
                el('th', { scope: 'row' }, name),
                el('td', {}, s.name),
                el('td', {}, s.kind),
                el('td', {}, el('span', { class: 'badge ' + (STATE_BADGE[s.status] || '') }, s.status)),
                el('td', {}, number(s.tipHeight)),
                el('td', {}, number(s.lag))));
        }
    }
    if (!rows.length) {
        return;
    }
    box.appendChild(el('h2', {}, 'Sources'));
    box.appendChild(el('div', { class: 'table-wrap' }, el('table', { id: 'chain-source-list' },
        el('thead', {}, el('tr', {}, ['Chain', 'Source', 'Kind', 'Status', 'Tip', 'Lag']
            .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows))));
}

/** Chain integrity alerts (server admins only; null for others, who see no list). */
async function alerts(ctx) {
    if (!(await isServerAdmin())) {
        return null;
    }
    try {
        return await ctx.api('GET', '/api/v1/chains/alerts?take=20');
    } catch (e) {
        return null;
    }
}

function showAlerts(box, list) {
    clear(box);
    if (list === null) {
        return;
    }
    box.appendChild(el('h2', {}, 'Integrity alerts'));
    if (!list.length) {
        box.appendChild(el('p', { class: 'muted' }, 'No alert so far: primary and witnesses agree.'));
        return;
    }
    box.appendChild(el('div', { class: 'table-wrap' }, el('table', { id: 'chain-alert-list' },
        el('thead', {}, el('tr', {}, ['Chain', 'Kind', 'Status', 'Sources', 'Height', 'First seen', 'Cleared', 'Reason']
            .map((h) => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, list.map((a) => el('tr', { 'data-kind': a.kind, 'data-status': a.status },
            el('th', { scope: 'row' }, a.chain),
            el('td', {}, a.kind),
            el('td', {}, el('span', { class: 'badge ' + (a.status === 'raised' ? 'error' : 'ok') }, a.status)),
            el('td', {}, a.sources.join(', ')),
            el('td', {}, number(a.height)),
            el('td', {}, time(a.firstSeen)),
            el('td', {}, a.cleared ? time(a.cleared) : '—'),
            el('td', {}, a.reason)))))));
}

function number(n) {
    return n === null || n === undefined ? '—' : String(n);
}
