// The audit explorer: data changes by table, operation, transaction and period, before and after side by side.
// Values are shown exactly as stored: masked and hashed columns stay masked.
'use strict';

(() => {
  const S = Schemagov;
  const el = S.el;
  const byId = id => document.getElementById(id);
  const state = {next: null, generation: 0, shown: 0};

  function value(v) {
    return v === undefined ? '' : v === null ? 'NULL' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }

  function sideBySide(record) {
    const before = record.before || {};
    const after = record.after || {};
    const columns = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changed = new Set(record.changedColumns || []);
    const masked = new Set(record.maskedColumns || []);
    return el('table', {className: 'table table-sm mb-0 side-by-side'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Column'), el('th', {}, 'Before'), el('th', {}, 'After'))),
      el('tbody', {}, ...columns.map(c => el('tr', {className: changed.has(c) ? 'table-warning' : ''},
        el('td', {}, c + (masked.has(c) ? ' (protected)' : '')), el('td', {}, value(before[c])),
        el('td', {}, value(after[c]))))));
  }

  function card(record) {
    const actor = record.actor ? (record.actor.declared || record.actor.role || '') : '';
    return el('div', {className: 'card mb-2 audit-record'}, el('div', {className: 'card-header small'},
      el('strong', {}, record.operation), ' ', record.table, ' · ', S.formatTime(record.eventTime), ' · tx ',
      S.text(record.transactionId), ' · ', record.actorKnown ? 'actor ' + actor : 'actor unknown',
      ' · #', S.text(record.chain && record.chain.sequence)),
    el('div', {className: 'card-body p-2'}, sideBySide(record)));
  }

  function params() {
    const p = new URLSearchParams();
    for (const id of ['database', 'table', 'operation', 'transactionId']) {
      if (byId(id).value.trim()) {
        p.set(id, byId(id).value.trim());
      }
    }
    for (const id of ['from', 'to']) {
      if (byId(id).value) {
        p.set(id, new Date(byId(id).value).toISOString());
      }
    }
    return p;
  }

  async function load(fromStart) {
    if (fromStart) {
      state.generation += 1;
      state.next = null;
      state.shown = 0;
      byId('records').replaceChildren();
    }
    const generation = state.generation;
    const p = params();
    if (!p.get('database')) {
      return;
    }
    p.set('size', '25');
    if (state.next) {
      p.set('after', state.next);
    }
    try {
      const page = await S.get('/api/audit/records?' + p);
      if (generation !== state.generation) {
        return;
      }
      S.hideError();
      page.items.forEach(r => byId('records').append(card(r)));
      state.shown += page.items.length;
      state.next = page.next;
      byId('summary').textContent = 'Showing ' + state.shown + ' of ' + page.total + ' records, newest first';
      byId('load-more').classList.toggle('d-none', !state.next);
    } catch (error) {
      S.showError(error.message);
    }
  }

  async function verify() {
    const p = params();
    const box = byId('verification');
    if (!p.get('table')) {
      box.textContent = 'Choose a table (schema.table) to verify its chain.';
      return;
    }
    p.delete('operation');
    p.delete('transactionId');
    try {
      const report = await S.get('/api/audit/verify?' + p);
      box.replaceChildren(el('span', {className: report.intact ? 'text-success' : 'text-danger fw-semibold'},
        report.intact ? 'Chain intact: ' + S.text(report.checked) + ' records verified'
          + (report.anchored ? '' : ' (the first one could not be checked against the record before it)') + '.'
          : 'Chain broken at record #' + S.text(report.brokenSequence) + ': ' + S.text(report.reason)));
    } catch (error) {
      S.showError(error.message);
    }
  }

  S.page(async () => {
    await S.fillDatabases(byId('database'), S.param('database'));
    if (S.param('table')) {
      byId('table').value = S.param('table');
    }
    byId('filters').addEventListener('submit', event => {
      event.preventDefault();
      load(true);
    });
    byId('verify').addEventListener('click', verify);
    byId('load-more').addEventListener('click', () => load(false));
    load(true);
  });
})();
