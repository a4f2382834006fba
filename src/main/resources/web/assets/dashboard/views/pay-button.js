/**
 * Pay buttons of one store (#/stores/{storeId}/pay-button): switch the public form endpoint on or off (the store's
 * anyoneCanCreateInvoice) and generate the HTML snippet (fixed price, custom amount or slider) to paste into a site.
 */
import { el, field, fieldErrors, clearErrors, formValues, copyButton } from '../dom.js';
import { snippet } from './pay-button-snippet.js';

const path = (storeId) => '/api/v1/stores/' + encodeURIComponent(storeId);

const view = {
    route: '#/stores/{storeId}/pay-button',
    title: 'Pay button',
    async render(main, params, ctx) {
        const store = await ctx.api('GET', path(params.storeId));
        main.appendChild(el('h1', {}, 'Pay button: ' + store.name));
        main.appendChild(el('p', {}, 'A button for any web page that sends the buyer to a new invoice of this store, '
            + 'without an API key. Anyone can change a form on their screen, so use it for tips, donations and '
            + 'simple sales, not for orders whose amount your shop must trust: check the amount of each paid invoice '
            + '(or use the Greenfield API from your shop).'));
        main.appendChild(switchForm(store, ctx));
        main.appendChild(generator(store));
    },
};

function switchForm(store, ctx) {
    const on = store.anyoneCanCreateInvoice;
    const form = el('form', { class: 'panel', id: 'pay-button-switch', novalidate: true },
        el('h2', {}, 'Pay buttons are ' + (on ? 'on' : 'off')),
        el('p', {}, on ? 'Forms on any site may create invoices on this store (limited per visitor address).'
            : 'Switch them on to let the snippet below create invoices.'),
        el('div', { class: 'actions' }, el('button', { type: 'submit', class: on ? 'danger' : '' },
            on ? 'Switch pay buttons off' : 'Switch pay buttons on')));
    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        try {
            const saved = await ctx.api('PUT', path(store.id), { anyoneCanCreateInvoice: !on });
            ctx.flash('Pay buttons switched ' + (saved.anyoneCanCreateInvoice ? 'on' : 'off') + '.', 'ok');
            form.replaceWith(switchForm(saved, ctx));
        } catch (e) {
            fieldErrors(form, e);
        }
    });
    return form;
}

function generator(store) {
    const type = (value, label, checked) => el('label', { class: 'choice' },
        el('input', { type: 'radio', name: 'type', value, checked }), ' ', label);
    const code = el('code', { id: 'pay-button-code' });
    const form = el('form', { class: 'panel', id: 'pay-button-generator', novalidate: true },
        el('h2', {}, 'Snippet'),
        el('fieldset', {}, el('legend', {}, 'Amount'), type('fixed', 'Fixed price', true), type('custom', 'Custom amount', false),
            type('slider', 'Slider', false)),
        field('Price (the default amount for custom and slider)', el('input', { type: 'number', name: 'price', value: 10, min: 0, step: 'any' })),
        field('Minimum', el('input', { type: 'number', name: 'min', value: 1, min: 0, step: 'any' }), 'Custom amount and slider only.'),
        field('Maximum', el('input', { type: 'number', name: 'max', value: 100, min: 0, step: 'any' }), 'Custom amount and slider only.'),
        field('Step', el('input', { type: 'number', name: 'step', value: 1, min: 0, step: 'any' }), 'Custom amount and slider only.'),
        field('Currency', el('input', { type: 'text', name: 'currency', value: store.defaultCurrency, maxlength: 10 })),
        field('Description', el('input', { type: 'text', name: 'checkoutDesc', maxlength: 500 }), 'Shown on the checkout page.'),
        field('Order id', el('input', { type: 'text', name: 'orderId', maxlength: 100 }), 'Optional; lets you find the invoices later.'),
        field('Return to (after payment)', el('input', { type: 'url', name: 'browserRedirect', maxlength: 500,
            placeholder: store.website || 'https://shop.example/thanks' })),
        field('Checkout query', el('input', { type: 'text', name: 'checkoutQueryString', maxlength: 500, placeholder: 'lang=de' }),
            'Added to the checkout link, e.g. lang=de for a German page.'),
        field('Button text', el('input', { type: 'text', name: 'buttonText', value: 'Pay with Bitcoin', maxlength: 100 })),
        el('label', { class: 'choice' }, el('input', { type: 'checkbox', name: 'modal' }),
            ' Open the checkout over the page (modal) instead of going to it'),
        el('h3', {}, 'HTML to paste into your page'),
        el('pre', { class: 'snippet' }, code),
        el('div', { class: 'actions' }, copyButton(() => code.textContent, 'Copy snippet')));
    const update = () => {
        const v = formValues(form);
        code.textContent = snippet({ ...v, server: window.location.origin, storeId: store.id });
    };
    form.addEventListener('input', update);
    form.addEventListener('change', update);
    form.addEventListener('submit', (event) => event.preventDefault());
    update();
    clearErrors(form);
    return form;
}

export default view;
