#!/usr/bin/env bash
# Ingest, export, bulk-load and query benchmarks on a generated corpus (docs/scale.md).
#
#   examples/bench/run.sh [ARTICLES] [WORK_DIR]        # defaults: 20000 /tmp/claimgraph-bench
#
# Uses the release binary: $CLAIMGRAPH_BIN, else target/release/claimgraph under
# $CARGO_TARGET_DIR (build it first: cargo build --release). Needs python3 with
# pyoxigraph (pip install pyoxigraph), hyperfine and GNU time (/usr/bin/time).
# Writes every measurement to WORK_DIR/results.txt and prints a summary.
set -euo pipefail
cd "$(dirname "$0")/../.."

articles=${1:-20000}
work=${2:-/tmp/claimgraph-bench}
bin=${CLAIMGRAPH_BIN:-${CARGO_TARGET_DIR:-target}/release/claimgraph}
cores=$(nproc)
[ -x "$bin" ] || { echo "no release binary at $bin: cargo build --release, or set CLAIMGRAPH_BIN" >&2; exit 1; }
python3 -c 'import pyoxigraph' || { echo "pip install pyoxigraph" >&2; exit 1; }
command -v hyperfine >/dev/null || { echo "apt-get install hyperfine" >&2; exit 1; }

mkdir -p "$work"
results="$work/results.txt"
: > "$results"
note() { echo "$*" | tee -a "$results"; }

# GNU time -v: wall seconds and peak RSS (MB) of one command.
timed() {
  local label=$1; shift
  /usr/bin/time -v "$@" 2> "$work/$label.time" > "$work/$label.out" || { cat "$work/$label.time" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/$label.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/$label.time")
  echo "$wall $rss"
}

note "claimgraph benchmark: $articles articles, $cores cores, $(date -u +%Y-%m-%dT%H:%MZ), $("$bin" --version)"
note "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"

corpus="$work/corpus.jsonl"
if [ ! -s "$corpus" ] || [ "$(wc -l < "$corpus")" -ne "$articles" ]; then
  python3 examples/bench/make_corpus.py --articles "$articles" > "$corpus"
fi
note "corpus: $(wc -l < "$corpus") articles, $(du -m "$corpus" | cut -f1) MB"

# Ingest into a fresh on-disk store: all cores first (the store the later
# steps use), one thread at the end of the run.
ingest() {
  local threads=$1 store="$work/store-$1" wall rss triples claims
  rm -rf "$store"
  read -r wall rss < <(timed "ingest-$threads" "$bin" ingest --threads "$threads" --store "$store" "$corpus")
  "$bin" stats --format json --store "$store" > "$work/stats-$threads.json"
  triples=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['triples'])" "$work/stats-$threads.json")
  claims=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['claims'])" "$work/stats-$threads.json")
  note "ingest --threads $threads: ${wall} s, $(python3 -c "print(round($articles/$wall))") articles/s, $(python3 -c "print(round($triples/$wall))") triples/s ($triples triples, $claims claims), peak RSS ${rss} MB, store $(du -sm "$store" | cut -f1) MB"
}
ingest "$cores"
store="$work/store-$cores"

# Export as N-Quads (streaming), then pyoxigraph's bulk loader on the same quads.
read -r wall rss < <(timed export "$bin" export --store "$store" --format nq -o "$work/corpus.nq")
quads=$(wc -l < "$work/corpus.nq")
note "export --format nq: ${wall} s, $quads quads, $(du -m "$work/corpus.nq" | cut -f1) MB, peak RSS ${rss} MB"
rm -rf "$work/pyox-store"
read -r wall rss < <(timed bulk-load python3 examples/bench/bulk_load.py "$work/corpus.nq" "$work/pyox-store")
note "pyoxigraph bulk_load of that N-Quads: ${wall} s (incl. interpreter start), $(cat "$work/bulk-load.out"), peak RSS ${rss} MB"

# Streaming filter: peak RSS at two input sizes.
head -n $((articles / 10)) "$corpus" > "$work/small.jsonl"
for input in small.jsonl corpus.jsonl; do
  read -r wall rss < <(timed "stream-$input" sh -c "\"$bin\" extract - --quiet --format nq < \"$work/$input\" | wc -l")
  note "extract - --format nq < $input ($(wc -l < "$work/$input") articles): ${wall} s, peak RSS ${rss} MB, $(cat "$work/stream-$input.out") quads"
done

# Query latency: each ready query on the all-cores store, through the CLI
# (process start and store open included; `ASK {}` measures those alone).
# A query that needs more than QUERY_LIMIT seconds once (multi-article.rq is
# quadratic per speaker, see its header) is reported as such and not repeated.
limit=${QUERY_LIMIT:-300}
commands=("$bin query --store $store --format tsv -o /dev/null 'ASK {}'")
for q in queries/*.rq; do
  name=$(basename "$q" .rq)
  case $name in
    actor) params=" --param name=Margaret" ;;
    timeline) params=" --param topic=Wien" ;;
    *) params="" ;;
  esac
  command="$bin query --store $store --format tsv -o /dev/null $name$params"
  # `exec`, so that the timeout stops claimgraph itself (and its store lock).
  status=0
  timeout "$limit" sh -c "exec $command" || status=$?
  if [ "$status" -eq 0 ]; then
    commands+=("$command")
  elif [ "$status" -eq 124 ]; then
    note "query $name: more than $limit s (stopped; not measured further)"
  else
    note "query $name: failed (exit $status)"
  fi
done
hyperfine --style none --warmup 0 --min-runs 3 --max-runs 5 \
  --export-json "$work/queries.json" "${commands[@]}" > "$work/hyperfine.out"
python3 - "$work/queries.json" "$bin" <<'PY' | tee -a "$results"
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    name = r["command"].split(" -o /dev/null ")[-1]
    print(f"query {name}: median {r['median'] * 1000:.0f} ms over {len(r['times'])} runs")
PY

[ "$cores" -eq 1 ] || ingest 1
