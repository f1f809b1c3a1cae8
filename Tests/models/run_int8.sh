#!/usr/bin/env bash
# Quantized-model suite: generates the int8 cases (make_int8_models.py) into .cache/int8-models when missing,
# runs `kiln test --int-tolerance 1` on them (ASan+UBSan), prints the LSB histograms (compare_int8.py) and checks
# the integer kernels for floating point (Tests/check-int8-softfloat.sh).
#
#   Tests/models/run_int8.sh [--regenerate] [--target TARGET]
#
# --target runs the cases on a board under QEMU as well (exact comparison against Kiln's host outputs).
# Environment: KILN (default .build/debug/kiln), PYTHON (python3), KILN_MODELS, INT8_CACHE (.cache/int8-models).
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/Tests/models"
PYTHON=${PYTHON:-python3}
KILN=${KILN:-$ROOT/.build/debug/kiln}
CACHE=${INT8_CACHE:-$ROOT/.cache/int8-models}
TARGET=""
REGEN=0
while [ $# -gt 0 ]; do
    case "$1" in
        --regenerate) REGEN=1 ;;
        --target) shift; TARGET=${1:?--target needs a name} ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run_int8.sh: unknown option '$1'" >&2; exit 2 ;;
    esac
    shift
done
[ -x "$KILN" ] || { echo "run_int8.sh: $KILN not found; run 'swift build' first" >&2; exit 1; }
if [ "$REGEN" = 1 ] || [ ! -d "$CACHE" ]; then
    rm -rf "$CACHE.tmp"
    "$PYTHON" "$HERE/make_int8_models.py" "$CACHE.tmp" || { echo "run_int8.sh: generation failed" >&2; exit 1; }
    rm -rf "$CACHE"; mv "$CACHE.tmp" "$CACHE"
fi
status=0
"$KILN" test "$CACHE" --sanitize --int-tolerance 1 --atol 0.05 --jobs 2 || status=1
KILN_CASES="$CACHE.kiln"
"$PYTHON" "$HERE/compare_int8.py" "$CACHE" --kiln "$KILN" ${TARGET:+--write-kiln-cases "$KILN_CASES"} || status=1
if [ -n "$TARGET" ]; then
    "$KILN" test "$KILN_CASES" --target "$TARGET" --jobs 2 || status=1
fi
"$ROOT/Tests/check-int8-softfloat.sh" || status=1
exit $status
