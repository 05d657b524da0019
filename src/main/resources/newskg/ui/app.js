// newskg analyst pages: what every page shares. The header's search box with completion over
// entity names (GET /newskg/api/complete), JSON fetching, SPARQL result rows as plain objects,
// factuality colours, and the evidence panel that shows a fact's verbatim sentence and its article.
'use strict';

const NKG = (() => {
  const API = '/newskg/api/';

  /** Factuality values in the order the legend shows them, with their colours and chart symbols. */
  const STATUS = {
    reported: { color: '#2f9e44', symbol: 'circle', label: 'reported' },
    alleged: { color: '#e8590c', symbol: 'triangle', label: 'alleged' },
    possible: { color: '#1c7ed6', symbol: 'diamond', label: 'possible' },
    negated: { color: '#c92a2a', symbol: 'rect', label: 'negated' },
  };

  /** Entity kinds and their colours in the network. */
  const KIND = {
    State: '#364fc7', Person: '#ae3ec9', Organization: '#0c8599', Place: '#e67700', Other: '#868e96',
  };

  function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  /** Replaces a container's children, leaving out null, undefined and false. */
  function fill(container, ...children) {
    container.replaceChildren(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  }

  async function getJson(path, params = {}) {
    const url = new URL(path.startsWith('/') ? path : API + path, location.origin);
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    const r = await fetch(url, { headers: { Accept: 'application/json, application/sparql-results+json' } });
    const body = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
    if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
    return body;
  }

  /** SPARQL JSON results as a list of {variable: value} objects (unbound variables give ''). */
  function rows(results) {
    const vars = results.head.vars;
    return results.results.bindings.map((b) => {
      const row = {};
      for (const v of vars) row[v] = b[v] ? b[v].value : '';
      return row;
    });
  }

  async function library(name, entity) {
    return rows(await getJson(name, { name: entity }));
  }

  function entityUrl(label) {
    return '/entity?name=' + encodeURIComponent(label);
  }

  function articleUrl(article, sentence) {
    const u = new URLSearchParams({ iri: article });
    if (sentence) u.set('hl', sentence);
    return '/article?' + u;
  }

  function statusBadge(status) {
    const s = STATUS[status];
    return el('span', { class: 'badge status-' + (s ? status : 'unknown'), title: 'factuality: ' + (status || 'unknown') },
      status || 'unknown');
  }

  function kindChip(type) {
    return el('span', { class: 'chip kind-' + (KIND[type] ? type : 'Other') }, type || 'entity');
  }

  /** "2024-10-31" → "31 Oct 2024", "2024-06" → "Jun 2024", "2024" stays, "" → "undated". */
  function formatDate(d) {
    if (!d) return 'undated';
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
    if (!m) return d;
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    if (m[3]) return `${Number(m[3])} ${months[Number(m[2]) - 1]} ${m[1]}`;
    if (m[2]) return `${months[Number(m[2]) - 1]} ${m[1]}`;
    return m[1];
  }

  function articleName(row) {
    return row.title || row.article.replace(/^.*\/article\//, '');
  }

  // ---- the evidence panel ----
  let drawer;

  /** On wide screens the page makes room for the panel; charts listen to resize to redraw at the new width. */
  function dock(open) {
    document.body.classList.toggle('with-drawer', open);
    window.dispatchEvent(new Event('resize'));
  }

  function closeDrawer() {
    if (drawer && drawer.classList.contains('open')) {
      drawer.classList.remove('open');
      dock(false);
    }
  }

  /** Opens the side panel with a heading and content (replacing what it showed). */
  function showPanel(heading, ...content) {
    if (!drawer) {
      drawer = el('aside', { class: 'drawer', id: 'evidence', 'aria-label': 'Details' });
      document.body.append(drawer);
      document.addEventListener('keydown', (e) => { if (e.key === 'Escape') closeDrawer(); });
    }
    drawer.replaceChildren(
      el('div', { class: 'drawer-head' },
        el('h2', {}, heading),
        el('button', { class: 'close', title: 'Close (Esc)', 'aria-label': 'Close', onclick: closeDrawer }, '×')),
      el('div', { class: 'drawer-body' }, ...content));
    drawer.scrollTop = 0;
    if (!drawer.classList.contains('open')) {
      drawer.classList.add('open');
      dock(true);
    }
  }

  /**
   * Opens the side panel for one fact: heading, status, facts as label/value pairs, the verbatim
   * evidence sentence and the article it comes from (with a link to read it). {@code back}, if
   * given, is a [label, function] pair for returning to the list the fact was picked from.
   */
  function showEvidence({ heading, status, facts = [], evidence, article, published, source, url, title, back }) {
    const articleBlock = article ? el('div', { class: 'drawer-article' },
      el('div', { class: 'label' }, 'Article'),
      el('div', { class: 'article-title' }, title || article.replace(/^.*\/article\//, '')),
      el('div', { class: 'muted' }, [published ? formatDate(published) : null, source].filter(Boolean).join(' · ') || 'no date or source recorded'),
      url ? el('div', {}, el('a', { href: url, rel: 'noopener noreferrer', target: '_blank', class: 'ext' }, url)) : null,
      el('a', { class: 'button', href: articleUrl(article, evidence), id: 'open-article' }, 'Read the article')) : null;
    showPanel(heading || 'Evidence',
      back ? el('a', { href: '#', class: 'back', onclick: (e) => { e.preventDefault(); back[1](); } }, '‹ ' + back[0]) : null,
      status ? el('div', { class: 'drawer-status' }, statusBadge(status)) : null,
      facts.length ? el('dl', { class: 'facts' }, facts.filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])) : null,
      el('div', { class: 'label' }, 'Evidence sentence (verbatim)'),
      el('blockquote', { class: 'evidence', id: 'evidence-text' }, evidence || '(no sentence recorded)'),
      articleBlock);
  }

  // ---- the header's search box ----
  function attachSearch(input, { onPick } = {}) {
    const box = el('ul', { class: 'completions', role: 'listbox', hidden: true });
    input.after(box);
    input.setAttribute('autocomplete', 'off');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    let items = [];
    let active = -1;
    let seq = 0;
    const pick = (m) => {
      box.hidden = true;
      if (onPick) onPick(m); else location.href = entityUrl(m.label);
    };
    const render = () => {
      box.replaceChildren(...items.map((m, i) => el('li', {
        role: 'option', class: i === active ? 'active' : '', 'aria-selected': i === active ? 'true' : 'false',
        onmousedown: (e) => { e.preventDefault(); pick(m); },
      }, el('span', { class: 'name' }, m.label),
      m.matched !== m.label ? el('span', { class: 'alias' }, m.matched) : null,
      kindChip(m.type), el('span', { class: 'count' }, `${m.articles} art.`))));
      box.hidden = items.length === 0;
    };
    let timer;
    input.addEventListener('input', () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) { items = []; render(); return; }
      timer = setTimeout(async () => {
        const mine = ++seq;
        try {
          const r = await getJson('complete', { q, limit: 10 });
          if (mine !== seq) return;
          items = r.entities;
          active = items.length ? 0 : -1;
          render();
        } catch (e) { items = []; render(); }
      }, 120);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' && items.length) { active = (active + 1) % items.length; render(); e.preventDefault(); }
      else if (e.key === 'ArrowUp' && items.length) { active = (active - 1 + items.length) % items.length; render(); e.preventDefault(); }
      else if (e.key === 'Enter') {
        e.preventDefault();
        if (active >= 0 && items[active]) pick(items[active]);
      } else if (e.key === 'Escape') { box.hidden = true; }
    });
    input.addEventListener('blur', () => setTimeout(() => { box.hidden = true; }, 100));
    input.addEventListener('focus', () => { if (items.length) box.hidden = false; });
  }

  function header(active) {
    const search = el('input', { type: 'search', id: 'search', class: 'search', placeholder: 'Search a person, state, organisation or place…', 'aria-label': 'Search entities' });
    const bar = el('header', { class: 'topbar' },
      el('a', { class: 'brand', href: '/' }, el('img', { src: '/ui/favicon.svg', alt: '' }), 'newskg', el('span', { class: 'sub' }, 'analyst')),
      el('div', { class: 'searchwrap', hidden: active === 'home' }, search),
      el('nav', {},
        el('a', { href: '/', class: active === 'home' ? 'active' : '' }, 'Entities'),
        el('a', { href: '/query', class: active === 'query' ? 'active' : '' }, 'Query')));
    document.body.prepend(bar);
    attachSearch(search);
    return search;
  }

  function fail(container, err) {
    container.replaceChildren(el('div', { class: 'error' }, String(err.message || err)));
  }

  return {
    API, STATUS, KIND, el, fill, getJson, rows, library, entityUrl, articleUrl, statusBadge, kindChip, formatDate,
    articleName, showPanel, showEvidence, closeDrawer, attachSearch, header, fail,
  };
})();
