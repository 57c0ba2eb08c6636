#!/usr/bin/env python3
"""For each file named on the command line, one JSON line: {"name": path, "json": safe_load_all(file)}.
Dates (which have no JSON form) are written as their text, as the compiler reads them."""
import json
import sys

import yaml

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as source:
        docs = list(yaml.safe_load_all(source))
    sys.stdout.write(json.dumps({"name": path, "json": docs}, default=str) + "\n")
