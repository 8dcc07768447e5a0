// One table: its current structure, its schema history as a timeline with a diff between two points,
// its open findings and its recent data-change audit records.
'use strict';

(() => {
  const S = Schemagov;
  const el = S.el;
  const byId = id => document.getElementById(id);
  const picked = {from: null, to: null};

  function list(items) {
    return el('span', {}, (items || []).join(', '));
  }

  function structure(snapshot) {
    if (!snapshot) {
      return el('p', {className: 'text-body-secondary'}, 'The table has been dropped.');
    }
    const columns = el('table', {className: 'table table-sm', id: 'columns'},
      el('thead', {}, el('tr', {}, el('th', {}, 'Column'), el('th', {}, 'Type'), el('th', {}, 'Null'),
        el('th', {}, 'Default'))),
      el('tbody', {}, ...(snapshot.columns || []).map(c => el('tr', {}, el('td', {}, c.name),
        el('td', {}, c.dataType), el('td', {}, c.notNull ? 'not null' : 'null'),
        el('td', {}, S.text(c.defaultExpression || c.identity || c.generated))))));
    const constraints = el('ul', {className: 'small'}, ...(snapshot.constraints || []).map(c => el('li', {},
      el('code', {}, c.name), ' ' + c.type + (c.validated === false ? ' (NOT VALID)' : '') + ': ', c.definition)));
    const indexes = el('ul', {className: 'small'}, ...(snapshot.indexes || []).map(i => el('li', {},
      el('code', {}, i.name), i.valid === false ? ' (INVALID) ' : ' ', i.definition)));
    // MariaDB/MySQL tables have a storage engine and a default collation; PostgreSQL's have neither.
    const storage = snapshot.engine || snapshot.collation
      ? el('p', {className: 'small', id: 'table-storage'}, 'Engine ' + S.text(snapshot.engine || 'unknown')
        + ' · collation ' + S.text(snapshot.collation || 'unknown'))
      : el('span', {});
    return el('div', {}, storage, columns, el('h3', {className: 'h6'}, 'Constraints'), constraints,
      el('h3', {className: 'h6'}, 'Indexes'), indexes);
  }

  function timelineItem(entry, index) {
    const from = el('input', {type: 'radio', name: 'from', className: 'form-check-input me-1', value: entry.id,
      on: {change: () => pick('from', entry.id)}});
    const to = el('input', {type: 'radio', name: 'to', className: 'form-check-input me-1', value: entry.id,
      checked: index === 0, on: {change: () => pick('to', entry.id)}});
    if (index === 0) {
      picked.to = entry.id;
    }
    return el('li', {className: 'mb-2', dataset: {id: entry.id}},
      el('div', {className: 'small'}, el('label', {className: 'me-2'}, from, 'from'),
        el('label', {className: 'me-2'}, to, 'to'),
        el('strong', {}, S.formatTime(entry.eventTime)), ' · ', entry.kind === 'dropped' ? 'dropped' : S.text(entry.commandTag),
        ' · by ', S.text(entry.actor && entry.actor.role) || 'unknown'),
      el('pre', {className: 'statement small mb-0'}, S.text(entry.statement) || '(baseline: the table as first seen)'));
  }

  function pick(which, id) {
    picked[which] = id;
    byId('diff-button').disabled = !(picked.from && picked.to && picked.from !== picked.to);
  }

  async function diff() {
    try {
      const answer = await S.get('/api/tables/diff?' + new URLSearchParams({from: picked.from, to: picked.to}));
      const rows = answer.changes.map(c => el('tr', {className: 'change-' + c.change},
        el('td', {}, c.part), el('td', {}, c.name), el('td', {}, c.change),
        el('td', {}, el('code', {}, c.before ? JSON.stringify(c.before) : '')),
        el('td', {}, el('code', {}, c.after ? JSON.stringify(c.after) : ''))));
      byId('diff').replaceChildren(rows.length ? el('table', {className: 'table table-sm small', id: 'diff-table'},
        el('thead', {}, el('tr', {}, el('th', {}, 'Part'), el('th', {}, 'Name'), el('th', {}, 'Change'),
          el('th', {}, 'Before'), el('th', {}, 'After'))), el('tbody', {}, ...rows))
        : el('p', {className: 'text-body-secondary'}, 'No structural difference.'));
    } catch (error) {
      S.showError(error.message);
    }
  }

  async function findings(database, schema, table) {
    const page = await S.get('/api/findings?' + new URLSearchParams({database, table: schema + '.' + table,
      status: 'open', size: '50'}));
    byId('table-findings').replaceChildren(...page.items.map(f => el('li', {}, S.severityBadge(f.severity), ' ',
      el('a', {href: '/findings.html?' + new URLSearchParams({database, table: schema + '.' + table, status: 'open'})},
        f.ruleId), ': ', f.message)));
    if (!page.items.length) {
      byId('table-findings').replaceChildren(el('li', {className: 'text-body-secondary'}, 'none'));
    }
  }

  async function audit(database, schema, table) {
    const page = await S.get('/api/audit/records?' + new URLSearchParams({database, table: schema + '.' + table,
      size: '20'}));
    byId('table-audit').replaceChildren(page.items.length
      ? el('table', {className: 'table table-sm'}, el('tbody', {}, ...page.items.map(r => el('tr', {},
        el('td', {}, S.formatTime(r.eventTime)), el('td', {}, r.operation), el('td', {}, JSON.stringify(r.key)),
        el('td', {}, (r.changedColumns || []).join(', '))))))
      : el('p', {className: 'text-body-secondary'}, 'No audited data changes (the table may not be audited).'),
    el('a', {href: '/audit.html?' + new URLSearchParams({database, table: schema + '.' + table})}, 'All audit records'));
  }

  S.page(async () => {
    const database = S.param('database');
    const schema = S.param('schema');
    const table = S.param('table');
    byId('table-title').textContent = S.text(schema) + '.' + S.text(table);
    byId('diff-button').addEventListener('click', diff);
    try {
      const answer = await S.get('/api/tables/history?' + new URLSearchParams({database, schema, table}));
      const current = answer.current && answer.current.snapshot;
      byId('table-summary').textContent = S.text(database) + (current ? ' · ≈' + S.formatCount(current.estimatedRows)
        + ' rows · ' + S.formatCount(current.totalBytes) + ' bytes' : ' · dropped') + ' · ' + answer.history.length
        + ' changes recorded';
      byId('structure').replaceChildren(structure(current));
      byId('timeline').replaceChildren(...answer.history.map(timelineItem));
    } catch (error) {
      S.showError(error.message);
    }
    try {
      await findings(database, schema, table);
      await audit(database, schema, table);
    } catch (error) {
      S.showError(error.message);
    }
  });
})();
