// The tables of a database as the schema history knows them, each linking to its table view.
'use strict';

(() => {
  const S = Schemagov;
  const el = S.el;
  const byId = id => document.getElementById(id);

  async function load() {
    const database = byId('database').value;
    if (!database) {
      byId('empty').classList.remove('d-none');
      return;
    }
    const params = new URLSearchParams({database});
    if (byId('schema').value.trim()) {
      params.set('schema', byId('schema').value.trim());
    }
    try {
      const answer = await S.get('/api/tables?' + params);
      S.hideError();
      byId('tables-body').replaceChildren(...answer.tables.map(t => el('tr', {},
        el('td', {}, S.tableLink(database, t.schema, t.table)), el('td', {}, t.kind === 'dropped' ? 'dropped' : 'live'),
        el('td', {}, S.formatCount(t.estimatedRows)), el('td', {}, S.formatCount(t.totalBytes) + ' B'),
        el('td', {}, S.formatTime(t.eventTime)), el('td', {}, t.actor && t.actor.role),
        el('td', {className: t.openFindings ? 'text-danger fw-semibold' : ''}, String(t.openFindings)))));
      byId('empty').classList.toggle('d-none', answer.tables.length > 0);
    } catch (error) {
      S.showError(error.message);
    }
  }

  S.page(async () => {
    await S.fillDatabases(byId('database'), S.param('database'));
    byId('filters').addEventListener('change', load);
    byId('filters').addEventListener('submit', event => {
      event.preventDefault();
      load();
    });
    load();
  });
})();
