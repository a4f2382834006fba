import { el } from '../dom.js';

export default {
    route: '#/stores',
    title: 'Stores',
    render(main) {
        main.appendChild(el('h1', {}, 'Stores'));
    },
};
