// Loads a TriG file into an in-memory Oxigraph store and runs SPARQL queries on it (the default graph
// being the union of the named graphs), printing their rows as JSON.
// Usage: node oxigraph-queries.mjs DATA.trig CASES.json
// CASES.json maps a case name to query text; the output maps each name to its rows,
// [{"var": "value", ...}, ...] in result order, with "" for an unbound value.
// Used by the interop test that checks Oxigraph answers the query library with newskg's rows.
import { readFileSync } from 'node:fs';
import oxigraph from 'oxigraph';

const [data, casesFile] = process.argv.slice(2);
const store = new oxigraph.Store();
store.load(readFileSync(data, 'utf8'), { format: 'application/trig' });
const cases = JSON.parse(readFileSync(casesFile, 'utf8'));
const out = {};
for (const [name, text] of Object.entries(cases)) {
  const result = JSON.parse(store.query(text, {
    use_default_graph_as_union: true,
    results_format: 'application/sparql-results+json',
  }));
  const vars = result.head.vars;
  out[name] = result.results.bindings.map((b) => Object.fromEntries(vars.map((v) => [v, b[v] ? b[v].value : ''])));
}
process.stdout.write(JSON.stringify(out));
