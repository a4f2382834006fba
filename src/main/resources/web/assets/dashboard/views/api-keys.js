import { el } from '../dom.js';

export default {
    route: '#/api-keys',
    title: 'API keys',
    render(main) {
        main.appendChild(el('h1', {}, 'API keys'));
    },
};
