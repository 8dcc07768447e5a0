// The overview: open findings by severity, a stacked bar chart over time (SVG drawn here, no chart library),
// the top rules and tables, and each database's ingest status.
'use strict';

(() => {
  const S = Schemagov;
  const el = S.el;
  const SVG = 'http://www.w3.org/2000/svg';
  const COLORS = {CRITICAL: '#dc3545', HIGH: '#fd7e14', MEDIUM: '#0dcaf0', LOW: '#6c757d', INFO: '#ced4da'};
  const byId = id => document.getElementById(id);

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) {
      node.setAttribute(k, String(v));
    }
    return node;
  }

  function cards(overview) {
    const box = byId('severity-cards');
    box.replaceChildren();
    for (const severity of S.SEVERITIES) {
      const count = overview.openBySeverity[severity] || 0;
      const link = el('a', {className: 'stretched-link', href: '/findings.html?status=open&severity=' + severity},
        'open findings');
      box.append(el('div', {className: 'col'}, el('div', {className: 'card severity-card'},
        el('div', {className: 'card-body position-relative'}, S.severityBadge(severity),
          el('div', {className: 'fs-3 fw-semibold', dataset: {severity}}, String(count)), link))));
    }
  }

  function timeline(overview) {
    const width = 800;
    const height = 180;
    const buckets = overview.timeline;
    const totals = buckets.map(b => Object.values(b.bySeverity).reduce((a, c) => a + c, 0));
    const max = Math.max(1, ...totals);
    const chart = svg('svg', {viewBox: `0 0 ${width} ${height + 20}`, role: 'img', class: 'w-100',
      'aria-label': 'Findings over time'});
    const barWidth = buckets.length ? width / buckets.length : width;
    buckets.forEach((bucket, i) => {
      let y = height;
      for (const severity of [...S.SEVERITIES].reverse()) {
        const n = bucket.bySeverity[severity] || 0;
        if (!n) {
          continue;
        }
        const h = (n / max) * (height - 10);
        y -= h;
        const rect = svg('rect', {x: i * barWidth + 1, y, width: Math.max(1, barWidth - 2), height: h,
          fill: COLORS[severity]});
        const title = svg('title', {});
        title.textContent = new Date(bucket.start).toLocaleString() + ': ' + n + ' ' + severity;
        rect.append(title);
        chart.append(rect);
      }
    });
    chart.append(svg('line', {x1: 0, y1: height, x2: width, y2: height, stroke: '#adb5bd'}));
    if (buckets.length) {
      for (const [i, anchor] of [[0, 'start'], [buckets.length - 1, 'end']]) {
        const label = svg('text', {x: i === 0 ? 0 : width, y: height + 15, 'text-anchor': anchor, 'font-size': 11,
          fill: '#6c757d'});
        label.textContent = new Date(buckets[i].start).toLocaleString();
        chart.append(label);
      }
    }
    byId('timeline').replaceChildren(chart);
    byId('bucket').textContent = '(' + overview.bucket + ' per bar, max ' + max + ')';
    byId('legend').replaceChildren(...S.SEVERITIES.map(s => el('span', {className: 'me-3'},
      el('span', {className: 'legend-swatch legend-' + s.toLowerCase()}), ' ' + s)));
  }

  function duration(ms) {
    if (ms === null || ms === undefined) {
      return '–';
    }
    if (ms < 1000) {
      return ms + ' ms';
    }
    if (ms < 60000) {
      return (ms / 1000).toFixed(1) + ' s';
    }
    if (ms < 3600000) {
      return Math.round(ms / 60000) + ' min';
    }
    return ms < 2 * 86400000 ? Math.round(ms / 3600000) + ' h' : Math.round(ms / 86400000) + ' days';
  }

  function ago(ms) {
    if (!ms) {
      return '–';
    }
    return S.formatTime(ms) + ' (' + duration(Date.now() - ms) + ' ago)';
  }

  function lists(overview) {
    byId('top-rules').replaceChildren(...overview.topRules.map(r => el('li', {},
      el('a', {href: '/findings.html?status=open&rule=' + encodeURIComponent(r.key)}, r.key), ' · ' + r.count)));
    byId('top-tables').replaceChildren(...overview.topTables.map(t => el('li', {},
      S.tableLink(t.database, t.schema, t.table), ' (' + t.database + ') · ' + t.count)));
    byId('databases-body').replaceChildren(...overview.databases.map(d => el('tr', {},
      el('td', {}, d.database), el('td', {}, String(d.openFindings)), el('td', {}, ago(d.lastSchemaChange)),
      el('td', {}, ago(d.lastDataChange)), el('td', {}, ago(d.lastFinding)), el('td', {}, duration(d.pipelineLagMillis)))));
  }

  async function load() {
    try {
      const params = new URLSearchParams({since: byId('since').value});
      if (byId('database').value) {
        params.set('database', byId('database').value);
      }
      const overview = await S.get('/api/overview?' + params);
      S.hideError();
      cards(overview);
      timeline(overview);
      lists(overview);
    } catch (error) {
      S.showError(error.message);
    }
  }

  S.page(async () => {
    byId('since').addEventListener('change', load);
    byId('database').addEventListener('change', load);
    try {
      await S.fillDatabases(byId('database'), S.param('database'));
    } catch (error) {
      S.showError(error.message);
    }
    load();
  });
})();
