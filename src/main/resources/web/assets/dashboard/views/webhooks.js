import { el } from '../dom.js';

export default {
    route: '#/stores/{storeId}/webhooks',
    title: 'Webhooks',
    render(main) {
        main.appendChild(el('h1', {}, 'Webhooks'));
    },
};
