#!/usr/bin/env bash
# Realistic-model test suite: generates the cases (if the generators changed), runs `kiln test` on them with
# ASan+UBSan, runs the digits example check, and prints each model's arena next to its lower bound.
#
#   Tests/models/run.sh [--allow-unsupported] [--no-sanitize] [--jobs N] [--generate-only]
#
#   --allow-unsupported  UNSUPPORTED cases (and an unsupported digits model) do not fail the run
#   --no-sanitize        build without ASan+UBSan (faster)
#   --jobs N             parallel jobs for `kiln test` (default 2)
#   --generate-only      only (re)generate the cases into the cache
#
# Environment: KILN (default .build/debug/kiln), PYTHON (python3), KILN_MODELS (MLPerf Tiny folder, default
# ../shared/models/mlperf-tiny from the repository root; skipped when absent), MODELS_CACHE (default .cache/models).
# The cache is regenerated when the stamp (hash of the generator scripts, the onnx/onnxruntime/numpy versions and the
# MLPerf model files) changes. Exit status 0 when every case passes, the digits check passes and each MLPerf float
# model's arena is at most 1.1x its lower bound; 1 otherwise.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/Tests/models"
PYTHON=${PYTHON:-python3}
KILN=${KILN:-$ROOT/.build/debug/kiln}
CACHE=${MODELS_CACHE:-$ROOT/.cache/models}
export KILN_MODELS=${KILN_MODELS:-$(cd "$ROOT/.." && pwd)/shared/models/mlperf-tiny}

ALLOW_UNSUPPORTED=""
SANITIZE="--sanitize"
JOBS=2
GENERATE_ONLY=0
while [ $# -gt 0 ]; do
    case "$1" in
        --allow-unsupported) ALLOW_UNSUPPORTED="--allow-unsupported" ;;
        --no-sanitize) SANITIZE="" ;;
        --jobs) shift; JOBS=${1:?--jobs needs a number} ;;
        --jobs=*) JOBS=${1#--jobs=} ;;
        --generate-only) GENERATE_ONLY=1 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
    shift
done

# ---------------------------------------------------------------- 1. generate (skip when up to date)
stamp() {
    "$PYTHON" - "$HERE" "$KILN_MODELS" <<'PY'
import glob, hashlib, os, sys
import numpy, onnx, onnxruntime
here, models = sys.argv[1], sys.argv[2]
h = hashlib.sha256()
for f in ("modelkit.py", "make_models.py", "make_mlperf_cases.py"):
    h.update(open(os.path.join(here, f), "rb").read())
h.update(f"{onnx.__version__} {onnxruntime.__version__} {numpy.__version__} KILN_MODELS={models}\n".encode())
for f in sorted(glob.glob(os.path.join(models, "*_f32.onnx")) + glob.glob(os.path.join(models, "*_int8.onnx"))):
    h.update(f.encode() + hashlib.sha256(open(f, "rb").read()).digest())
print(h.hexdigest())
PY
}

STAMP=$(stamp) || { echo "run.sh: cannot compute the stamp (is $PYTHON with onnx, onnxruntime, numpy installed?)" >&2; exit 1; }
if [ -f "$CACHE/STAMP" ] && [ "$(cat "$CACHE/STAMP")" = "$STAMP" ]; then
    echo "model cases up to date in $CACHE"
else
    echo "generating model cases into $CACHE"
    TMP="$CACHE.tmp.$$"
    rm -rf "$TMP"
    mkdir -p "$TMP"
    if ! "$PYTHON" "$HERE/make_models.py" "$TMP" || ! "$PYTHON" "$HERE/make_mlperf_cases.py" "$TMP"; then
        rm -rf "$TMP"
        echo "run.sh: generating the model cases failed" >&2
        exit 1
    fi
    echo "$STAMP" > "$TMP/STAMP"
    rm -rf "$CACHE"
    mv "$TMP" "$CACHE"
fi
[ "$GENERATE_ONLY" = 1 ] && exit 0

# ---------------------------------------------------------------- 2. kiln test
if [ ! -x "$KILN" ]; then
    echo "run.sh: $KILN not found; run 'swift build' first (or set KILN)" >&2
    exit 1
fi
REPORT="$ROOT/.cache/models-report.json"
rm -f "$REPORT"
echo "+ kiln test $CACHE $SANITIZE --rtol 1e-3 --atol 1e-4 --jobs $JOBS"
# shellcheck disable=SC2086
"$KILN" test "$CACHE" $SANITIZE --rtol 1e-3 --atol 1e-4 --jobs "$JOBS" --report "$REPORT"
TEST_STATUS=$?
if [ ! -f "$REPORT" ]; then
    echo "run.sh: kiln test wrote no report (exit $TEST_STATUS)" >&2
    exit 1
fi

# ---------------------------------------------------------------- 3. digits example
echo
echo "+ Examples/digits/check.py $SANITIZE"
# shellcheck disable=SC2086
"$PYTHON" "$ROOT/Examples/digits/check.py" --kiln "$KILN" $SANITIZE --work "$ROOT/.cache/digits"
DIGITS_STATUS=$?

# ---------------------------------------------------------------- 4. arenas and verdict
# shellcheck disable=SC2086
"$PYTHON" "$HERE/summarize.py" --kiln "$KILN" --cache "$CACHE" --report "$REPORT" \
    --work "$ROOT/.cache/models-compiled" --digits-status "$DIGITS_STATUS" \
    --extra "digits=$ROOT/Examples/digits/digits.onnx" $ALLOW_UNSUPPORTED
