#!/usr/bin/env python3
"""claimgraph as a map step under Apache Spark: `rdd.pipe` streams each
partition's JSON Lines articles through `claimgraph extract - --format nq`
and the N-Quads come back as the lines of a new RDD.

  python3 examples/spark/pipe_extract.py CORPUS.jsonl OUT_DIR \
      [--claimgraph PATH] [--format nq|jsonl] [--partitions N] [--master local[*]]

OUT_DIR is written by Spark (part-00000, part-00001, ...; it must not exist).
Each worker runs its own claimgraph process; claimgraph must be on PATH of
every worker (or given with --claimgraph). On a cluster, submit with
spark-submit and --master yarn/k8s/spark://...; nothing else changes.
"""

import argparse
import os
import shlex
import shutil
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", help="JSON Lines articles: {id, text, date?, outlet?, title?, url?, lang?}")
    ap.add_argument("out_dir", help="output directory (Spark text files)")
    ap.add_argument("--claimgraph", default=shutil.which("claimgraph") or "claimgraph")
    ap.add_argument("--format", default="nq", choices=["nq", "jsonl"])
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--master", default="local[*]")
    args = ap.parse_args()

    # Imported here so that --help works without pyspark.
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (
        SparkSession.builder.master(args.master)
        .appName("claimgraph-extract")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("WARN")
    command = " ".join(
        shlex.quote(part)
        for part in [args.claimgraph, "extract", "-", "--quiet", "--format", args.format]
    )
    articles = spark.sparkContext.textFile(args.corpus, minPartitions=args.partitions)
    # checkCode: a claimgraph failure (exit status 1) fails the Spark task.
    output = articles.filter(lambda line: line.strip()).pipe(command, checkCode=True)
    output.saveAsTextFile(args.out_dir)
    spark.stop()


if __name__ == "__main__":
    main()
