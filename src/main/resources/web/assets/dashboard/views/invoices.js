// Placeholder until the operations half of the dashboard replaces this module (same route and export shape).
import { el } from '../dom.js';

export default {
    route: '#/stores/{storeId}/invoices',
    title: 'Invoices',
    render(main) {
        main.appendChild(el('h1', {}, 'Invoices'));
        main.appendChild(el('p', { class: 'muted' }, 'This page is not available yet.'));
    },
};
