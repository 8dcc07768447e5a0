// The findings explorer: filters, order, cursor paging, live arrivals, export, detail and triage.
'use strict';

(() => {
  const S = Schemagov;
  const el = S.el;
  const PAGE_SIZE = 50;
  const LIVE_EVERY_MS = 2000;
  const DETAIL_FIELDS = [
    ['Rule', f => f.ruleId], ['Severity', f => f.severity], ['Status', f => f.status], ['Scope', f => f.scope],
    ['Database', f => f.database], ['Source', f => f.sourceKind], ['Object', f => f.object],
    ['Command', f => f.commandTag], ['Actor role', f => f.actor && f.actor.role],
    ['Application', f => f.actor && f.actor.application], ['Client address', f => f.actor && f.actor.clientAddress],
    ['Event time', f => S.formatTime(f.eventTime)], ['Detected at', f => S.formatTime(f.detectedAt)],
    ['Position', f => f.position], ['Transaction', f => f.transactionId],
    ['Baseline', f => (f.baseline === undefined || f.baseline === null ? null : (f.baseline ? 'yes' : 'no'))],
    ['Table rows (estimate)', f => f.tableRows], ['Table size (bytes)', f => f.tableBytes], ['Finding id', f => f.id]
  ];
  const state = {next: null, loaded: 0, generation: 0, selectedRow: null, selected: null, newest: null, timer: null};
  const byId = id => document.getElementById(id);

  function objectName(f) {
    return f.object || [f.schema, f.table].filter(Boolean).join('.');
  }

  function renderRow(finding, fresh) {
    const time = el('td', {className: 'text-nowrap'}, S.formatTime(finding.eventTime));
    const rule = el('td', {title: S.text(finding.ruleId)}, finding.ruleTitle || finding.ruleId);
    const row = el('tr', {tabIndex: 0, className: fresh ? 'fresh' : '', dataset: {id: S.text(finding.id)}},
      time, el('td', {}, S.severityBadge(finding.severity)), el('td', {className: 'status'}, finding.status), rule,
      el('td', {}, finding.database), el('td', {}, objectName(finding)),
      el('td', {className: 'message'}, finding.message), el('td', {}, finding.actor && finding.actor.role));
    row.addEventListener('click', () => select(row, finding));
    row.addEventListener('keydown', event => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        select(row, finding);
      }
    });
    return row;
  }

  function select(row, finding) {
    if (state.selectedRow) {
      state.selectedRow.classList.remove('selected');
    }
    state.selectedRow = row;
    row.classList.add('selected');
    showDetail(finding);
  }

  function showDetail(finding) {
    state.selected = finding;
    byId('detail-title').replaceChildren(S.severityBadge(finding.severity), ' ', finding.ruleTitle || finding.ruleId);
    byId('detail-message').textContent = S.text(finding.message);
    const fields = byId('detail-fields');
    fields.replaceChildren();
    for (const [label, read] of DETAIL_FIELDS) {
      const value = read(finding);
      if (value !== undefined && value !== null && value !== '') {
        fields.append(el('dt', {className: 'col-sm-4'}, label), el('dd', {className: 'col-sm-8'}, value));
      }
    }
    byId('detail-rule-link').href = '/rules.html#' + encodeURIComponent(S.text(finding.ruleId));
    byId('detail-table-link').href = '/table.html?' + new URLSearchParams({database: S.text(finding.database),
      schema: S.text(finding.schema), table: S.text(finding.table)});
    byId('detail-statement').textContent = S.text(finding.statement) || '(no statement)';
    byId('detail-remediation').textContent = S.text(finding.remediation) || '(none given)';
    showTriage(finding);
    byId('detail').classList.remove('d-none');
    byId('detail-hint').classList.add('d-none');
    loadSnapshot(finding);
  }

  function showTriage(finding) {
    const box = byId('detail-triage');
    box.replaceChildren();
    const ack = finding.acknowledgement;
    const sup = finding.suppression;
    if (ack) {
      box.append(el('p', {className: 'small mb-1'}, 'Acknowledged by ' + S.text(ack.by) + ' at '
        + S.formatTime(ack.at) + ': ' + S.text(ack.reason)));
    }
    if (sup) {
      box.append(el('p', {className: 'small mb-1'}, 'Suppressed (' + S.text(sup.source) + ') by '
        + S.text(sup.author) + (sup.expires ? ' until ' + S.text(sup.expires) : '') + ': ' + S.text(sup.reason)));
    }
    byId('triage-actions').classList.toggle('d-none', !S.isAdmin());
  }

  async function loadSnapshot(finding) {
    const box = byId('detail-snapshot');
    box.textContent = 'Loading…';
    if (!finding.schema || !finding.table) {
      box.textContent = 'Not about a table.';
      return;
    }
    const params = new URLSearchParams({database: S.text(finding.database), schema: finding.schema,
      table: finding.table, time: S.toDate(finding.eventTime) ? S.toDate(finding.eventTime).toISOString() : ''});
    try {
      const entry = await S.get('/api/tables/at?' + params);
      if (state.selected !== finding) {
        return;
      }
      const snapshot = entry.snapshot;
      if (!snapshot) {
        box.textContent = 'The table was dropped.';
        return;
      }
      const rows = (snapshot.columns || []).map(c => el('tr', {}, el('td', {}, c.name), el('td', {}, c.dataType),
        el('td', {}, c.notNull ? 'not null' : ''), el('td', {}, S.text(c.defaultExpression))));
      box.replaceChildren(el('p', {className: 'mb-1'}, '≈' + S.formatCount(snapshot.estimatedRows) + ' rows, '
        + S.formatCount(snapshot.totalBytes) + ' bytes; ' + (snapshot.indexes || []).length + ' indexes, '
        + (snapshot.constraints || []).length + ' constraints'),
        el('table', {className: 'table table-sm mb-0'}, el('tbody', {}, ...rows)));
    } catch (error) {
      box.textContent = 'No snapshot: ' + error.message;
    }
  }

  function hideDetail() {
    if (state.selectedRow) {
      state.selectedRow.classList.remove('selected');
    }
    state.selectedRow = null;
    state.selected = null;
    byId('detail').classList.add('d-none');
    byId('detail-hint').classList.remove('d-none');
  }

  async function triage(action) {
    const finding = state.selected;
    const reason = byId('triage-reason').value;
    const expires = byId('triage-expires').value;
    try {
      const updated = await S.post('/api/findings/' + encodeURIComponent(finding.id) + '/' + action,
        {reason, expires: action === 'suppress' && expires ? expires : null});
      S.hideError();
      byId('triage-reason').value = '';
      const row = state.selectedRow;
      row.querySelector('.status').textContent = S.text(updated.status);
      showDetail(updated);
    } catch (error) {
      S.showError(action + ' failed: ' + error.message);
    }
  }

  function localToIso(value) {
    return value ? new Date(value).toISOString() : '';
  }

  function filterParams() {
    const params = new URLSearchParams();
    document.querySelectorAll('#severity-filter input:checked').forEach(box => params.append('severity', box.value));
    for (const id of ['status-filter', 'database-filter', 'rule-filter', 'schema-filter', 'table-filter',
      'actor-filter', 'q', 'sort']) {
      const input = byId(id);
      if (input.value.trim()) {
        params.append(input.name, input.value.trim());
      }
    }
    const since = byId('since').value;
    if (since === 'custom') {
      if (byId('from').value) {
        params.append('from', localToIso(byId('from').value));
      }
      if (byId('to').value) {
        params.append('to', localToIso(byId('to').value));
      }
    } else if (since) {
      params.append('since', since);
    }
    return params;
  }

  function updateExportLinks(params) {
    for (const format of ['csv', 'json']) {
      const p = new URLSearchParams(params);
      p.set('format', format);
      byId('export-' + format).href = '/api/findings/export?' + p;
    }
  }

  function remember(items) {
    for (const f of items) {
      const detected = S.toDate(f.detectedAt);
      if (detected && (!state.newest || detected > state.newest)) {
        state.newest = detected;
      }
    }
  }

  async function loadFindings(fromStart) {
    if (fromStart) {
      state.generation += 1;
      state.next = null;
      state.loaded = 0;
      state.newest = null;
      byId('findings-body').replaceChildren();
      hideDetail();
    }
    const generation = state.generation;
    const params = filterParams();
    updateExportLinks(params);
    params.set('size', String(PAGE_SIZE));
    if (state.next) {
      params.set('after', state.next);
    }
    byId('load-more').disabled = true;
    try {
      const page = await S.get('/api/findings?' + params);
      if (generation !== state.generation) {
        return;
      }
      S.hideError();
      page.items.forEach(f => byId('findings-body').append(renderRow(f, false)));
      remember(page.items);
      state.loaded += page.items.length;
      state.next = page.next;
      byId('summary').textContent = 'Showing ' + state.loaded + ' of ' + page.total + (page.totalExact ? '' : '+')
        + ' findings';
      byId('empty').classList.toggle('d-none', state.loaded > 0);
      byId('load-more').classList.toggle('d-none', !state.next);
    } catch (error) {
      if (generation === state.generation) {
        S.showError(error.message);
      }
    } finally {
      byId('load-more').disabled = false;
    }
  }

  /** New findings of the filter detected since the newest shown, put on top. */
  async function poll() {
    if (!byId('live').checked) {
      return;
    }
    const generation = state.generation;
    const params = filterParams();
    params.delete('sort');
    params.set('size', '100');
    // With nothing shown yet, everything that matches is new.
    if (state.newest) {
      params.set('detectedAfter', state.newest.toISOString());
    }
    try {
      const page = await S.get('/api/findings?' + params);
      if (generation !== state.generation || !byId('live').checked) {
        return;
      }
      const body = byId('findings-body');
      const known = new Set([...body.querySelectorAll('tr')].map(r => r.dataset.id));
      const fresh = page.items.filter(f => !known.has(S.text(f.id))).reverse();
      fresh.forEach(f => body.prepend(renderRow(f, true)));
      remember(page.items);
      if (fresh.length) {
        state.loaded += fresh.length;
        byId('empty').classList.add('d-none');
      }
      byId('live-status').textContent = 'Checked ' + new Date().toLocaleTimeString()
        + (fresh.length ? ' · ' + fresh.length + ' new' : '');
    } catch (error) {
      byId('live-status').textContent = 'Live update failed: ' + error.message;
    }
  }

  function buildSeverityFilter() {
    const box = byId('severity-filter');
    for (const severity of S.SEVERITIES) {
      const id = 'sev-' + severity.toLowerCase();
      box.append(el('div', {className: 'form-check form-check-inline'},
        el('input', {className: 'form-check-input', type: 'checkbox', name: 'severity', value: severity, id}),
        el('label', {className: 'form-check-label', htmlFor: id}, severity.charAt(0) + severity.slice(1).toLowerCase())));
    }
  }

  function prefillFromUrl() {
    const params = new URLSearchParams(location.search);
    for (const [name, id] of [['status', 'status-filter'], ['rule', 'rule-filter'], ['schema', 'schema-filter'],
      ['table', 'table-filter'], ['actor', 'actor-filter'], ['q', 'q'], ['since', 'since']]) {
      if (params.get(name)) {
        byId(id).value = params.get(name);
      }
    }
    params.getAll('severity').forEach(s => {
      const box = byId('sev-' + s.toLowerCase());
      if (box) {
        box.checked = true;
      }
    });
  }

  S.page(async () => {
    buildSeverityFilter();
    prefillFromUrl();
    const form = byId('filters');
    form.addEventListener('submit', event => {
      event.preventDefault();
      loadFindings(true);
    });
    form.addEventListener('reset', () => setTimeout(() => loadFindings(true), 0));
    byId('since').addEventListener('change', () => document.querySelectorAll('.custom-period')
      .forEach(e => e.classList.toggle('d-none', byId('since').value !== 'custom')));
    byId('load-more').addEventListener('click', () => loadFindings(false));
    byId('detail-close').addEventListener('click', hideDetail);
    byId('acknowledge').addEventListener('click', () => triage('acknowledge'));
    byId('suppress').addEventListener('click', () => triage('suppress'));
    byId('reopen').addEventListener('click', () => triage('reopen'));
    byId('live').addEventListener('change', () => {
      byId('live-status').textContent = byId('live').checked ? 'Live' : 'Paused';
    });
    try {
      await S.fillDatabases(byId('database-filter'), S.param('database'));
    } catch (error) {
      S.showError(error.message);
    }
    await loadFindings(true);
    state.timer = setInterval(poll, LIVE_EVERY_MS);
  });
})();
