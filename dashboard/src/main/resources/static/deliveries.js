'use strict';
// The alert delivery log. Every value is set as text: names and errors come from production and may hold anything.
(function () {
  const body = document.getElementById('deliveries-body');
  const error = document.getElementById('error');
  const empty = document.getElementById('empty');
  const form = document.getElementById('filters');

  function cell(row, text) {
    const td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    row.appendChild(td);
    return td;
  }

  async function load() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (value) {
        params.append(name, value);
      }
    }
    error.classList.add('d-none');
    try {
      const payload = await Schemagov.get('/api/alerts/deliveries?' + params);
      body.replaceChildren();
      for (const d of payload) {
        const row = document.createElement('tr');
        cell(row, d.at);
        cell(row, d.status).className = d.status === 'failed' ? 'text-danger fw-semibold' : '';
        cell(row, d.channel);
        cell(row, d.kind);
        cell(row, d.severity);
        cell(row, d.ruleId);
        cell(row, d.database);
        cell(row, d.schema && d.table ? d.schema + '.' + d.table : d.table);
        cell(row, d.attempts);
        cell(row, d.error);
        body.appendChild(row);
      }
      empty.classList.toggle('d-none', payload.length > 0);
    } catch (e) {
      error.textContent = 'Cannot load the delivery log: ' + e.message;
      error.classList.remove('d-none');
    }
  }

  Schemagov.page(() => {
    form.addEventListener('change', load);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      load();
    });
    load();
  });
})();
