#!/usr/bin/env python3
"""Writes the sample corpus (data/samples: texts plus meta.jsonl) as JSON Lines,
one article a line with the fields claimgraph reads: id, text, date, outlet,
title, url, lang. The id is the file name, as when claimgraph reads the directory.

  python3 examples/spark/samples_jsonl.py > /tmp/samples.jsonl
"""

import json
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

for line in (SAMPLES / "meta.jsonl").read_text(encoding="utf-8").splitlines():
    if not line.strip():
        continue
    meta = json.loads(line)
    record = {"id": meta["file"], "text": (SAMPLES / meta["file"]).read_text(encoding="utf-8")}
    for key in ("date", "outlet", "title", "url", "lang"):
        if meta.get(key) is not None:
            record[key] = meta[key]
    sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
