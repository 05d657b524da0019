// The article page: /article?iri=IRI[&hl=SENTENCE]. Shows the stored article (title, date,
// source, URL and the full text, GET /newskg/api/article) with the evidence sentence marked.
'use strict';
(async () => {
  const { el } = NKG;
  NKG.header('article');
  const params = new URLSearchParams(location.search);
  const iri = params.get('iri') || '';
  const hl = params.get('hl') || '';
  const box = document.getElementById('article');
  try {
    const rows = NKG.rows(await NKG.getJson('article', { iri }));
    if (!rows.length) {
      box.replaceChildren(el('div', { class: 'empty' }, `No article ${iri} in the store.`));
      return;
    }
    const a = rows[0];
    a.id = a.id || iri.replace(/^.*\/article\//, '');
    document.title = `newskg · ${a.title || a.id}`;
    const paragraphs = a.text.split(/\n\s*\n/);
    let marked = false;
    const body = paragraphs.map((p) => {
      const at = hl && !marked ? p.indexOf(hl) : -1;
      if (at < 0) return el('p', {}, p);
      marked = true;
      return el('p', {}, p.slice(0, at), el('mark', { id: 'highlight' }, hl), p.slice(at + hl.length));
    });
    NKG.fill(box,
      el('div', { class: 'muted small' }, 'Article ', el('code', {}, a.id)),
      el('h1', {}, a.title || a.id),
      el('div', { class: 'article-meta' },
        [a.published ? 'Published ' + NKG.formatDate(a.published) : 'No publication date', a.source].filter(Boolean).join(' · '),
        a.url ? el('span', {}, ' · ', el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', class: 'ext' }, a.url)) : null),
      hl && !marked ? el('div', { class: 'note' }, 'The evidence sentence was not found verbatim in this text.') : null,
      el('div', { class: 'article-text' }, ...body));
    const mark = document.getElementById('highlight');
    if (mark) mark.scrollIntoView({ block: 'center' });
  } catch (e) {
    NKG.fail(box, e);
  }
})();
