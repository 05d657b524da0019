#!/usr/bin/env python3
"""Runs SPARQL query files against an endpoint with SPARQLWrapper and prints their rows as JSON.

Usage: run_queries.py ENDPOINT QUERY_FILE...
Output: {"QUERY_FILE": [{"var": "value", ...}, ...], ...}; unbound values are "".
Used by the interop test that checks a Python client sees the same rows as `newskg query`.
"""
import json
import sys

from SPARQLWrapper import JSON, SPARQLWrapper


def rows(endpoint, query):
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(JSON)
    result = client.query().convert()
    names = result["head"]["vars"]
    return [{n: b.get(n, {}).get("value", "") for n in names} for b in result["results"]["bindings"]]


def main(argv):
    endpoint, files = argv[1], argv[2:]
    out = {}
    for f in files:
        with open(f, encoding="utf-8") as handle:
            out[f] = rows(endpoint, handle.read())
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv)
