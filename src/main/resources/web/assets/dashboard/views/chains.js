// Placeholder until the operations half of the dashboard replaces this module (same route and export shape).
import { el } from '../dom.js';

export default {
    route: '#/chains',
    title: 'Chains',
    render(main) {
        main.appendChild(el('h1', {}, 'Chains'));
        main.appendChild(el('p', { class: 'muted' }, 'This page is not available yet.'));
    },
};
