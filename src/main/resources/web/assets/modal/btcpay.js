// ChainTill's implementation of BTCPay Server's modal checkout API (window.btcpay), for shops and plugins that load
// <server>/modal/btcpay.js (BTCPay's WooCommerce plugin, pay buttons with "use modal", hand-written shop pages).
// Written for ChainTill; it follows BTCPay's documented behaviour and message protocol (docs/checkout.md):
//   - showInvoice(id) puts <server>/invoice?id=<id>&view=modal into a full-window iframe named "btcpay";
//   - the frame posts 'loaded' (the frame is shown), {invoiceId, status} when the invoice's status changes
//     ("new", "paid", "complete", "expired", "invalid"), {open: 'bitcoin:...'} to open a wallet, and 'close';
//   - only messages from the server's own origin are listened to; every one is handed to onModalReceiveMessage
//     as the MessageEvent (so event.data is the message), after the script's own handling.
(function () {
  'use strict';
  if (window.btcpay) {
    if (window.console && window.console.warn) {
      window.console.warn('btcpay.js is loaded more than once; the first copy stays in charge');
    }
    return;
  }
  var SCRIPT_PATH = /\/modal\/btcpay\.js(\?.*)?$/;
  var WALLET_SCHEMES = /^(bitcoin|ethereum|lightning):/i;
  var noop = function () {};

  // The server's root (it may live under a sub-path), taken from this script's own URL unless set explicitly.
  function scriptUrl() {
    if (document.currentScript && document.currentScript.src) {
      return document.currentScript.src;
    }
    for (var i = document.scripts.length - 1; i >= 0; i--) {
      if (SCRIPT_PATH.test(document.scripts[i].src)) {
        return document.scripts[i].src;
      }
    }
    return '';
  }

  var root = scriptUrl().replace(SCRIPT_PATH, '');
  var frame = null;
  var willEnter = noop;
  var willLeave = noop;
  var received = noop;

  function origin() {
    try {
      return new URL(root, window.location.href).origin;
    } catch (e) {
      return null;
    }
  }

  function makeFrame() {
    var f = document.createElement('iframe');
    f.name = 'btcpay';
    f.className = 'btcpay';
    f.title = 'Payment';
    f.setAttribute('allowtransparency', 'true');
    f.setAttribute('allow', 'clipboard-write');
    var s = f.style;
    s.display = 'none';
    s.border = '0';
    s.position = 'fixed';
    s.top = '0';
    s.left = '0';
    s.width = '100%';
    s.height = '100%';
    s.zIndex = '2000';
    s.background = 'transparent';
    return f;
  }

  function setApiUrlPrefix(url) {
    root = String(url || '').replace(/\/+$/, '');
  }

  function appendInvoiceFrame(invoiceId, params) {
    if (frame && frame.parentNode) {
      frame.parentNode.removeChild(frame);
    }
    frame = makeFrame();
    var url = root + '/invoice?id=' + encodeURIComponent(invoiceId) + '&view=modal';
    if (params && params.animateEntrance === false) {
      url += '&animateEntrance=false';
    }
    frame.src = url;
    document.body.appendChild(frame);
  }

  // showInvoice shows the frame at once and the frame's 'loaded' asks again: the callback runs once per showing.
  // After hideFrame the same frame can be shown again (it is put back and loads the invoice anew), as on BTCPay.
  function showFrame() {
    if (!frame || (frame.parentNode && frame.style.display === 'block')) {
      return;
    }
    if (!frame.parentNode) {
      document.body.appendChild(frame);
    }
    willEnter();
    frame.style.display = 'block';
  }

  function hideFrame() {
    if (!frame || !frame.parentNode) {
      return;
    }
    willLeave();
    frame.style.display = 'none';
    frame.parentNode.removeChild(frame);
  }

  function appendAndShowInvoiceFrame(invoiceId, params) {
    appendInvoiceFrame(invoiceId, params);
    showFrame();
  }

  function onMessage(event) {
    if (!frame || !frame.parentNode || event.origin !== origin() || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data;
    if (data === 'close') {
      hideFrame();
    } else if (data === 'loaded') {
      showFrame();
    } else if (data && typeof data.open === 'string' && WALLET_SCHEMES.test(data.open)) {
      window.location.href = data.open;
    } else if (data && typeof data.mailto === 'string' && data.mailto.indexOf('mailto:') === 0) {
      window.location.href = data.mailto;
    }
    received(event);
  }

  function setter(assign) {
    return function (fn) {
      assign(typeof fn === 'function' ? fn : noop);
    };
  }

  window.addEventListener('message', onMessage, false);
  window.btcpay = {
    showInvoice: appendAndShowInvoiceFrame,
    appendInvoiceFrame: appendInvoiceFrame,
    appendAndShowInvoiceFrame: appendAndShowInvoiceFrame,
    showFrame: showFrame,
    hideFrame: hideFrame,
    setApiUrlPrefix: setApiUrlPrefix,
    onModalWillEnter: setter(function (fn) { willEnter = fn; }),
    onModalWillLeave: setter(function (fn) { willLeave = fn; }),
    onModalReceiveMessage: setter(function (fn) { received = fn; })
  };
}());
