// Placeholder until the operations half of the dashboard replaces this module (same route and export shape).
import { el } from '../dom.js';

export default {
    route: '#/stores/{storeId}/invoices/{invoiceId}',
    title: 'Invoice',
    render(main) {
        main.appendChild(el('h1', {}, 'Invoice'));
        main.appendChild(el('p', { class: 'muted' }, 'This page is not available yet.'));
    },
};
