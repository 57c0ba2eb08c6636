#!/usr/bin/env python3
"""Trims the Kubernetes core/v1 OpenAPI v3 document to the paths the emulator serves.

usage: trim-openapi.py <api__v1_openapi.json> > core-v1.json
Keeps the Secret, ConfigMap, ServiceAccount and Namespace paths (no watch, no subresources) and every
schema they reference, unchanged. Output keys are sorted so the result is deterministic.
"""
import json
import re
import sys

KEEP = re.compile(r"^/api/v1/(namespaces/\{namespace\}/)?(secrets|configmaps|serviceaccounts)(/\{name\})?$|^/api/v1/namespaces(/\{name\})?$|^/api/v1/$")

def refs(node, out):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                out.add(v.rsplit("/", 1)[-1])
            else:
                refs(v, out)
    elif isinstance(node, list):
        for v in node:
            refs(v, out)

doc = json.load(open(sys.argv[1]))
paths = {p: v for p, v in doc["paths"].items() if KEEP.match(p)}
schemas = doc["components"]["schemas"]
todo = set()
refs(paths, todo)
kept = {}
while todo:
    name = todo.pop()
    if name in kept:
        continue
    kept[name] = schemas[name]
    more = set()
    refs(schemas[name], more)
    todo |= more - set(kept)
out = dict(doc)
out["paths"] = paths
out["components"] = dict(doc["components"], schemas=kept)
json.dump(out, sys.stdout, sort_keys=True, separators=(",", ":"))
sys.stdout.write("\n")
