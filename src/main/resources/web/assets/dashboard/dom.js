/**
 * Tiny DOM helpers for the dashboard. Text always goes in through textContent / text nodes: nothing here
 * ever parses a string as HTML, so data from the API (labels, metadata, URLs) cannot inject markup.
 *
 *   el(tag, attrs, ...children)  -> Element. attrs: plain attributes (class, id, href, type, name, value ...),
 *                                   `on<event>` functions become listeners, booleans toggle the attribute,
 *                                   null/undefined/false are skipped. children: strings/numbers become text
 *                                   nodes, arrays are flattened, null/false are skipped.
 *   clear(node)                  -> removes every child, returns node.
 *   field(label, input, hint)    -> <div class="field"> with a <label for>, the input, an optional hint and an
 *                                   (empty) error slot that fieldErrors() fills.
 *   fieldErrors(form, apiError)  -> shows each of apiError.fieldErrors next to the input named like its path
 *                                   (aria-invalid, aria-describedby), or at the end of the element marked
 *                                   data-field="<path>" (e.g. a fieldset of checkboxes); errors without a
 *                                   matching input, and the
 *                                   error's message when there are no field errors, go to the form's summary.
 *                                   Typed values are never touched. Focuses the first invalid input.
 *   clearErrors(form)            -> removes every message fieldErrors() added.
 *   formValues(form)             -> {name: value} of the form's named inputs (checkbox -> boolean; a group of
 *                                   same-named checkboxes -> array of the checked values).
 *   copyButton(getText, label)   -> a button copying getText() to the clipboard and saying so.
 *   time(unixSeconds)            -> a <time> element with the local date and time.
 */

export function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
        if (value === null || value === undefined || value === false) {
            continue;
        }
        if (name.startsWith('on') && typeof value === 'function') {
            node.addEventListener(name.slice(2).toLowerCase(), value);
        } else if (value === true) {
            node.setAttribute(name, '');
        } else if (name === 'value' && 'value' in node) {
            node.value = String(value);
        } else {
            node.setAttribute(name, String(value));
        }
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const child of children) {
        if (child === null || child === undefined || child === false) {
            continue;
        }
        if (Array.isArray(child)) {
            append(node, child);
        } else if (child instanceof Node) {
            node.appendChild(child);
        } else {
            node.appendChild(document.createTextNode(String(child)));
        }
    }
}

export function clear(node) {
    while (node.firstChild) {
        node.removeChild(node.firstChild);
    }
    return node;
}

let fieldCounter = 0;

export function field(label, input, hint) {
    if (!input.id) {
        fieldCounter += 1;
        input.id = 'f-' + (input.name || 'field').replace(/[^A-Za-z0-9_-]/g, '-') + '-' + fieldCounter;
    }
    const hintNode = hint ? el('p', { class: 'hint', id: input.id + '-hint' }, hint) : null;
    if (hintNode) {
        input.setAttribute('aria-describedby', hintNode.id);
    }
    return el('div', { class: 'field' }, el('label', { for: input.id }, label), input, hintNode);
}

export function fieldErrors(form, apiError) {
    clearErrors(form);
    const errors = (apiError && apiError.fieldErrors) || {};
    const unplaced = [];
    let first = null;
    for (const [path, message] of Object.entries(errors)) {
        const group = findGroup(form, path);
        const input = group ? group.querySelector('input, select, textarea') : findInput(form, path);
        if (!input) {
            unplaced.push(path + ': ' + message);
            continue;
        }
        const id = (input.id || input.name) + '-error';
        const note = el('p', { class: 'error', id, 'data-error-for': path, role: 'alert' }, message);
        const holder = group || input.closest('.field') || input.parentNode;
        holder.appendChild(note);
        holder.classList.add('invalid');
        input.setAttribute('aria-invalid', 'true');
        const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
        input.dataset.describedbyBefore = described.join(' ');
        input.setAttribute('aria-describedby', described.concat(id).join(' '));
        first = first || input;
    }
    if (unplaced.length === 0 && Object.keys(errors).length === 0 && apiError && apiError.message) {
        unplaced.push(apiError.message);
    }
    if (unplaced.length) {
        const summary = el('div', { class: 'form-error', role: 'alert', 'data-form-error': '' }, unplaced.join(' '));
        form.insertBefore(summary, form.firstChild);
    }
    if (first) {
        first.focus();
    }
}

/** A group of inputs (e.g. a fieldset of checkboxes) marked data-field="path" takes the message as a whole. */
function findGroup(form, path) {
    for (const candidate of [path, path.replace(/\[\d+\]$/, '')]) {
        const group = form.querySelector('[data-field="' + CSS.escape(candidate) + '"]');
        if (group) {
            return group;
        }
    }
    return null;
}

function findInput(form, path) {
    for (const candidate of [path, path.replace(/\[\d+\]$/, '')]) {
        const input = form.querySelector('[name="' + CSS.escape(candidate) + '"]');
        if (input) {
            return input;
        }
    }
    return null;
}

export function clearErrors(form) {
    form.querySelectorAll('[data-error-for], [data-form-error]').forEach((n) => n.remove());
    form.querySelectorAll('.invalid').forEach((n) => n.classList.remove('invalid'));
    form.querySelectorAll('[aria-invalid]').forEach((input) => {
        input.removeAttribute('aria-invalid');
        const before = input.dataset.describedbyBefore;
        if (before) {
            input.setAttribute('aria-describedby', before);
        } else {
            input.removeAttribute('aria-describedby');
        }
        delete input.dataset.describedbyBefore;
    });
}

export function formValues(form) {
    const values = {};
    const groups = new Set();
    for (const input of form.querySelectorAll('[name]')) {
        if (input.type === 'checkbox' && form.querySelectorAll('[name="' + CSS.escape(input.name) + '"]').length > 1) {
            groups.add(input.name);
            continue;
        }
        if (input.type === 'radio') {
            if (input.checked) {
                values[input.name] = input.value;
            }
            continue;
        }
        values[input.name] = input.type === 'checkbox' ? input.checked : input.value;
    }
    for (const name of groups) {
        values[name] = [...form.querySelectorAll('[name="' + CSS.escape(name) + '"]')].filter((c) => c.checked).map((c) => c.value);
    }
    return values;
}

export function copyButton(getText, label = 'Copy') {
    const button = el('button', { type: 'button', class: 'secondary copy' }, label);
    button.addEventListener('click', async () => {
        try {
            await navigator.clipboard.writeText(getText());
            button.textContent = 'Copied';
        } catch (e) {
            button.textContent = 'Select and copy by hand';
        }
        setTimeout(() => { button.textContent = label; }, 2000);
    });
    return button;
}

export function time(unixSeconds) {
    if (unixSeconds === null || unixSeconds === undefined) {
        return el('span', { class: 'muted' }, '—');
    }
    const d = new Date(unixSeconds * 1000);
    return el('time', { datetime: d.toISOString() }, d.toLocaleString());
}
