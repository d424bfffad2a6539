// Foresight review console: progressive enhancement only. Every page works without this file
// (links, forms and GET filters); with it: keyboard shortcuts, the decision dialog, live countdowns,
// instant futures filtering, and the heartbeat that shows others an escalation is being reviewed.
// Loaded from this origin under a CSP without 'unsafe-inline'; it never builds markup from strings.
(function () {
  'use strict';

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : null;

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === 'input' || tag === 'textarea' || tag === 'select' || target.isContentEditable;
  }
  function dialogOpen() {
    return document.querySelector('dialog[open]') !== null;
  }
  function openDialog(d) {
    if (d && typeof d.showModal === 'function' && !d.open) d.showModal();
  }

  // --- countdowns -------------------------------------------------------------------------
  function timeLeft(ms) {
    if (ms <= 0) return 'overdue';
    var minutes = Math.floor(ms / 60000);
    if (minutes < 1) return Math.ceil(ms / 1000) + ' s left';
    if (minutes < 60) return minutes + ' min left';
    var hours = Math.floor(minutes / 60);
    if (hours < 48) return hours + ' h ' + String(minutes % 60).padStart(2, '0') + ' min left';
    return Math.floor(hours / 24) + ' days left';
  }
  // The server's clock decides: the page counts down from the time left it was rendered with.
  var countdowns = Array.prototype.slice.call(document.querySelectorAll('.countdown[data-left-ms]'));
  var renderedAt = Date.now();
  if (countdowns.length > 0) {
    setInterval(function () {
      countdowns.forEach(function (el) {
        var left = Number(el.getAttribute('data-left-ms'));
        if (el.getAttribute('data-left-ms') !== '' && isFinite(left)) el.textContent = timeLeft(left - (Date.now() - renderedAt));
      });
    }, 15000);
  }

  // --- help ---------------------------------------------------------------------------------
  var help = document.getElementById('help-dialog');
  Array.prototype.forEach.call(document.querySelectorAll('[data-open-help]'), function (b) {
    b.addEventListener('click', function () { openDialog(help); });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-close-dialog]'), function (b) {
    b.addEventListener('click', function () {
      var d = b.closest('dialog');
      if (d) d.close();
    });
  });

  // --- the queue: j/k, Enter, a/d -------------------------------------------------------------
  var rows = Array.prototype.slice.call(document.querySelectorAll('.queue-row'));
  var selected = -1;
  function select(i, focus) {
    if (rows.length === 0) return;
    selected = Math.max(0, Math.min(rows.length - 1, i));
    rows.forEach(function (r, n) {
      r.classList.toggle('is-selected', n === selected);
      r.setAttribute('tabindex', n === selected ? '0' : '-1');
    });
    if (focus) rows[selected].focus();
  }
  if (rows.length > 0) {
    select(0, false);
    rows.forEach(function (r, n) {
      r.addEventListener('click', function (e) {
        if (e.target.closest('a, button')) return;
        window.location.assign(r.getAttribute('data-href'));
      });
      r.addEventListener('focus', function () { if (selected !== n) select(n, false); });
    });
  }

  var decide = document.getElementById('decide-dialog');
  var decideForm = document.getElementById('decide-form');
  function say(text) {
    var region = document.getElementById('console-live');
    if (!region) {
      region = document.createElement('div');
      region.id = 'console-live';
      region.className = 'notice notice-info';
      region.setAttribute('role', 'status');
      var main = document.getElementById('main');
      main.insertBefore(region, main.firstChild);
    }
    region.textContent = text;
  }
  function askDecision(row, decision) {
    if (!decide || !decideForm || !row) return;
    if (row.getAttribute('data-can-sign') !== 'true') {
      say('You cannot sign this escalation: you have signed it already, or you asked for it.');
      return;
    }
    var approve = decision === 'approve';
    decideForm.setAttribute('action', '/ui/evaluations/' + row.getAttribute('data-id') + '/sign-off');
    decideForm.elements.decision.value = decision;
    decideForm.elements.reason.value = '';
    document.getElementById('decide-title').textContent = approve ? 'Approve this escalation' : 'Deny this escalation';
    document.getElementById('decide-what').textContent = row.getAttribute('data-action') || '';
    document.getElementById('decide-submit').textContent = approve ? 'Approve' : 'Deny';
    var only = decideForm.querySelector('.approve-only');
    if (only) {
      only.hidden = !approve;
      decideForm.elements.expires_in.value = '';
    }
    openDialog(decide);
    decideForm.elements.reason.focus();
  }

  // --- one evaluation: a/d pick the choice, f goes to the futures, the futures filter ----------
  var signOffForm = document.getElementById('sign-off-form');
  function pick(decision) {
    if (!signOffForm) return false;
    var radio = signOffForm.querySelector('input[name="decision"][value="' + decision + '"]');
    if (!radio) return false;
    radio.checked = true;
    signOffForm.elements.reason.focus();
    return true;
  }

  var filter = document.getElementById('futures-outcome');
  var futures = Array.prototype.slice.call(document.querySelectorAll('#futures-list > li'));
  function applyFilter() {
    var v = filter.value;
    var shown = 0;
    futures.forEach(function (li) {
      var ok = v === '' || (v === 'bad' ? li.getAttribute('data-bad') === 'true' : li.getAttribute('data-outcome') === v);
      li.hidden = !ok;
      if (ok) shown++;
    });
    var count = document.getElementById('futures-count');
    if (count) count.textContent = shown + ' of ' + futures.length + ' futures shown.';
    var url = new URL(window.location.href);
    if (v) url.searchParams.set('futures', v); else url.searchParams.delete('futures');
    window.history.replaceState(null, '', url.pathname + url.search + '#futures');
  }
  if (filter) filter.addEventListener('change', applyFilter);

  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || dialogOpen()) return;
    var k = e.key;
    if (k === '?') { openDialog(help); e.preventDefault(); return; }
    if (rows.length > 0) {
      if (k === 'j') { select(selected + 1, true); e.preventDefault(); }
      else if (k === 'k') { select(selected - 1, true); e.preventDefault(); }
      else if (k === 'Enter' && selected >= 0 && !e.target.closest('a, button')) { window.location.assign(rows[selected].getAttribute('data-href')); e.preventDefault(); }
      else if (k === 'a' || k === 'd') { askDecision(rows[selected], k === 'a' ? 'approve' : 'deny'); e.preventDefault(); }
      return;
    }
    if ((k === 'a' || k === 'd') && pick(k === 'a' ? 'approve' : 'deny')) { e.preventDefault(); return; }
    if (k === 'f') {
      var h = document.getElementById('futures-title');
      if (h) { h.setAttribute('tabindex', '-1'); h.focus(); e.preventDefault(); }
    }
  });

  // --- "being reviewed": a heartbeat while the reviewer is active ---------------------------
  var evaluation = document.querySelector('.evaluation[data-heartbeat]');
  if (evaluation && csrf) {
    var url = evaluation.getAttribute('data-heartbeat');
    var active = false;
    ['keydown', 'pointerdown', 'pointermove', 'scroll', 'focusin'].forEach(function (t) {
      document.addEventListener(t, function () { active = true; }, { passive: true, capture: true });
    });
    function beat(state) {
      var body = new URLSearchParams({ state: state, csrf: csrf });
      if (state === 'closed' && navigator.sendBeacon) { navigator.sendBeacon(url, body); return; }
      fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf, Accept: 'application/json' } }).catch(function () {});
    }
    // Only an active reviewer keeps the mark: an abandoned tab lets it lapse within minutes.
    setInterval(function () {
      if (active && document.visibilityState === 'visible') beat('open');
      active = false;
    }, 60000);
    window.addEventListener('pagehide', function () { beat('closed'); });
  }

  // Pages reached by a redirect after a decision land on the message.
  var main = document.getElementById('main');
  if (main && document.querySelector('.notice-ok') && window.location.search.indexOf('done=') !== -1) main.focus();
})();
