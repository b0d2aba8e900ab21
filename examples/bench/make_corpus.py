#!/usr/bin/env python3
"""Writes a JSON Lines corpus of N articles for benchmarks, made from data/samples.

Article i is sample i % 11 (our own fictional texts), varied so that its IRIs and
most of its actors differ from the other copies:
  - the surname of every person the samples quote is replaced, consistently
    within the article (full name, bare surname, genitive -s), by a surname
    drawn from a pool of 300 generated ones, so actors recur across articles
    the way they do in a real corpus without all being the same few;
  - every date in the text with a month name or in DD.MM.YYYY form, and the
    publication date, is shifted by the same random number of days (0-1825);
  - the outlet is drawn from 48 generated outlet names;
  - the id is unique: NNNNNN-<outlet>-<sample file>.
Deterministic for a given --seed.

  python3 examples/bench/make_corpus.py --articles 20000 > /tmp/corpus.jsonl
"""

import argparse
import datetime as dt
import json
import random
import re
import sys
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"

# The persons the samples quote (first name, surname).
PERSONS = [
    ("Margaret", "Holloway"), ("Viktor", "Saizew"), ("Taras", "Hordijenko"),
    ("Franziska", "Albers"), ("Henrik", "Aalto"), ("Tomasz", "Wierzbicki"),
    ("Jochen", "Rahn"), ("Karin", "Lindqvist"), ("Pawel", "Gromow"),
    ("Oleg", "Prudnikow"), ("Elisabeth", "Brandtner"), ("Gábor", "Szentesi"),
    ("Claire", "Morvan"), ("Anja", "Feldkamp"),
]

STEMS = ["Berg", "Wald", "Stein", "Feld", "Brunn", "Hof", "Bach", "Dorn", "Lind", "Roth",
         "Kamm", "Hage", "Sonn", "Wein", "Eich", "Falk", "Gold", "Hirsch", "Kess", "Lang"]
ENDINGS = ["mann", "er", "ner", "hart", "ow", "ski", "inger", "hoff", "stedt", "mayr",
           "ach", "eck", "holz", "rich", "land"]
PLACES = ["Nordheide", "Elbtal", "Saarland", "Bodensee", "Harz", "Spreewald", "Eifel",
          "Altmark", "Vogtland", "Uckermark", "Hunsrück", "Allgäu", "Lausitz", "Ostfries",
          "Werra", "Mosel"]
KINDS = ["Bote", "Zeitung", "Rundschau"]
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]


def surname_pool(rng):
    names = sorted({s + e for s in STEMS for e in ENDINGS})
    rng.shuffle(names)
    return names[:300]


def outlets():
    return [f"{p}-{k}" if p.endswith("ries") else f"{p}er {k}" for p in PLACES for k in KINDS]


def shift_dates(text, days, year):
    month_re = "|".join(MONTHS)

    def long_date(m):
        y = int(m.group(3)) if m.group(3) else year
        try:
            d = dt.date(y, MONTHS.index(m.group(2)) + 1, int(m.group(1))) + dt.timedelta(days)
        except ValueError:
            return m.group(0)
        tail = f" {d.year}" if m.group(3) else ""
        return f"{d.day}. {MONTHS[d.month - 1]}{tail}"

    def numeric_date(m):
        try:
            d = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) + dt.timedelta(days)
        except ValueError:
            return m.group(0)
        return f"{d.day:02d}.{d.month:02d}.{d.year}"

    text = re.sub(rf"\b(\d{{1,2}})\. ({month_re})(?: (\d{{4}}))?", long_date, text)
    return re.sub(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b", numeric_date, text)


def vary(text, names):
    for old, new in names.items():
        text = re.sub(rf"\b{re.escape(old)}", new, text)
    return text


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    meta = [json.loads(line) for line in (SAMPLES / "meta.jsonl").read_text().splitlines() if line.strip()]
    samples = [(m, (SAMPLES / m["file"]).read_text()) for m in meta]
    rng = random.Random(args.seed)
    pool, outlet_pool = surname_pool(rng), outlets()
    out = sys.stdout
    for i in range(args.articles):
        m, text = samples[i % len(samples)]
        names = {surname: rng.choice(pool) for _, surname in PERSONS}
        days = rng.randint(0, 1825)
        published = dt.date.fromisoformat(m["date"] or "2025-03-15")
        outlet = rng.choice(outlet_pool)
        record = {
            "id": f"{i:06d}-{outlet.lower().replace(' ', '-')}-{m['file']}",
            "text": vary(shift_dates(text, days, published.year), names),
            "title": vary(m.get("title") or "", names),
            "outlet": outlet,
            "lang": "de",
        }
        if m["date"]:
            record["date"] = (published + dt.timedelta(days)).isoformat()
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
