// The query page: the queries/ library (GET /newskg/api/queries) in a SPARQL editor (CodeMirror)
// that starts with the nkg: prefixes, run against the read-only endpoint /newskg/sparql, with the
// results as a table (SELECT, ASK) or Turtle (CONSTRUCT, DESCRIBE).
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
  let prefixes = '';
  let prefixMap = [];

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
  }

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

  async function run() {
    const query = editor.getValue();
    const runButton = document.getElementById('run');
    runButton.disabled = true;
    note.textContent = 'running…';
    download.hidden = true;
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
      const json = JSON.parse(await post(query, 'application/sparql-results+json'));
      if ('boolean' in json) {
        results.replaceChildren(el('div', { class: 'ask' }, String(json.boolean)));
        note.textContent = `${Math.round(performance.now() - t0)} ms`;
        return;
      }
      const vars = json.head.vars;
      const bindings = json.results.bindings;
      note.textContent = `${bindings.length} row${bindings.length === 1 ? '' : 's'} · ${Math.round(performance.now() - t0)} ms`;
      const cell = (b) => {
        if (!b) return el('td', { class: 'unbound' });
        if (b.type === 'uri') return el('td', { class: 'iri', title: b.value }, shorten(b.value));
        return el('td', {}, b.value);
      };
      results.replaceChildren(el('table', { class: 'table results-table' },
        el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '#'), ...vars.map((v) => el('th', {}, v)))),
        el('tbody', {}, ...bindings.map((b, i) => el('tr', {}, el('td', { class: 'num muted' }, String(i + 1)), ...vars.map((v) => cell(b[v])))))));
      const csv = [vars.join(','), ...bindings.map((b) => vars.map((v) => {
        const s = b[v] ? b[v].value : '';
        return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
      }).join(','))].join('\r\n') + '\r\n';
      if (download.href) URL.revokeObjectURL(download.href);
      download.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
      download.download = (document.getElementById('query-title').textContent.replace(/\.rq$/, '') || 'results') + '.csv';
      download.hidden = false;
    } catch (e) {
      note.textContent = '';
      results.replaceChildren(el('pre', { class: 'error' }, e.message));
    } finally {
      runButton.disabled = false;
    }
  }
  document.getElementById('run').addEventListener('click', run);
})();
