// The login page: posts the form with the CSRF cookie's token, then goes where the user was headed
// (only a path on this site: an absolute "next" could send the user elsewhere).
'use strict';

(() => {
  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function target() {
    const next = new URLSearchParams(location.search).get('next');
    return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  }

  function showError(message) {
    const box = document.getElementById('error');
    box.textContent = message;
    box.classList.remove('d-none');
  }

  async function ensureToken() {
    // The CSRF cookie comes with any answer of this site; fetch one if the page came from the cache.
    if (!csrfToken()) {
      await fetch('/login/options', {credentials: 'same-origin'});
    }
  }

  async function login(event) {
    event.preventDefault();
    await ensureToken();
    const form = new URLSearchParams(new FormData(event.target));
    const response = await fetch('/login', {
      method: 'POST', credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': csrfToken()},
      body: form.toString()
    });
    if (response.ok) {
      location.assign(target());
    } else if (response.status === 401) {
      showError('Wrong user name or password.');
    } else {
      showError('Login failed (HTTP ' + response.status + '); reload the page and try again.');
    }
  }

  async function providers() {
    const response = await fetch('/login/options', {credentials: 'same-origin'});
    if (!response.ok) {
      return;
    }
    const options = await response.json();
    const box = document.getElementById('providers');
    for (const provider of options.providers) {
      const link = document.createElement('a');
      link.className = 'btn btn-outline-secondary w-100 mb-2';
      link.href = '/oauth2/authorization/' + encodeURIComponent(provider.id);
      link.textContent = 'Log in with ' + provider.name;
      box.append(link);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.getElementById('login-form').addEventListener('submit', login);
    providers();
  });
})();
