#!/usr/bin/env python3
"""Loads a TriG file into rdflib (union default graph) and runs SPARQL queries on it, printing their rows as JSON.

Usage: rdflib_queries.py DATA.trig CASES.json
CASES.json maps a case name to query text; the output maps each name to its rows,
[{"var": "value", ...}, ...] in result order, with "" for an unbound value.
Used by the interop test that checks rdflib answers the query library with newskg's rows.
"""
import json
import sys

from rdflib import Dataset


def main(argv):
    data, cases = argv[1], argv[2]
    dataset = Dataset(default_union=True)
    dataset.parse(data, format="trig")
    with open(cases, encoding="utf-8") as handle:
        queries = json.load(handle)
    out = {}
    for name, text in queries.items():
        result = dataset.query(text)
        names = [str(v) for v in result.vars]
        out[name] = [{n: ("" if row[n] is None else str(row[n])) for n in names} for row in result]
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv)
