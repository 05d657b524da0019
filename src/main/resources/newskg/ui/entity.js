// The entity page: /entity?name=LABEL. Reads timeline.rq, network.rq and entity.rq through
// /newskg/api/ with the entity bound by name, and draws the timeline (ECharts scatter on a time
// axis, one lane per event type, colour by factuality, undated events in their own lane), the
// list of events, the network of counterparts (ECharts force graph), the posts and the articles.
// Every item opens its evidence sentence and article in the side panel.
'use strict';
(async () => {
  const { el, STATUS, KIND } = NKG;
  NKG.header('entity');
  const name = new URLSearchParams(location.search).get('name') || '';
  document.title = `newskg · ${name}`;
  const TYPE_ORDER = ['Visit', 'Contact', 'Agreement', 'Deployment', 'Transfer', 'Statement'];
  const charts = {};
  const pointOf = new Map(); // event row index -> [series, data index] in the timeline chart
  window.nkgCharts = charts; // for the browser tests
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));

  const head = document.getElementById('head');
  if (!name) {
    head.replaceChildren(el('div', { class: 'empty' }, 'No entity named: search for one above.'));
    return;
  }

  const [found, timeline, network, about] = await Promise.allSettled([
    NKG.getJson('lookup', { name }),
    NKG.library('timeline', name),
    NKG.library('network', name),
    NKG.library('entity', name),
  ]);
  const match = found.status === 'fulfilled' ? found.value.entities[0] : null;
  const events = timeline.status === 'fulfilled' ? timeline.value : [];
  const aboutRows = about.status === 'fulfilled' ? about.value : [];

  renderHead(match, aboutRows);
  if (timeline.status === 'fulfilled') {
    renderTimelineChart(events);
    renderEventList(events);
  } else {
    NKG.fail(document.getElementById('timeline'), timeline.reason);
    NKG.fail(document.getElementById('timeline-chart'), timeline.reason);
  }
  if (network.status === 'fulfilled') renderNetwork(network.value, match);
  else NKG.fail(document.getElementById('network-chart'), network.reason);
  if (about.status === 'fulfilled') renderPosts(aboutRows);
  else NKG.fail(document.getElementById('posts'), about.reason);
  renderArticles(events, aboutRows);

  // ---- header ----
  function renderHead(m, rows) {
    const aliases = [...new Set(rows.filter((r) => r.kind === 'alias').map((r) => r.name))];
    const type = m ? m.type : (rows.find((r) => r.kind === 'name') || {}).type;
    const tenures = rows.filter((r) => r.kind === 'tenure');
    NKG.fill(head,
      el('div', { class: 'entity-title' },
        el('h1', { id: 'entity-name' }, name),
        type ? NKG.kindChip(type) : null),
      el('div', { class: 'entity-meta' },
        m ? el('span', {}, `named in ${m.articles} article${m.articles === 1 ? '' : 's'}`) : el('span', { class: 'muted' }, 'named in no article'),
        m ? el('code', { class: 'iri', title: 'IRI' }, m.iri) : null),
      aliases.length ? el('div', { class: 'entity-names' }, el('span', { class: 'muted' }, 'Also known as '), aliases.join(' · ')) : null,
      tenures.length ? renderTenures(tenures) : null);
  }

  /** Terms of office from the reference data: current ones first, at most six until asked for more. */
  function renderTenures(tenures) {
    const sorted = [...tenures].sort((a, b) => (a.end ? 1 : 0) - (b.end ? 1 : 0) || (b.start || '').localeCompare(a.start || ''));
    const item = (t) => el('li', { class: 'tenure' + (t.end ? '' : ' current') },
      t.role === 'organization' ? el('a', { href: NKG.entityUrl(t.person) }, t.person) : null,
      t.role === 'organization' ? ', ' : '', `${t.post}${t.org && t.role !== 'organization' ? ', ' + t.org : ''}`,
      el('span', { class: 'muted' }, ` ${t.start ? NKG.formatDate(t.start) : '?'} – ${t.end ? NKG.formatDate(t.end) : 'now'}`));
    const list = el('ul', { class: 'tenure-list' }, ...sorted.slice(0, 6).map(item));
    if (sorted.length > 6) {
      const more = el('li', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); list.replaceChildren(...sorted.map(item)); } },
        `+${sorted.length - 6} more`));
      list.append(more);
    }
    return el('div', { class: 'tenures' }, el('span', { class: 'muted' }, 'Offices (reference data)'), list);
  }

  // ---- helpers ----
  function counterpartsOf(row) {
    return (row.counterparts || '').split(/\s*[;|]\s*/).map((s) => s.trim()).filter(Boolean);
  }

  function counterpartLinks(list) {
    const out = [];
    list.forEach((c, i) => {
      if (i) out.push(', ');
      out.push(el('a', { href: NKG.entityUrl(c), onclick: (e) => e.stopPropagation() }, c));
    });
    return out;
  }

  function eventEvidence(row, back) {
    const cps = counterpartsOf(row);
    NKG.showEvidence({
      heading: `${row.type || 'Event'} · ${NKG.formatDate(row.date)}`,
      status: row.status,
      facts: [['Entity', name], ['Role', row.role], ['Counterparts', cps.length ? cps.join(', ') : ''], ['Date', row.date ? NKG.formatDate(row.date) : 'undated'],
        ['Reports', Number(row.reports) > 1 ? `${row.reports} articles; the first is shown` : '']],
      evidence: row.evidence, article: row.article, published: row.published, source: row.source, url: row.url, title: row.title,
      back,
    });
  }

  function toTime(d) {
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(d);
    return m ? Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1) : null;
  }

  // ---- timeline chart ----
  function renderTimelineChart(rows) {
    const box = document.getElementById('timeline-chart');
    const types = [...new Set(rows.map((r) => r.type))].sort((a, b) => {
      const ia = TYPE_ORDER.indexOf(a); const ib = TYPE_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
    });
    const dated = rows.filter((r) => r.date && toTime(r.date) !== null).length;
    const undated = rows.length - dated;
    document.getElementById('timeline-note').textContent = rows.length
      ? `${rows.length} event${rows.length === 1 ? '' : 's'}${undated ? `, ${undated} undated` : ''}`
      : '';
    const legend = document.getElementById('status-legend');
    legend.replaceChildren(...Object.entries(STATUS).map(([k, s]) => el('span', { class: 'legend-item' },
      el('span', { class: 'dot', style: `background:${s.color}` }), s.label)));
    if (!rows.length) {
      box.replaceChildren(el('div', { class: 'empty' }, 'No events name this entity.'));
      box.classList.add('is-empty');
      return;
    }
    // Points sharing a lane and a date are spread across the lane.
    const groups = new Map();
    rows.forEach((r, i) => {
      const key = (r.date || 'undated') + '|' + r.type;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(i);
    });
    const yOf = new Map();
    for (const [key, ids] of groups) {
      const step = key.startsWith('undated|') ? 0 : Math.min(0.8 / ids.length, 0.22);
      ids.forEach((id, j) => yOf.set(id, (j - (ids.length - 1) / 2) * step));
    }
    // Undated events spread along their lane in the undated strip.
    const undatedX = new Map();
    for (const t of types) {
      const lane = rows.filter((r) => r.type === t && (!r.date || toTime(r.date) === null));
      lane.forEach((r, j) => undatedX.set(r, (j + 1) / (lane.length + 1)));
    }
    const series = [];
    for (const [status, s] of Object.entries(STATUS)) {
      const point = (r, i, x) => ({ value: [x, types.indexOf(r.type) + 0.5 + yOf.get(i), i], itemStyle: { color: s.color } });
      const mine = rows.map((r, i) => [r, i]).filter(([r]) => r.status === status);
      series.push({
        name: s.label, type: 'scatter', xAxisIndex: 0, yAxisIndex: 1, symbol: s.symbol, symbolSize: 13,
        data: mine.filter(([r]) => r.date && toTime(r.date) !== null).map(([r, i]) => point(r, i, toTime(r.date))),
        emphasis: { scale: 1.6 },
      });
      if (undated) {
        series.push({
          name: s.label, type: 'scatter', xAxisIndex: 1, yAxisIndex: 2, symbol: s.symbol, symbolSize: 13,
          data: mine.filter(([r]) => !r.date || toTime(r.date) === null).map(([r, i]) => point(r, i, undatedX.get(r))),
          emphasis: { scale: 1.6 },
        });
      }
    }
    const other = rows.map((r, i) => [r, i]).filter(([r]) => !STATUS[r.status]);
    if (other.length) {
      const dot = ([r, i], x) => ({ value: [x, types.indexOf(r.type) + 0.5 + yOf.get(i), i], itemStyle: { color: '#868e96' } });
      series.push({ name: 'other', type: 'scatter', xAxisIndex: 0, yAxisIndex: 1, symbolSize: 11,
        data: other.filter(([r]) => r.date && toTime(r.date) !== null).map((p) => dot(p, toTime(p[0].date))) });
      if (undated) {
        series.push({ name: 'other', type: 'scatter', xAxisIndex: 1, yAxisIndex: 2, symbolSize: 11,
          data: other.filter(([r]) => !r.date || toTime(r.date) === null).map((p) => dot(p, undatedX.get(p[0]))) });
      }
    }
    // Lanes: a value axis from 0 to the number of types (lane i spans i..i+1, points sit at i + 0.5),
    // and a category axis over the same grid for the lane names, which it centres in each band.
    const lane = { type: 'value', min: 0, max: types.length, interval: 1, inverse: true,
      axisLine: { show: false }, axisTick: { show: false }, axisLabel: { show: false },
      splitLine: { show: true, lineStyle: { color: '#e9ecf2' } } };
    // The time range with a margin on both sides, so that no point sits on the chart's edge.
    const times = rows.map((r) => (r.date ? toTime(r.date) : null)).filter((t) => t !== null);
    const lo = Math.min(...times); const hi = Math.max(...times);
    const pad = Math.max((hi - lo) * 0.04, 20 * 86400000);
    const span = times.length ? [lo - pad, hi + pad] : [null, null];
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    charts.timeline = chart;
    chart.setOption({
      animation: false,
      grid: [{ left: 96, right: undated ? 128 : 24, top: 16, bottom: 56 }, { right: 16, width: 96, top: 16, bottom: 56 }].slice(0, undated ? 2 : 1),
      tooltip: {
        trigger: 'item', confine: true,
        formatter: (p) => {
          const r = rows[p.value[2]];
          const cps = counterpartsOf(r);
          const esc = (t) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
          return `<b>${esc(r.type)}</b> · ${esc(NKG.formatDate(r.date))} · <span style="color:${(STATUS[r.status] || {}).color || '#555'}">${esc(r.status)}</span>`
            + `<br>${esc(r.role)}${cps.length ? ' with ' + esc(cps.join(', ')) : ''}`
            + `<div style="max-width:360px;white-space:normal;margin-top:4px;color:#495057">${esc(r.evidence.length > 160 ? r.evidence.slice(0, 157) + '…' : r.evidence)}</div>`;
        },
      },
      xAxis: [
        { type: 'time', gridIndex: 0, min: span[0], max: span[1], position: 'bottom',
          axisLine: { onZero: false, lineStyle: { color: '#adb5bd' } }, splitLine: { show: false } },
        { type: 'value', gridIndex: 1, min: 0, max: 1, axisLabel: { show: false }, axisTick: { show: false }, splitLine: { show: false },
          name: 'undated', nameLocation: 'middle', nameGap: 14, position: 'bottom',
          axisLine: { onZero: false, lineStyle: { color: '#adb5bd', type: 'dashed' } } },
      ].slice(0, undated ? 2 : 1),
      yAxis: [
        { type: 'category', data: types, inverse: true, gridIndex: 0, position: 'left', axisLine: { show: false }, axisTick: { show: false },
          axisLabel: { color: '#343a40', fontWeight: 500 } },
        { ...lane, gridIndex: 0, position: 'left' },
        { ...lane, gridIndex: 1 },
      ].slice(0, undated ? 3 : 2),
      dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }, { type: 'slider', xAxisIndex: 0, height: 18, bottom: 8, filterMode: 'none' }],
      legend: { show: false },
      series,
    });
    box.dataset.points = String(series.reduce((n, s) => n + s.data.length, 0));
    series.forEach((s, si) => s.data.forEach((d, di) => pointOf.set(d.value[2], [si, di])));
    chart.on('click', (p) => {
      if (!p.value) return;
      const i = p.value[2];
      select(i);
      eventEvidence(rows[i]);
    });
  }

  /** Marks event i in the list and in the chart. */
  function select(i) {
    if (charts.timeline && pointOf.has(i)) {
      charts.timeline.dispatchAction({ type: 'downplay' });
      const [seriesIndex, dataIndex] = pointOf.get(i);
      charts.timeline.dispatchAction({ type: 'highlight', seriesIndex, dataIndex });
    }
    document.querySelectorAll('.timeline-item.selected').forEach((n) => n.classList.remove('selected'));
    const item = document.querySelector(`.timeline-item[data-index="${i}"]`);
    if (item) {
      item.classList.add('selected');
      item.scrollIntoView({ block: 'nearest' });
    }
  }

  // ---- event list ----
  function renderEventList(rows) {
    const list = document.getElementById('timeline');
    document.getElementById('events-note').textContent = rows.length ? 'by date, undated last' : '';
    if (!rows.length) {
      list.replaceChildren(el('li', { class: 'empty' }, 'No events name this entity.'));
      return;
    }
    const shown = new Set(Object.keys(STATUS));
    const filters = document.getElementById('status-filters');
    const counts = {};
    rows.forEach((r) => { counts[r.status] = (counts[r.status] || 0) + 1; });
    filters.replaceChildren(...Object.entries(STATUS).filter(([k]) => counts[k]).map(([k, s]) => {
      const b = el('button', { class: 'filter on', type: 'button', title: `show or hide ${k} events`, dataset: { status: k } },
        el('span', { class: 'dot', style: `background:${s.color}` }), `${k} ${counts[k]}`);
      b.addEventListener('click', () => {
        if (shown.has(k)) shown.delete(k); else shown.add(k);
        b.classList.toggle('on', shown.has(k));
        list.querySelectorAll('.timeline-item').forEach((li) => { li.hidden = !shown.has(li.dataset.status) && !!STATUS[li.dataset.status]; });
      });
      return b;
    }));
    list.replaceChildren(...rows.map((r, i) => {
      const cps = counterpartsOf(r);
      const color = (STATUS[r.status] || { color: '#868e96' }).color;
      return el('li', {
        class: 'timeline-item', tabindex: '0', dataset: { index: String(i), status: r.status },
        onclick: () => { select(i); eventEvidence(r); },
        onkeydown: (e) => { if (e.key === 'Enter') { select(i); eventEvidence(r); } },
      },
      el('div', { class: 'when' + (r.date ? '' : ' undated') }, NKG.formatDate(r.date)),
      el('div', { class: 'marker', style: `background:${color}` }),
      el('div', { class: 'what' },
        el('div', { class: 'line1' }, el('b', {}, r.type), el('span', { class: 'role' }, r.role),
          cps.length ? el('span', { class: 'with' }, 'with ', ...counterpartLinks(cps)) : null,
          NKG.statusBadge(r.status)),
        el('div', { class: 'sentence' }, r.evidence),
        el('div', { class: 'src muted' }, [r.source, r.published ? 'published ' + NKG.formatDate(r.published) : null,
          r.article.replace(/^.*\/article\//, ''), Number(r.reports) > 1 ? `reported by ${r.reports} articles` : null].filter(Boolean).join(' · '))));
    }));
  }

  // ---- network ----
  function renderNetwork(rows, m) {
    const box = document.getElementById('network-chart');
    const tbody = document.querySelector('#network-table tbody');
    const by = new Map();
    for (const r of rows) {
      if (!by.has(r.counterpart)) by.set(r.counterpart, { iri: r.counterpart, label: r.label, type: r.type, total: 0, parts: [], status: {} });
      const c = by.get(r.counterpart);
      const n = Number(r.count) || 0;
      c.total += n;
      c.parts.push({ eventType: r.eventType, status: r.status, count: n });
      c.status[r.status] = (c.status[r.status] || 0) + n;
    }
    const cps = [...by.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
    document.getElementById('network-note').textContent = cps.length ? `${cps.length} counterpart${cps.length === 1 ? '' : 's'}` : '';
    if (!cps.length) {
      box.replaceChildren(el('div', { class: 'empty' }, 'No counterparts in any event.'));
      box.classList.add('is-empty');
      tbody.replaceChildren();
      return;
    }
    const dominant = (c) => Object.entries(c.status).sort((a, b) => b[1] - a[1])[0][0];
    const kinds = [...new Set([m ? m.type : 'Other', ...cps.map((c) => c.type || 'Other')])].map((k) => (KIND[k] ? k : 'Other'));
    const cats = [...new Set(kinds)];
    const chart = echarts.init(box);
    charts.network = chart;
    chart.setOption({
      animationDuration: 600,
      tooltip: {
        formatter: (p) => {
          const esc = (t) => String(t).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch]));
          if (p.dataType === 'node' && p.data.id === 'self') return `<b>${esc(name)}</b>`;
          const c = by.get(p.dataType === 'edge' ? p.data.target : p.data.id);
          if (!c) return '';
          return `<b>${esc(name)} — ${esc(c.label)}</b><br>` + c.parts.map((x) =>
            `${esc(x.eventType)} <span style="color:${(STATUS[x.status] || {}).color || '#555'}">${esc(x.status)}</span> ×${x.count}`).join('<br>');
        },
      },
      legend: { data: cats, bottom: 0, icon: 'circle', itemWidth: 10, textStyle: { fontSize: 11 } },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true, zoom: 0.8,
        categories: cats.map((k) => ({ name: k, itemStyle: { color: KIND[k] } })),
        force: { repulsion: 320, edgeLength: [90, 160], gravity: 0.06 },
        label: { show: true, position: 'right', fontSize: 11, color: '#212529' },
        emphasis: { focus: 'adjacency', lineStyle: { width: 4 } },
        data: [{ id: 'self', name, symbolSize: 34, category: cats.indexOf(m && KIND[m.type] ? m.type : 'Other'),
          label: { fontWeight: 'bold', fontSize: 13, position: 'bottom' }, itemStyle: { borderColor: '#212529', borderWidth: 2 } },
        ...cps.map((c) => ({ id: c.iri, name: c.label, value: c.total, symbolSize: 10 + 6 * Math.sqrt(c.total),
          category: cats.indexOf(KIND[c.type] ? c.type : 'Other') }))],
        links: cps.map((c) => ({ source: 'self', target: c.iri, value: c.total,
          lineStyle: { width: 1 + Math.log2(1 + c.total) * 1.5, color: STATUS[dominant(c)] ? STATUS[dominant(c)].color : '#adb5bd', opacity: 0.75, curveness: 0 } })),
      }],
    });
    chart.on('click', (p) => {
      const id = p.dataType === 'edge' ? p.data.target : p.data.id;
      if (by.has(id)) showCounterpart(by.get(id));
    });
    tbody.replaceChildren(...cps.map((c) => el('tr', { class: 'clickable', onclick: () => showCounterpart(c) },
      el('td', {}, el('a', { href: NKG.entityUrl(c.label), onclick: (e) => e.stopPropagation() }, c.label), ' ', NKG.kindChip(c.type)),
      el('td', {}, ...c.parts.map((x) => el('span', { class: 'part' }, `${x.eventType} `, NKG.statusBadge(x.status), ` ×${x.count}`))),
      el('td', { class: 'num' }, String(c.total)))));
  }

  /** The side panel for one counterpart: every event with it, each opening its evidence. */
  function showCounterpart(c) {
    const shared = events.map((r, i) => [r, i]).filter(([r]) => counterpartsOf(r).includes(c.label));
    const back = () => showCounterpart(c);
    NKG.showPanel(`${name} and ${c.label}`,
      el('div', { class: 'drawer-status' }, NKG.kindChip(c.type), ' ',
        el('a', { href: NKG.entityUrl(c.label), class: 'button small' }, `Open ${c.label}`)),
      el('div', { class: 'label' }, `${shared.length} event${shared.length === 1 ? '' : 's'} together`),
      el('ul', { class: 'fact-list' }, ...shared.map(([r, i]) => el('li', {
        class: 'fact clickable', onclick: () => { select(i); eventEvidence(r, [`${name} and ${c.label}`, back]); },
      },
      el('div', { class: 'line1' }, el('b', {}, r.type), ' ', el('span', { class: 'muted' }, NKG.formatDate(r.date)), ' ', NKG.statusBadge(r.status)),
      el('div', { class: 'sentence' }, r.evidence)))));
  }

  // ---- posts ----
  function renderPosts(rows) {
    const list = document.getElementById('posts');
    const posts = rows.filter((r) => r.kind === 'post');
    document.getElementById('posts-note').textContent = posts.length ? `${posts.length} stated in articles` : '';
    if (!posts.length) {
      list.replaceChildren(el('li', { class: 'empty' }, 'No posts recorded.'));
      return;
    }
    list.replaceChildren(...posts.map((r) => {
      const holder = r.role === 'organization';
      const title = holder ? `${r.person}, ${r.post}` : `${r.post}${r.org ? ', ' + r.org : ''}`;
      return el('li', {
        class: 'fact clickable post-item',
        onclick: () => NKG.showEvidence({
          heading: title, status: r.status,
          facts: [['Person', r.person], ['Post', r.post], ['Of', r.org]],
          evidence: r.evidence, article: r.article, published: r.published, source: r.source, url: r.url,
        }),
      },
      el('div', { class: 'line1' },
        holder ? el('a', { href: NKG.entityUrl(r.person), onclick: (e) => e.stopPropagation() }, r.person) : null,
        el('b', {}, r.post), !holder && r.org ? el('span', {}, '· ', el('a', { href: NKG.entityUrl(r.org), onclick: (e) => e.stopPropagation() }, r.org)) : null,
        r.status ? NKG.statusBadge(r.status) : null),
      el('div', { class: 'src muted' }, [r.published ? NKG.formatDate(r.published) : null, r.source, r.article.replace(/^.*\/article\//, '')].filter(Boolean).join(' · ')));
    }));
  }

  // ---- articles ----
  function renderArticles(eventRows, aboutRows) {
    const list = document.getElementById('articles');
    const facts = new Map();
    for (const r of [...eventRows, ...aboutRows.filter((x) => x.kind === 'post')]) {
      if (r.article) facts.set(r.article, (facts.get(r.article) || 0) + 1);
    }
    const arts = aboutRows.filter((r) => r.kind === 'article' && r.article);
    document.getElementById('articles-note').textContent = arts.length ? `${arts.length} naming ${name}` : '';
    if (!arts.length) {
      list.replaceChildren(el('li', { class: 'empty' }, 'No articles.'));
      return;
    }
    list.replaceChildren(...arts.map((a) => el('li', {},
      el('a', { href: NKG.articleUrl(a.article) }, a.article.replace(/^.*\/article\//, '')),
      el('div', { class: 'muted' }, [a.published ? NKG.formatDate(a.published) : null, a.source,
        facts.get(a.article) ? `${facts.get(a.article)} of the facts above` : null].filter(Boolean).join(' · ')))));
  }
})();
