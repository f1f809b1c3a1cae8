#!/bin/bash
# Runs the libFuzzer target (Fuzz/) over Kiln's loader, importer, passes, scheduler and C emitter.
#   FUZZ_SECONDS=600 scripts/fuzz.sh       # run for 10 minutes (0: no time limit)
#   FUZZ_RUNS=1000000 scripts/fuzz.sh      # stop after this many executions (-1: no limit)
# Seeds: Tests/hostile models, Examples/digits, the ONNX node-test models in $NODE_TESTS (default .cache/node) and the
# MLPerf Tiny models in $KILN_MODELS (default ../shared/models/mlperf-tiny). The growing corpus is kept in
# .cache/fuzz/corpus; a crash, hang (> FUZZ_TIMEOUT s) or memory blow-up (one allocation > 512 MiB or
# 4 GiB in all: inputs are at most 1.2 MB) is written to
# .cache/fuzz/crash-* / timeout-* / oom-* and the script exits 1. Add the input to Tests/hostile (make_corpus.py)
# once fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_RUNS=${FUZZ_RUNS:--1}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
KILN_MODELS=${KILN_MODELS:-$(cd "$ROOT/.." && pwd)/shared/models/mlperf-tiny}
BIN=Fuzz/.build/release/kiln-fuzz
WORK=.cache/fuzz
NODE_TESTS=${NODE_TESTS:-.cache/node}

if [ ! -x "$BIN" ] || [ -n "$(find Sources Fuzz/Sources Fuzz/Package.swift -newer "$BIN" -print -quit)" ]; then
    echo "== building the fuzz target (release, -sanitize=fuzzer,address)"
    (cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer,address \
        -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld 2>&1 | grep -E "error|warning: |Compiling Kiln|Build complete" | tail -5)
fi

rm -rf "$WORK/seeds"
mkdir -p "$WORK/seeds" "$WORK/corpus"
for d in Tests/hostile/cases/* Tests/hostile/names/*; do
    [ -f "$d/model.onnx" ] && cp "$d/model.onnx" "$WORK/seeds/hostile_$(basename "$d").onnx"
done
cp Examples/digits/digits.onnx "$WORK/seeds/"
for d in "$NODE_TESTS"/*/; do
    [ -f "$d/model.onnx" ] && cp "$d/model.onnx" "$WORK/seeds/node_$(basename "$d").onnx"
done
if [ -d "$KILN_MODELS" ]; then cp "$KILN_MODELS"/*.onnx "$WORK/seeds/" 2>/dev/null || true; fi
echo "== fuzzing: $(ls "$WORK/seeds" | wc -l) seeds, $(ls "$WORK/corpus" | wc -l) corpus inputs, FUZZ_SECONDS=$FUZZ_SECONDS FUZZ_RUNS=$FUZZ_RUNS"

start=$(date +%s)
status=0
(cd "$WORK" && "$ROOT/$BIN" corpus seeds -max_total_time="$FUZZ_SECONDS" -runs="$FUZZ_RUNS" \
    -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=4096 -malloc_limit_mb=512 -max_len=1200000 -dict="$ROOT/Fuzz/onnx.dict" -print_final_stats=1 \
    -artifact_prefix=./ > fuzz.log 2>&1) || status=$?
end=$(date +%s)
grep -E "^#[0-9]+ +(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb" "$WORK/fuzz.log" || true
execs=$(grep -o "stat::number_of_executed_units: [0-9]*" "$WORK/fuzz.log" | grep -o "[0-9]*$" || echo "?")
echo "fuzz: $execs executions in $((end - start)) s"
if [ $status -ne 0 ]; then
    grep -E -A25 "ERROR|kiln-fuzz:|Fatal error|deadly signal" "$WORK/fuzz.log" | head -60
    ls "$WORK"/crash-* "$WORK"/timeout-* "$WORK"/oom-* 2>/dev/null || true
    echo "fuzz: FAILED (log: $WORK/fuzz.log)"
    exit 1
fi
echo "fuzz: no crash, hang or memory blow-up"
