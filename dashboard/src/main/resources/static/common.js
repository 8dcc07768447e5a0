// Shared by every page: the navigation bar, API calls that send the login to /login.html when it has expired,
// and element helpers. Every value from the API is set as text (textContent, attributes via setAttribute on
// fixed names): statements and names come from production and may contain markup.
'use strict';

const Schemagov = (() => {
  const PAGES = [
    ['/', 'Overview'],
    ['/findings.html', 'Findings'],
    ['/tables.html', 'Tables'],
    ['/diagram.html', 'Diagram'],
    ['/audit.html', 'Audit'],
    ['/rules.html', 'Rules'],
    ['/deliveries.html', 'Alert deliveries']
  ];
  const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
  const SEVERITY_BADGES = {
    CRITICAL: 'text-bg-danger', HIGH: 'text-bg-warning', MEDIUM: 'text-bg-info', LOW: 'text-bg-secondary',
    INFO: 'text-bg-light'
  };
  let me = null;

  function text(value) {
    return value === undefined || value === null ? '' : String(value);
  }

  /** el('td', {className: 'x', title: 'y'}, 'text', childNode, ...): children given as strings become text nodes. */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'dataset') {
        Object.assign(node.dataset, value);
      } else if (key === 'on') {
        for (const [event, handler] of Object.entries(value)) {
          node.addEventListener(event, handler);
        }
      } else if (value !== undefined && value !== null) {
        node[key] = value;
      }
    }
    for (const child of children) {
      if (child !== undefined && child !== null && child !== false) {
        node.append(child instanceof Node ? child : document.createTextNode(text(child)));
      }
    }
    return node;
  }

  function toLogin() {
    const next = location.pathname + location.search;
    location.assign('/login.html?next=' + encodeURIComponent(next));
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  async function request(url, options) {
    const response = await fetch(url, Object.assign({credentials: 'same-origin'}, options));
    if (response.status === 401) {
      toLogin();
      throw new Error('not logged in');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (ignored) {
      // Not JSON (a proxy error page, say); the status is all there is to report.
    }
    if (!response.ok) {
      throw new Error(body && body.message ? body.message : 'Request failed with HTTP ' + response.status);
    }
    return body;
  }

  function get(url) {
    return request(url, {headers: {Accept: 'application/json'}});
  }

  function post(url, body) {
    return request(url, {
      method: 'POST',
      headers: {'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken()},
      body: JSON.stringify(body || {})
    });
  }

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

  function formatCount(n) {
    if (n === undefined || n === null || n < 0) {
      return '?';
    }
    return n >= 1e6 ? (n / 1e6).toFixed(1) + 'M' : n >= 1e3 ? (n / 1e3).toFixed(1) + 'k' : String(n);
  }

  function severityBadge(severity) {
    return el('span', {className: 'badge ' + (SEVERITY_BADGES[severity] || 'text-bg-secondary')}, severity);
  }

  function showError(message) {
    const box = document.getElementById('error');
    if (box) {
      box.textContent = message;
      box.classList.remove('d-none');
    }
  }

  function hideError() {
    const box = document.getElementById('error');
    if (box) {
      box.classList.add('d-none');
    }
  }

  function tableLink(database, schema, table) {
    const params = new URLSearchParams({database: text(database), schema: text(schema), table: text(table)});
    return el('a', {href: '/table.html?' + params.toString()}, text(schema) + '.' + text(table));
  }

  function isAdmin() {
    return !!me && me.roles.includes('ADMIN');
  }

  async function logout() {
    try {
      await post('/logout');
    } finally {
      location.assign('/login.html');
    }
  }

  function renderNav(user) {
    const links = el('ul', {className: 'navbar-nav me-auto'});
    for (const [href, label] of PAGES) {
      const active = location.pathname === href || (href === '/' && location.pathname === '/index.html');
      links.append(el('li', {className: 'nav-item'},
        el('a', {className: 'nav-link' + (active ? ' active' : ''), href}, label)));
    }
    const who = el('span', {className: 'navbar-text me-2', id: 'current-user'},
      user.name + ' (' + user.roles.map(r => r.toLowerCase()).join(', ') + ')');
    const out = el('button', {type: 'button', className: 'btn btn-sm btn-outline-light', id: 'logout',
      on: {click: logout}}, 'Log out');
    const nav = el('nav', {className: 'navbar navbar-expand navbar-dark bg-dark mb-3'},
      el('div', {className: 'container-fluid'},
        el('a', {className: 'navbar-brand', href: '/'}, 'Schemagov'), links,
        el('a', {className: 'nav-link text-light me-3 small', href: '/v3/api-docs'}, 'API'), who, out));
    document.body.prepend(nav);
  }

  /** Runs the page once the user is known; an expired login goes to the login page first. */
  function page(start) {
    document.addEventListener('DOMContentLoaded', async () => {
      try {
        me = await get('/api/me');
      } catch (error) {
        return;
      }
      renderNav(me);
      start();
    });
  }

  function param(name) {
    return new URLSearchParams(location.search).get(name);
  }

  async function fillDatabases(select, selected) {
    const answer = await get('/api/databases');
    for (const name of answer.databases) {
      select.append(el('option', {value: name, selected: name === selected}, name));
    }
  }

  return {
    el, text, get, post, formatTime, toDate, formatCount, severityBadge, showError, hideError, tableLink,
    isAdmin, page, param, fillDatabases, SEVERITIES
  };
})();
