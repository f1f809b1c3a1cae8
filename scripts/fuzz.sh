#!/bin/bash
# Runs the libFuzzer target (Fuzz/) over Kiln's loader, importer, passes, scheduler and C emitter.
#   FUZZ_SECONDS=600 scripts/fuzz.sh       # run each mode for 10 minutes (0: no time limit)
#   FUZZ_RUNS=1000000 scripts/fuzz.sh      # stop each mode after this many executions (-1: no limit)
#   FUZZ_MODES=ops scripts/fuzz.sh         # only the structured mode (default "model ops")
# Seeds: Tests/hostile models, Examples/digits, the ONNX node-test models in $NODE_TESTS (default .cache/node) and the
# MLPerf Tiny models in $KILN_MODELS (default ../shared/models/mlperf-tiny). The growing corpus is kept in
# .cache/fuzz/corpus (corpus-ops for the structured mode); a crash, hang (> FUZZ_TIMEOUT s) or memory blow-up (one allocation > 512 MiB or
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

# Two modes, each for FUZZ_SECONDS / FUZZ_RUNS: `model` (inputs are .onnx files) and `ops` (inputs drive a graph
# generator that gives every operator extreme attributes and constants: Fuzz/Sources/kiln-fuzz/OpFuzz.swift).
FUZZ_MODES=${FUZZ_MODES:-model ops}
failed=0
for mode in $FUZZ_MODES; do
    if [ "$mode" = ops ]; then dirs="corpus-ops"; prefix=ops-; maxlen=4096; else dirs="corpus seeds"; prefix=; maxlen=1200000; fi
    mkdir -p "$WORK/corpus-ops"
    start=$(date +%s)
    status=0
    (cd "$WORK" && KILN_FUZZ_MODE=$mode SWIFT_BACKTRACE=enable=yes,interactive=no,symbolicate=fast,threads=crashed,registers=none,images=none \
        "$ROOT/$BIN" $dirs -max_total_time="$FUZZ_SECONDS" -runs="$FUZZ_RUNS" \
        -timeout="$FUZZ_TIMEOUT" -rss_limit_mb=4096 -malloc_limit_mb=512 -max_len=$maxlen -dict="$ROOT/Fuzz/onnx.dict" \
        -print_final_stats=1 -artifact_prefix=./$prefix > fuzz-$mode.log 2>&1) || status=$?
    end=$(date +%s)
    execs=$(grep -o "stat::number_of_executed_units: [0-9]*" "$WORK/fuzz-$mode.log" | grep -o "[0-9]*$" || echo "?")
    echo "fuzz ($mode): $execs executions in $((end - start)) s, peak RSS $(grep -o "stat::peak_rss_mb: *[0-9]*" "$WORK/fuzz-$mode.log" | grep -o "[0-9]*$") MiB"
    if [ $status -ne 0 ]; then
        grep -E "Fatal error|kiln-fuzz:|deadly signal|ERROR: libFuzzer|Sources/Kiln/" "$WORK/fuzz-$mode.log" | head -20
        ls "$WORK"/${prefix}crash-* "$WORK"/${prefix}timeout-* "$WORK"/${prefix}oom-* 2>/dev/null || true
        echo "fuzz ($mode): FAILED (log: $WORK/fuzz-$mode.log)"
        failed=1
    fi
done
[ $failed -eq 0 ] || exit 1
echo "fuzz: no crash, hang or memory blow-up"
