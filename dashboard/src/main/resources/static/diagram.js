// The entity-relationship diagram of a schema, drawn as SVG from the latest table snapshots:
// tables on a grid (most connected first), foreign keys as arrows, tables with open findings outlined in red.
'use strict';

(() => {
  const S = Schemagov;
  const SVG = 'http://www.w3.org/2000/svg';
  const BOX_WIDTH = 230;
  const ROW = 16;
  const HEADER = 22;
  const GAP_X = 90;
  const GAP_Y = 40;
  const MAX_COLUMNS_SHOWN = 14;
  const byId = id => document.getElementById(id);

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) {
      node.setAttribute(k, String(v));
    }
    if (text !== undefined) {
      node.textContent = S.text(text);
    }
    return node;
  }

  function layout(tables, keys) {
    const degree = new Map(tables.map(t => [t.schema + '.' + t.table, 0]));
    for (const k of keys) {
      degree.set(k.table, (degree.get(k.table) || 0) + 1);
      degree.set(k.referenced, (degree.get(k.referenced) || 0) + 1);
    }
    const ordered = [...tables].sort((a, b) => degree.get(b.schema + '.' + b.table) - degree.get(a.schema + '.' + a.table)
      || (a.table < b.table ? -1 : 1));
    const perRow = Math.max(1, Math.ceil(Math.sqrt(ordered.length)));
    const boxes = new Map();
    const rowHeights = [];
    ordered.forEach((t, i) => {
      const rowIndex = Math.floor(i / perRow);
      const shown = Math.min(t.columns.length, MAX_COLUMNS_SHOWN) + (t.columns.length > MAX_COLUMNS_SHOWN ? 1 : 0);
      const height = HEADER + shown * ROW + 6;
      rowHeights[rowIndex] = Math.max(rowHeights[rowIndex] || 0, height);
      boxes.set(t.schema + '.' + t.table, {table: t, col: i % perRow, row: rowIndex, height});
    });
    const rowTops = [];
    let y = 10;
    rowHeights.forEach((h, i) => {
      rowTops[i] = y;
      y += h + GAP_Y;
    });
    for (const box of boxes.values()) {
      box.x = 10 + box.col * (BOX_WIDTH + GAP_X);
      box.y = rowTops[box.row];
    }
    return {boxes, width: 20 + perRow * (BOX_WIDTH + GAP_X), height: y};
  }

  function drawTable(chart, box, database) {
    const t = box.table;
    const g = svg('g', {class: 'er-table' + (t.openFindings ? ' has-findings' : ''), 'data-table': t.schema + '.' + t.table});
    g.append(svg('rect', {x: box.x, y: box.y, width: BOX_WIDTH, height: box.height, rx: 4, class: 'er-box'}));
    g.append(svg('rect', {x: box.x, y: box.y, width: BOX_WIDTH, height: HEADER, rx: 4, class: 'er-header'}));
    g.append(svg('text', {x: box.x + 6, y: box.y + 15, class: 'er-title'}, t.table
      + (t.openFindings ? '  ⚠ ' + t.openFindings : '')));
    t.columns.slice(0, MAX_COLUMNS_SHOWN).forEach((c, i) => {
      const marks = (c.primaryKey ? 'PK ' : '') + (c.foreignKey ? 'FK ' : '');
      g.append(svg('text', {x: box.x + 6, y: box.y + HEADER + 13 + i * ROW, class: 'er-column'},
        marks + c.name + ' : ' + c.dataType + (c.notNull ? '' : ' ?')));
    });
    if (t.columns.length > MAX_COLUMNS_SHOWN) {
      g.append(svg('text', {x: box.x + 6, y: box.y + HEADER + 13 + MAX_COLUMNS_SHOWN * ROW, class: 'er-column'},
        '… ' + (t.columns.length - MAX_COLUMNS_SHOWN) + ' more'));
    }
    const link = svg('a', {href: '/table.html?' + new URLSearchParams({database, schema: t.schema, table: t.table})});
    link.append(g);
    chart.append(link);
  }

  function drawKey(chart, key, boxes) {
    const from = boxes.get(key.table);
    const to = boxes.get(key.referenced);
    if (!from || !to) {
      return;
    }
    const x1 = from.x + (to.x >= from.x ? BOX_WIDTH : 0);
    const x2 = to.x + (to.x >= from.x ? 0 : BOX_WIDTH);
    const y1 = from.y + HEADER / 2;
    const y2 = to.y + HEADER / 2;
    const bend = from === to ? 60 : (x2 - x1) / 2;
    const path = svg('path', {d: `M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}`,
      class: 'er-key', 'marker-end': 'url(#arrow)'});
    path.append(svg('title', {}, key.name + ': ' + key.columns.join(', ') + ' → ' + key.referenced + ' ('
      + key.referencedColumns.join(', ') + ')'));
    chart.append(path);
  }

  async function load() {
    const database = byId('database').value;
    if (!database) {
      return;
    }
    const params = new URLSearchParams({database});
    if (byId('schema').value.trim()) {
      params.set('schema', byId('schema').value.trim());
    }
    try {
      const diagram = await S.get('/api/diagram?' + params);
      S.hideError();
      const {boxes, width, height} = layout(diagram.tables, diagram.foreignKeys);
      const chart = svg('svg', {viewBox: `0 0 ${width} ${height}`, width, height, id: 'er-diagram',
        role: 'img', 'aria-label': 'Entity-relationship diagram'});
      const marker = svg('marker', {id: 'arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 8,
        markerHeight: 8, orient: 'auto-start-reverse'});
      marker.append(svg('path', {d: 'M 0 0 L 10 5 L 0 10 z', class: 'er-arrow'}));
      const defs = svg('defs', {});
      defs.append(marker);
      chart.append(defs);
      diagram.foreignKeys.forEach(k => drawKey(chart, k, boxes));
      for (const box of boxes.values()) {
        drawTable(chart, box, database);
      }
      byId('diagram').replaceChildren(diagram.tables.length ? chart
        : S.el('p', {className: 'text-body-secondary'}, 'No tables in this schema yet.'));
    } catch (error) {
      S.showError(error.message);
    }
  }

  S.page(async () => {
    await S.fillDatabases(byId('database'), S.param('database'));
    if (S.param('schema')) {
      byId('schema').value = S.param('schema');
    }
    byId('filters').addEventListener('change', load);
    byId('filters').addEventListener('submit', event => {
      event.preventDefault();
      load();
    });
    load();
  });
})();
