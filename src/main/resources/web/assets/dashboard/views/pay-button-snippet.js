/**
 * The pay-button snippet: an HTML form a merchant pastes into any web page (no code, no API key). It posts to
 * ChainTill's public POST /api/v1/invoices with BTCPay's field names (storeId, price, currency, checkoutDesc,
 * orderId, browserRedirect, notifyEmail, serverIpn, checkoutQueryString, jsonResponse), so it is interchangeable
 * with a snippet made by BTCPay's own generator. The markup is meant for the merchant's site, not for this
 * dashboard: it carries its own inline styles (and, for the slider and the modal, a few lines of script).
 */

const FIELDS = ['checkoutDesc', 'orderId', 'browserRedirect', 'notifyEmail', 'serverIpn', 'checkoutQueryString'];

export function escapeHtml(value) {
    return String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
        .replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function hidden(name, value) {
    return '\n  <input type="hidden" name="' + name + '" value="' + escapeHtml(value) + '" />';
}

/**
 * @param o {server, storeId, type: 'fixed'|'custom'|'slider', price, min, max, step, currency, buttonText, modal,
 *           checkoutDesc, orderId, browserRedirect, notifyEmail, serverIpn, checkoutQueryString}
 */
export function snippet(o) {
    const server = String(o.server || '').replace(/\/+$/, '');
    let html = '<form method="POST" action="' + escapeHtml(server + '/api/v1/invoices') + '" class="btcpay-form btcpay-form--block">';
    html += hidden('storeId', o.storeId);
    if (o.modal) {
        html += hidden('jsonResponse', 'true');
    }
    const range = ' min="' + escapeHtml(o.min) + '" max="' + escapeHtml(o.max) + '" step="' + escapeHtml(o.step || 'any') + '"';
    if (o.type === 'custom') {
        html += '\n  <input class="btcpay-input-price" type="number" name="price"' + range + ' value="' + escapeHtml(o.price)
            + '" aria-label="Amount" style="font-size:20px;width:7em;text-align:center;margin-bottom:8px" />';
    } else if (o.type === 'slider') {
        html += '\n  <output class="btcpay-slider-value" style="font-size:20px">' + escapeHtml(o.price) + '</output>';
        html += '\n  <input class="btcpay-input-range" type="range" name="price"' + range + ' value="' + escapeHtml(o.price)
            + '" aria-label="Amount" oninput="this.previousElementSibling.value = this.value" style="width:100%" />';
    } else {
        html += hidden('price', o.price);
    }
    html += hidden('currency', o.currency);
    for (const name of FIELDS) {
        if (o[name]) {
            html += hidden(name, o[name]);
        }
    }
    html += '\n  <button type="submit" class="submit" name="submit" style="min-width:168px;min-height:46px;border-radius:4px;'
        + 'border-style:none;background-color:#1f6f43;color:#fff;cursor:pointer;font-size:16px;margin-top:8px">'
        + escapeHtml(o.buttonText || 'Pay with Bitcoin') + '</button>';
    html += '\n</form>';
    if (o.modal) {
        html += '\n<script>\n'
            + '  // opens the checkout over this page instead of leaving it (' + escapeHtml(server) + '/modal/btcpay.js)\n'
            + '  if (!window.btcpay) {\n'
            + '    var s = document.createElement("script");\n'
            + '    s.src = ' + JSON.stringify(server + '/modal/btcpay.js').replace(/</g, '\\u003c') + ';\n'
            + '    document.head.appendChild(s);\n'
            + '  }\n'
            + '  document.querySelectorAll(".btcpay-form").forEach(function (form) {\n'
            + '    if (form.dataset.initialized) { return; }\n'
            + '    form.dataset.initialized = "true";\n'
            + '    form.addEventListener("submit", function (event) {\n'
            + '      event.preventDefault();\n'
            + '      fetch(form.getAttribute("action"), { method: "POST", body: new FormData(form) })\n'
            + '        .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })\n'
            + '        .then(function (answer) { window.btcpay.showInvoice(answer.invoiceId); })\n'
            + '        .catch(function () { form.submit(); }); // the server explains the problem on its own page\n'
            + '    });\n'
            + '  });\n'
            + '</script>';
    }
    return html;
}
