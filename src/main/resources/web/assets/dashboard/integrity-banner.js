/**
 * The chain integrity banner above every dashboard page: while any chain alert is raised (GET /api/v1/chains/alerts,
 * server admins only: others are not asked, so their console shows no refused request) it names each one and links
 * to the Chains view, where the alerts are listed. Checked on every navigation and every 30 s.
 */
import { el, clear } from './dom.js';
import { api } from './api.js';

const REFRESH_MS = 30000;
let admin = null;

/** Whether the logged-in user is a server admin (asked once per page load). */
export function isServerAdmin() {
    if (admin === null) {
        admin = api('GET', '/api/v1/users/me').then((me) => (me.roles || []).includes('ServerAdmin'), () => false);
    }
    return admin;
}

export async function startIntegrityBanner(anchor) {
    if (!(await isServerAdmin())) {
        return;
    }
    const banner = el('div', { id: 'integrity-banner', 'aria-live': 'polite' });
    anchor.before(banner);
    const refresh = async () => {
        let raised = [];
        try {
            raised = (await api('GET', '/api/v1/chains/alerts?status=raised')) || [];
        } catch (e) {
            raised = []; // not an admin, or the server is unreachable: the views say so themselves
        }
        clear(banner);
        if (raised.length) {
            banner.appendChild(el('div', { class: 'flash error', role: 'alert' },
                el('p', {}, 'Chain integrity alert: settlement on the affected chain is held. ',
                    el('a', { href: '#/chains' }, 'See the chains')),
                raised.map((a) => el('p', {}, a.chain + ' ' + a.kind + ': ' + a.reason))));
        }
    };
    window.addEventListener('hashchange', refresh);
    setInterval(refresh, REFRESH_MS);
    return refresh();
}
