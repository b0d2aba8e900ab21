#!/usr/bin/env python3
"""Loads an N-Quads file into a fresh on-disk store with pyoxigraph's bulk
loader and prints {"seconds", "quads", "quads_per_s"} as JSON (the baseline
claimgraph's ingest is compared with in docs/scale.md).

  python3 examples/bench/bulk_load.py corpus.nq /tmp/pyox-store
"""

import json
import sys
import time

import pyoxigraph


def main():
    nquads, location = sys.argv[1], sys.argv[2]
    store = pyoxigraph.Store(location)
    started = time.perf_counter()
    store.bulk_load(path=nquads, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - started
    quads = len(store)
    print(json.dumps({"seconds": round(seconds, 3), "quads": quads, "quads_per_s": round(quads / seconds)}))


if __name__ == "__main__":
    main()
