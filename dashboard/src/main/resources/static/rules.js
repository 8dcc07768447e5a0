// The rule catalogue as in force, the suppressions with who, why and until when, and each rule's reference.
'use strict';

(() => {
  const S = Schemagov;
  const el = S.el;
  const byId = id => document.getElementById(id);

  function severity(rule) {
    return rule.severity ? el('span', {}, S.severityBadge(rule.severity), ' (default ' + rule.defaultSeverity + ')')
      : S.severityBadge(rule.defaultSeverity);
  }

  function thresholds(rule) {
    const t = rule.details && rule.details.thresholds;
    return t ? S.formatCount(t.smallTableRows) + ' / ' + S.formatCount(t.largeTableRows) + ' / '
      + S.formatCount(t.hugeTableRows) : '';
  }

  function reference(rule) {
    const d = rule.details || {};
    const parts = [el('h3', {className: 'h6 mt-3', id: rule.ruleId}, rule.ruleId + ' — ' + S.text(rule.title))];
    if (d.rationale) {
      parts.push(el('p', {className: 'small'}, d.rationale));
    }
    parts.push(el('p', {className: 'small'}, el('strong', {}, 'Fix: '), S.text(d.remediation)));
    if (d.example) {
      parts.push(el('div', {className: 'small'}, 'Fires on:'), el('pre', {className: 'statement small'}, d.example));
    }
    if (d.fix) {
      parts.push(el('div', {className: 'small'}, 'Does not fire on:'), el('pre', {className: 'statement small'}, d.fix));
    }
    return el('section', {}, ...parts);
  }

  S.page(async () => {
    try {
      const answer = await S.get('/api/rules');
      if (!answer.rules.length) {
        byId('rules-source').textContent = 'No analyzer has published its rules yet.';
      } else {
        byId('rules-source').textContent = 'As the analyzer published them at ' + S.formatTime(answer.rules[0].publishedAt)
          + ', from ' + S.text(answer.rules[0].rulesFile) + '.';
      }
      byId('rules-body').replaceChildren(...answer.rules.map(r => el('tr', {className: r.enabled ? '' : 'text-body-secondary'},
        el('td', {}, el('a', {href: '#' + r.ruleId}, r.ruleId), el('div', {className: 'small'}, r.title)),
        el('td', {}, r.family), el('td', {}, r.scope), el('td', {}, r.enabled ? 'yes' : 'disabled'),
        el('td', {}, severity(r)), el('td', {className: 'small'}, thresholds(r)))));
      byId('suppressions-body').replaceChildren(...answer.suppressions.map(s => el('tr', {},
        el('td', {}, s.ruleId), el('td', {}, s.database || 'any'), el('td', {}, s.object), el('td', {}, s.author),
        el('td', {}, s.reason), el('td', {}, s.expires || 'no expiry'))));
      byId('suppressed-body').replaceChildren(...answer.suppressedFindings.map(f => {
        const s = f.suppression || {};
        return el('tr', {}, el('td', {}, f.ruleId), el('td', {}, f.database), el('td', {}, f.object),
          el('td', {}, s.source), el('td', {}, s.author), el('td', {}, s.reason), el('td', {}, s.expires || 'no expiry'));
      }));
      byId('reference').replaceChildren(...answer.rules.map(reference));
      if (location.hash) {
        const target = document.getElementById(decodeURIComponent(location.hash.substring(1)));
        if (target) {
          target.scrollIntoView();
        }
      }
    } catch (error) {
      S.showError(error.message);
    }
  });
})();
