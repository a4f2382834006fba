// ChainTill checkout page: makes the server-rendered page live. Without this script the page is complete and
// refreshes itself (<noscript> meta refresh). No inline code anywhere: the Content-Security-Policy forbids it, so
// everything the script needs comes from data-* attributes on <main id="checkout"> and from the status endpoint.
(function () {
  'use strict';
  var root = document.getElementById('checkout');
  if (!root || !root.dataset.invoice) {
    return;
  }
  var d = root.dataset;
  var byId = function (id) { return document.getElementById(id); };
  var deadline = Date.now() + Number(d.secondsLeft || 0) * 1000;
  var polling = null;
  var source = null;
  var failures = 0;
  var redirectTimer = null;
  var FINAL = ['paid', 'paidLate', 'expired', 'expiredPartial', 'invalid'];
  // In a shop's frame (BTCPay's view=modal, opened by /modal/btcpay.js) the page talks to the shop's page the way
  // BTCPay's checkout does: 'loaded', {invoiceId, status} on every status change, {open: link}, and 'close'.
  var modal = d.view === 'modal' && window.parent !== window;
  var legacyStatus = d.legacyStatus;

  function tellShop(message) {
    if (modal) {
      window.parent.postMessage(message, '*'); // the shop's origin is not known here; nothing in it is secret
    }
  }

  function setText(id, text) {
    var el = byId(id);
    if (el && el.textContent !== text) {
      el.textContent = text;
    }
  }

  function pad(n) { return (n < 10 ? '0' : '') + n; }

  function tick() {
    var s = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var h = Math.floor(s / 3600);
    var m = Math.floor(s % 3600 / 60);
    setText('countdown', (h > 0 ? h + ':' + pad(m) : pad(m)) + ':' + pad(s % 60));
    if (s === 0 && root.dataset.state === 'waiting') {
      refresh(); // the server decides when it has expired
    }
  }

  // Applies one status JSON (see CheckoutStatus.java) to the page.
  function render(st) {
    if (st.legacyStatus !== legacyStatus) {
      legacyStatus = st.legacyStatus;
      tellShop({ invoiceId: st.invoiceId, status: st.legacyStatus });
    }
    root.dataset.state = st.state;
    setText('status', st.message);
    var method = null;
    for (var i = 0; i < st.methods.length; i++) {
      if (st.methods[i].id === d.method) { method = st.methods[i]; }
    }
    var pay = byId('pay');
    if (pay) { pay.hidden = !st.payable; }
    if (method && st.payable) {
      if (method.remaining !== null) { setText('amount', method.remaining); }
      var qr = byId('qr');
      // a new src (its v= changes with the amount still due) loads the QR for what is left
      if (qr && qr.getAttribute('src') !== method.qr) { qr.setAttribute('src', method.qr); }
      ['wallet', 'qr-link'].forEach(function (id) {
        var a = byId(id);
        if (a) { a.setAttribute('href', method.paymentLink); }
      });
    }
    var receipt = byId('receipt');
    if (receipt) { receipt.hidden = !st.receipt; }
    var paid = [];
    st.methods.forEach(function (m) { if (m.payments > 0) { paid.push(m.paid + ' ' + m.currency); } });
    setText('receipt-paid', paid.join(', '));
    var back = byId('return');
    if (back) {
      back.hidden = !st.redirectUrl;
      if (st.redirectUrl) { back.setAttribute('href', st.redirectUrl); }
    }
    // in a frame the shop's page decides where the buyer goes (it hears the status); the return link opens on top
    if (!modal && st.receipt && st.redirectUrl && st.redirectAutomatically && !redirectTimer) {
      var note = byId('redirecting');
      if (note) { note.textContent = d.redirecting; note.hidden = false; }
      redirectTimer = setTimeout(function () { window.location.assign(st.redirectUrl); }, 3000);
    }
    if (FINAL.indexOf(st.state) >= 0) {
      stop(); // paid, expired or invalid: nothing more will happen on this page
    }
  }

  function refresh() {
    fetch(d.statusUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (st) { if (st) { render(st); } })
      .catch(function () { /* offline for a moment: the next poll tries again */ });
  }

  function poll() {
    root.dataset.live = 'poll'; // which channel is in use, for tests and for anyone debugging a page
    if (!polling) {
      refresh();
      polling = setInterval(refresh, 3000);
    }
  }

  function stop() {
    if (source) { source.close(); source = null; }
    if (polling) { clearInterval(polling); polling = null; }
  }

  function listen() {
    if (!window.EventSource) {
      poll();
      return;
    }
    source = new EventSource(d.eventsUrl);
    source.addEventListener('status', function (e) {
      failures = 0;
      root.dataset.live = 'events';
      render(JSON.parse(e.data));
    });
    source.onerror = function () {
      // The browser reconnects by itself after the server ends a stream; a stream that keeps failing (or was
      // refused: too many open) is replaced by polling.
      failures++;
      if (source && (source.readyState === EventSource.CLOSED || failures > 3)) {
        source.close();
        source = null;
        poll();
      }
    };
  }

  function copy(button) {
    var target = byId(button.dataset.copy);
    if (!target) { return; }
    var text = target.textContent.trim();
    var feedback = byId('copy-feedback');
    var done = function (msg) { if (feedback) { feedback.textContent = msg; } };
    var manual = function () {
      var range = document.createRange();
      range.selectNodeContents(target);
      var sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      done(d.copyManual);
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(d.copied); }, manual);
    } else {
      manual();
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll('button.copy'), function (b) {
    b.hidden = false;
    b.addEventListener('click', function () { copy(b); });
  });
  if (modal) {
    var close = byId('close');
    if (close) {
      close.hidden = false;
      close.addEventListener('click', function () { tellShop('close'); });
    }
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape') { tellShop('close'); }
    });
    // a wallet link inside a frame may be blocked by the browser: the shop's page opens it (btcpay.js does)
    ['wallet', 'qr-link'].forEach(function (id) {
      var a = byId(id);
      if (a) {
        a.addEventListener('click', function (e) {
          e.preventDefault();
          tellShop({ open: a.getAttribute('href') });
        });
      }
    });
    tellShop('loaded');
  }
  tick();
  setInterval(tick, 1000);
  if (FINAL.indexOf(root.dataset.state) < 0) {
    listen();
  } else if (byId('receipt') && !byId('receipt').hidden) {
    refresh(); // a page opened after payment still follows an automatic redirect
  }
}());
