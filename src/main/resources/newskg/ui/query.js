// The query page: the queries/ library (GET /newskg/api/queries) in a SPARQL editor (CodeMirror)
// that starts with the nkg: prefixes. SELECT and ASK run through /newskg/api/run, which binds
// the parameters the query declares (a form under the editor, with name completion for entities)
// and pages the rows; CONSTRUCT and DESCRIBE go to the read-only endpoint /newskg/sparql and show
// as Turtle.
'use strict';
(async () => {
  const { el } = NKG;
  NKG.header('query');
  const editor = CodeMirror.fromTextArea(document.getElementById('editor'), {
    mode: 'application/sparql-query', lineNumbers: true, matchBrackets: true, indentUnit: 2, viewportMargin: Infinity,
    extraKeys: { 'Ctrl-Enter': () => run(), 'Cmd-Enter': () => run() },
  });
  window.nkgEditor = editor; // for the browser tests
  const results = document.getElementById('results');
  const note = document.getElementById('result-note');
  const download = document.getElementById('download');
  const paramsForm = document.getElementById('params');
  const pager = document.getElementById('pager');
  let prefixes = '';
  let prefixMap = [];
  let offset = 0;

  try {
    const lib = await NKG.getJson('queries');
    prefixes = lib.prefixes;
    prefixMap = [...prefixes.matchAll(/PREFIX\s+(\w*):\s*<([^>]+)>/g)].map((m) => [m[1], m[2]]);
    const list = document.getElementById('library');
    list.replaceChildren(...lib.queries.map((q) => el('li', {
      class: 'clickable', dataset: { name: q.name }, title: q.question,
      onclick: () => load(q),
    }, el('code', {}, q.name), el('div', { class: 'muted small' }, q.question))));
    const wanted = new URLSearchParams(location.search).get('q');
    const start = lib.queries.find((q) => q.name === wanted);
    if (start) load(start);
    else editor.setValue(prefixes + '\nSELECT ?entity ?label ?articles\nWHERE {\n  GRAPH <https://w3id.org/newskg/graph/stats> {\n'
      + '    ?entity nkg:articleCount ?articles ; rdfs:label ?label .\n  }\n}\nORDER BY DESC(?articles)\nLIMIT 20\n');
  } catch (e) {
    NKG.fail(document.getElementById('library'), e);
  }

  function load(q) {
    document.querySelectorAll('#library li').forEach((li) => li.classList.toggle('active', li.dataset.name === q.name));
    document.getElementById('query-title').textContent = q.name;
    document.getElementById('query-question').textContent = q.question;
    editor.setValue(q.text);
    history.replaceState(null, '', '/query?q=' + encodeURIComponent(q.name));
    paramsForm.replaceChildren(...q.params.map((p) => {
      const input = el('input', { type: p.kind === 'entity' ? 'search' : 'text', name: p.name, class: 'param-input',
        placeholder: p.description || p.kind, 'aria-label': p.name });
      const field = el('label', { class: 'param' }, el('span', { class: 'param-name' }, p.name, p.required ? ' *' : ''), el('span', { class: 'searchwrap' }, input));
      if (p.kind === 'entity') NKG.attachSearch(input, { onPick: (m) => { input.value = m.label; } });
      return field;
    }));
    paramsForm.hidden = q.params.length === 0;
  }
  paramsForm.addEventListener('submit', (e) => { e.preventDefault(); run(); });

  function shorten(iri) {
    for (const [p, ns] of prefixMap) if (iri.startsWith(ns) && /^[\w-]*$/.test(iri.slice(ns.length))) return p + ':' + iri.slice(ns.length);
    return iri;
  }

  async function post(query, accept) {
    const r = await fetch('/newskg/sparql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: accept },
      body: new URLSearchParams({ query }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(text.trim() || `HTTP ${r.status}`);
    return text;
  }

  async function run(keepOffset) {
    const query = editor.getValue();
    if (keepOffset !== true) offset = 0;
    const runButton = document.getElementById('run');
    runButton.disabled = true;
    note.textContent = 'running…';
    download.hidden = true;
    pager.hidden = true;
    const t0 = performance.now();
    try {
      const form = /^\s*(?:(?:PREFIX|BASE)[^\n]*\n|#[^\n]*\n|\s)*(\w+)/i.exec(query);
      const verb = form ? form[1].toUpperCase() : 'SELECT';
      if (verb === 'CONSTRUCT' || verb === 'DESCRIBE') {
        const ttl = await post(query, 'text/turtle');
        results.replaceChildren(el('pre', { class: 'turtle' }, ttl));
        note.textContent = `${Math.round(performance.now() - t0)} ms`;
        return;
      }
      const size = Number(document.getElementById('page-size').value);
      const body = new URLSearchParams({ query, limit: String(size), offset: String(offset) });
      for (const input of paramsForm.querySelectorAll('input')) {
        if (input.value.trim()) body.append('param', `${input.name}=${input.value.trim()}`);
      }
      const r = await fetch('/newskg/api/run', {
        method: 'POST', body, headers: { Accept: 'application/sparql-results+json', 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      const json = await r.json().catch(() => ({ error: `HTTP ${r.status}` }));
      if (!r.ok) throw new Error(json.error || `HTTP ${r.status}`);
      if ('boolean' in json) {
        results.replaceChildren(el('div', { class: 'ask' }, String(json.boolean)));
        note.textContent = `${Math.round(performance.now() - t0)} ms`;
        return;
      }
      const vars = json.head.vars;
      const bindings = json.results.bindings;
      const ms = Math.round(performance.now() - t0);
      note.textContent = bindings.length
        ? `rows ${offset + 1}–${offset + bindings.length}${bindings.length === size || offset ? '' : ` of ${bindings.length}`} · ${ms} ms`
        : `no rows · ${ms} ms`;
      pager.hidden = offset === 0 && bindings.length < size;
      document.getElementById('prev').disabled = offset === 0;
      document.getElementById('next').disabled = bindings.length < size;
      const cell = (b) => {
        if (!b) return el('td', { class: 'unbound' });
        if (b.type === 'uri' && b.value.startsWith('https://w3id.org/newskg/article/')) {
          return el('td', { class: 'iri' }, el('a', { href: NKG.articleUrl(b.value), title: 'read the article' }, shorten(b.value)));
        }
        if (b.type === 'uri') return el('td', { class: 'iri', title: b.value }, shorten(b.value));
        return el('td', {}, b.value);
      };
      results.replaceChildren(el('table', { class: 'table results-table' },
        el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '#'), ...vars.map((v) => el('th', {}, v)))),
        el('tbody', {}, ...bindings.map((b, i) => el('tr', {}, el('td', { class: 'num muted' }, String(offset + i + 1)), ...vars.map((v) => cell(b[v])))))));
      const csv = [vars.join(','), ...bindings.map((b) => vars.map((v) => {
        const s = b[v] ? b[v].value : '';
        return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(','))].join('\r\n') + '\r\n';
      if (download.href) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      const title = document.getElementById('query-title').textContent;
      download.download = (title.endsWith('.rq') ? title.replace(/\.rq$/, '') : 'results') + '.csv';
      download.hidden = false;
    } catch (e) {
      note.textContent = '';
      results.replaceChildren(el('pre', { class: 'error' }, e.message));
    } finally {
      runButton.disabled = false;
    }
  }
  document.getElementById('run').addEventListener('click', () => run());
  document.getElementById('prev').addEventListener('click', () => {
    offset = Math.max(0, offset - Number(document.getElementById('page-size').value));
    run(true);
  });
  document.getElementById('next').addEventListener('click', () => {
    offset += Number(document.getElementById('page-size').value);
    run(true);
  });
})();
