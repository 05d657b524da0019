// The search page: a large search box and the most mentioned entities (GET /newskg/api/top).
'use strict';
(async () => {
  const { el } = NKG;
  NKG.header('home');
  const hero = document.getElementById('hero-search');
  NKG.attachSearch(hero);
  hero.focus();
  const top = document.getElementById('top');
  try {
    const { entities } = await NKG.getJson('top', { limit: 24 });
    if (!entities.length) {
      top.replaceChildren(el('div', { class: 'empty' }, 'The store holds no entities yet: run newskg ingest first.'));
      return;
    }
    document.getElementById('top-note').textContent = 'by number of articles naming them';
    top.replaceChildren(...entities.map((m) => el('a', { class: 'entity-card', href: NKG.entityUrl(m.label) },
      el('span', { class: 'name' }, m.label), NKG.kindChip(m.type),
      el('span', { class: 'count' }, `${m.articles} article${m.articles === 1 ? '' : 's'}`))));
  } catch (e) {
    NKG.fail(top, e);
  }
})();
