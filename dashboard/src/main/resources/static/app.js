// Schemagov findings page. Every value from the API is inserted as text (textContent,
// createTextNode, option.value): statements come from production and may contain markup.
'use strict';

(() => {
  const PAGE_SIZE = 50;
  // Badge classes come from this fixed map, never from API data.
  const SEVERITY_BADGES = {
    CRITICAL: 'text-bg-danger',
    HIGH: 'text-bg-warning',
    MEDIUM: 'text-bg-info',
    LOW: 'text-bg-secondary',
    INFO: 'text-bg-light'
  };
  const DETAIL_FIELDS = [
    ['Rule', f => f.ruleId],
    ['Severity', f => f.severity],
    ['Status', f => f.status],
    ['Scope', f => f.scope],
    ['Database', f => f.database],
    ['Source', f => f.sourceKind],
    ['Schema', f => f.schema],
    ['Table', f => f.table],
    ['Object', f => f.object],
    ['Command', f => f.commandTag],
    ['Actor role', f => f.actor && f.actor.role],
    ['Application', f => f.actor && f.actor.application],
    ['Client address', f => f.actor && f.actor.clientAddress],
    ['Event time', f => formatTime(f.eventTime)],
    ['Detected at', f => formatTime(f.detectedAt)],
    ['Position', f => f.position],
    ['Transaction', f => f.transactionId],
    ['Baseline', f => (f.baseline === undefined || f.baseline === null ? null : (f.baseline ? 'yes' : 'no'))],
    ['Table rows', f => f.tableRows],
    ['Table bytes', f => f.tableBytes],
    ['Finding id', f => f.id]
  ];

  const state = {next: null, loaded: 0, generation: 0, selectedRow: null};
  const byId = id => document.getElementById(id);

  function text(value) {
    return value === undefined || value === null ? '' : String(value);
  }

  // eventTime is stored either as epoch millis or as an ISO date string.
  function toDate(value) {
    if (value === undefined || value === null || value === '') {
      return null;
    }
    const date = new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function formatTime(value) {
    const date = toDate(value);
    return date ? date.toLocaleString() : text(value);
  }

  function cell(value, className) {
    const td = document.createElement('td');
    td.textContent = text(value);
    if (className) {
      td.className = className;
    }
    return td;
  }

  function severityBadge(severity) {
    const badge = document.createElement('span');
    badge.className = 'badge ' + (SEVERITY_BADGES[severity] || 'text-bg-secondary');
    badge.textContent = text(severity);
    return badge;
  }

  function objectName(finding) {
    return finding.object || [finding.schema, finding.table].filter(Boolean).join('.');
  }

  function renderRow(finding) {
    const row = document.createElement('tr');
    row.tabIndex = 0;
    const time = cell(formatTime(finding.eventTime), 'text-nowrap');
    const date = toDate(finding.eventTime);
    if (date) {
      time.title = date.toISOString();
    }
    const severity = document.createElement('td');
    severity.appendChild(severityBadge(finding.severity));
    const rule = cell(finding.ruleTitle || finding.ruleId);
    rule.title = text(finding.ruleId);
    row.append(time, severity, rule, cell(finding.database), cell(objectName(finding)),
      cell(finding.message, 'message'), cell(finding.actor && finding.actor.role));
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
    byId('detail-title').replaceChildren(severityBadge(finding.severity), document.createTextNode(' '),
      document.createTextNode(text(finding.ruleTitle || finding.ruleId)));
    byId('detail-message').textContent = text(finding.message);
    const fields = byId('detail-fields');
    fields.replaceChildren();
    for (const [label, read] of DETAIL_FIELDS) {
      const value = read(finding);
      if (value === undefined || value === null || value === '') {
        continue;
      }
      const dt = document.createElement('dt');
      dt.className = 'col-sm-4';
      dt.textContent = label;
      const dd = document.createElement('dd');
      dd.className = 'col-sm-8';
      dd.textContent = text(value);
      fields.append(dt, dd);
    }
    byId('detail-statement').textContent = text(finding.statement) || '(no statement)';
    byId('detail-remediation').textContent = text(finding.remediation) || '(none given)';
    byId('detail').classList.remove('d-none');
    byId('detail-hint').classList.add('d-none');
  }

  function hideDetail() {
    if (state.selectedRow) {
      state.selectedRow.classList.remove('selected');
      state.selectedRow = null;
    }
    byId('detail').classList.add('d-none');
    byId('detail-hint').classList.remove('d-none');
  }

  function showError(message) {
    const box = byId('error');
    box.textContent = message;
    box.classList.remove('d-none');
  }

  function hideError() {
    byId('error').classList.add('d-none');
  }

  async function fetchJson(url) {
    const response = await fetch(url, {headers: {Accept: 'application/json'}});
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // Not JSON (a proxy error page, say); the status below is all there is to report.
    }
    if (!response.ok) {
      throw new Error(body && body.message ? body.message : 'Request failed with HTTP ' + response.status);
    }
    return body;
  }

  function filterParams() {
    const params = new URLSearchParams();
    document.querySelectorAll('#severity-filter input:checked').forEach(box => params.append('severity', box.value));
    const database = byId('database-filter').value;
    if (database) {
      params.append('database', database);
    }
    const status = byId('status-filter').value;
    if (status) {
      params.append('status', status);
    }
    return params;
  }

  async function loadFindings(fromStart) {
    if (fromStart) {
      // A newer request supersedes any still in flight; their answers are dropped below.
      state.generation += 1;
      state.next = null;
      state.loaded = 0;
      byId('findings-body').replaceChildren();
      hideDetail();
    }
    const generation = state.generation;
    const params = filterParams();
    params.set('size', String(PAGE_SIZE));
    if (state.next) {
      params.set('after', state.next);
    }
    const loadMore = byId('load-more');
    loadMore.disabled = true;
    try {
      const page = await fetchJson('/api/findings?' + params.toString());
      if (generation !== state.generation) {
        return;
      }
      hideError();
      const body = byId('findings-body');
      page.items.forEach(finding => body.appendChild(renderRow(finding)));
      state.loaded += page.items.length;
      state.next = page.next;
      byId('summary').textContent = 'Showing ' + state.loaded + ' of ' + page.total + ' findings, newest first';
      byId('empty').classList.toggle('d-none', state.loaded > 0);
      loadMore.classList.toggle('d-none', !state.next);
    } catch (error) {
      if (generation === state.generation) {
        showError(error.message);
      }
    } finally {
      loadMore.disabled = false;
    }
  }

  async function loadDatabases() {
    try {
      const answer = await fetchJson('/api/databases');
      const select = byId('database-filter');
      for (const name of answer.databases) {
        const option = document.createElement('option');
        option.value = name;
        option.textContent = name;
        select.appendChild(option);
      }
    } catch (error) {
      showError(error.message);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = byId('filters');
    form.addEventListener('submit', event => {
      event.preventDefault();
      loadFindings(true);
    });
    // The reset event fires before the inputs are cleared; reload once they are.
    form.addEventListener('reset', () => setTimeout(() => loadFindings(true), 0));
    form.addEventListener('change', () => loadFindings(true));
    byId('load-more').addEventListener('click', () => loadFindings(false));
    byId('detail-close').addEventListener('click', hideDetail);
    loadDatabases();
    loadFindings(true);
  });
})();
