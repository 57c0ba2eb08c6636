#!/usr/bin/env python3
"""Writes YAML documents made by PyYAML (words starting with '*' inside unquoted text are left out: YamlDotNet
misreads "x *y: z", and the compiler refuses it with a clear error instead, see KfpYamlTests), one JSON line each: {"name", "yaml", "json"}.

"json" is what PyYAML's safe_load_all reads back from "yaml" (a list, one entry per document), so the
C# test compares the compiler's YAML loader with PyYAML itself. Usage: corpus.py [count] [seed].
Documents are deterministic for a given count and seed.
"""
import json
import random
import sys

import yaml

WORDS = [
    "sh", "-c", "python3", "-m", "pip", "install", "--quiet", "kfp==2.14.6", "&&", "$0", "$@", '"$0"', '"$@"',
    "yes", "no", "on", "off", "null", "~", "true", "False", "1e5", "1.5", "012", "0x1F", "0b101", "1:30",
    "2001-12-14", "-", "--", "---", "...", "#", "a: b", "a #b", "key:", "? q", "- item", "&anchor",
    "!tag", "%YAML", "@at", "`tick`", "[x]", "{y: z}", "|", ">", "'single'", '"double"', "back\\slash",
    "{{$.inputs.parameters['x']}}", "{{$}}", "tab\there", "é", "中文", "😀", "\u00a0", "\u2028", "\u0085",
    "\x01", "\x7f", "\u200b", "\ufeff", "   ", " lead", "trail ", "\r", "\n", "\n\n", "x\r\ny",
]


def text(rng, longest):
    parts = []
    for _ in range(rng.randint(0, longest)):
        roll = rng.random()
        if roll < 0.55:
            parts.append(rng.choice(WORDS))
        elif roll < 0.75:
            parts.append("".join(rng.choice("abcxyz019 _-./:'\"\\\t\n") for _ in range(rng.randint(1, 12))))
        else:
            parts.append(" " * rng.randint(1, 3))
    return (" " if rng.random() < 0.7 else "").join(parts)


def scalar(rng):
    roll = rng.random()
    if roll < 0.6:
        return text(rng, 30)
    if roll < 0.7:
        return rng.randint(-10**12, 10**12)
    if roll < 0.75:
        return rng.choice([0, 1, -1, 2**53, 2**63 - 1, 10**20])
    if roll < 0.85:
        return rng.choice([0.0, -0.5, 1.5, 1e20, 1e-7, 3.141592653589793, rng.uniform(-1e6, 1e6)])
    if roll < 0.95:
        return rng.choice([True, False])
    return None


def value(rng, depth):
    roll = rng.random()
    if depth <= 0 or roll < 0.35:
        return scalar(rng)
    if roll < 0.65:
        return [value(rng, depth - 1) for _ in range(rng.randint(0, 5))]
    result = {}
    seen = set()
    for _ in range(rng.randint(0, 5)):
        key = text(rng, 3) if rng.random() < 0.85 else rng.choice([1, 2.5, True, None, "<<x"])
        as_json = json.dumps({key: 0})
        if as_json not in seen:
            seen.add(as_json)
            result[key] = value(rng, depth - 1)
    return result


def kfp_like(rng):
    """A KFP-shaped executor: long shell commands in a list under a mapping."""
    command = ["sh", "-c", text(rng, 60), "sh", "-ec", text(rng, 40) + "\n", "\n" + text(rng, 80) + "\n"]
    return {"deploymentSpec": {"executors": {"exec-" + str(rng.randint(0, 9)): {"container": {
        "args": ["--executor_input", "{{$}}", "--function_to_execute", text(rng, 3)],
        "command": command, "image": "python:3.11"}}}},
        "root": {"dag": {"tasks": {"t": {"cachingOptions": {"enableCache": rng.random() < 0.5}}}}}}


class IndentedDumper(yaml.SafeDumper):
    """Indents sequences under their key (dash two columns right of the key), as many hand-tuned dumpers do."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def dump(rng, docs):
    options = {
        "width": rng.choice([20, 40, 60, 80, 120, 10**9]),
        "indent": rng.choice([2, 2, 3, 4, 7]),
        "default_flow_style": rng.choice([False, False, None, True]),
        "allow_unicode": rng.random() < 0.5,
        "sort_keys": rng.random() < 0.5,
        "explicit_start": rng.random() < 0.3,
        "default_style": rng.choice([None, None, None, None, '"', "'", "|", ">"]),
        "Dumper": rng.choice([yaml.SafeDumper, IndentedDumper]),
    }
    if options["default_style"] in ("|", ">"):
        options["Dumper"] = yaml.SafeDumper
    return yaml.dump_all(docs, **options)


HAND_WRITTEN = {
    "issue-minimal": 'a:\n  b:\n    - sh\n    - "x && \\"\n    $0\\" \\"$@\\"\\n"\n',
    "continuation-at-column-0": 'a:\n  - "one\ntwo\n   three"\n',
    "escaped-break-at-dash": 'a:\n  b:\n    - "x\\\n    y \\\n    z"\n',
    "closing-quote-alone": 'k:\n  - "abc\n  "\n',
    "merge-keys": 'base: &b {x: 1, y: 2}\nother: &o {y: 9, z: 3}\nm:\n  <<: [*b, *o]\n  x: 5\n',
    "anchors-and-aliases": 'a: &a [1, 2, {k: v}]\nb: *a\nc: &s text\nd: *s\n*s : key-from-alias\n',
    "yaml11-scalars": 'a: [yes, No, ON, off, ~, null, "", 012, 0o12, 0x1f, 0b11, 1_000, 1:30, 1.5e+3, 1e5, .5, 2001-12-14, 1., +1, -0]\n',
    "tags": 'a: !!str 12\nb: !!int "7"\nc: !!float "2"\nd: !!bool "yes"\ne: !!null ""\nf: ! 12\n',
    "block-scalars": 'a: |\n  line\n    more\n\n  end\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\n',
    "comments-and-flow": '# c\na: [1, "two", \'three\', {x: y}] # trailing\nb: {p: q, r: [s]}\n',
    "multi-line-plain": 'a: this is\n  a plain\n\n  scalar\nb: x - not a list\n',
    "document-stream": '--- a\n--- [b]\n---\n...\n--- {c: d}\n',
}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 11)
    out = sys.stdout
    for name, source in HAND_WRITTEN.items():
        out.write(json.dumps({"name": name, "yaml": source, "json": list(yaml.safe_load_all(source))}, default=str) + "\n")
    for i in range(count):
        if i % 3 == 0:
            docs = [kfp_like(rng)]
        else:
            docs = [value(rng, rng.randint(1, 5)) for _ in range(rng.randint(1, 2))]
        source = dump(rng, docs)
        out.write(json.dumps({"name": f"generated-{i}", "yaml": source, "json": list(yaml.safe_load_all(source))}) + "\n")


if __name__ == "__main__":
    main()
