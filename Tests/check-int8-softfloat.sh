#!/usr/bin/env bash
# Checks that Kiln's integer (quantized) kernels and the generated code of integer-only models contain no
# floating-point arithmetic: builds for cortex-m3 (no FPU, -mfloat-abi=soft, where every float operation becomes
# a call to a soft-float helper), disassembles the objects with arm-none-eabi-objdump and fails on any call to
# __aeabi_f* / __aeabi_d* (or the libgcc __*sf*/__*df* helpers) inside them.
#
#   Tests/check-int8-softfloat.sh [MODEL.onnx ...]
#
# Models default to the four MLPerf Tiny int8 models in $KILN_MODELS (../shared/models/mlperf-tiny from the
# repository root; skipped with a message when absent); their whole generated code (invoke, weights and every
# kernel they use) must be free of float. Independently, every integer kernel source (kiln_qconv, kiln_qgemm,
# kiln_qadd, kiln_qpool, kiln_qsoftmax, kiln_qtable, kiln_qmatmul) is compiled and checked on its own. As a
# control, the float boundary kernel kiln_quantize.c (QuantizeLinear/DequantizeLinear) must show soft-float
# calls, proving the check would see them. Exit status 0 when clean, 1 on a hit, 2 when tools are missing.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KILN=${KILN:-$ROOT/.build/debug/kiln}
KDIR="$ROOT/Templates/kernels/generic"
MODELS_DIR=${KILN_MODELS:-$(cd "$ROOT/.." && pwd)/shared/models/mlperf-tiny}
CC=arm-none-eabi-gcc
OBJDUMP=arm-none-eabi-objdump
CFLAGS="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft -std=c99 -O2 -ffunction-sections -fdata-sections -Wall -Wextra -Werror"
INT_KERNELS="kiln_qconv kiln_qgemm kiln_qadd kiln_qpool kiln_qsoftmax kiln_qtable kiln_qmatmul"
PATTERN='bl?[[:space:]]+[0-9a-f]*[[:space:]]*<(__aeabi_[fd][a-z0-9]*|__aeabi_[iu]?[0-9]*[fd]2[a-z0-9]*|__(add|sub|mul|div|neg)[sdt]f3|__float[a-z]*[sdt]f|__fix[a-z]*[sdt]f[a-z]*|__(eq|ne|lt|le|gt|ge|un|c)[sdt]f2|__extend[a-z]*|__trunc[a-z]*)'

for t in "$CC" "$OBJDUMP"; do
    command -v "$t" >/dev/null || { echo "check-int8-softfloat: $t not found (install gcc-arm-none-eabi)" >&2; exit 2; }
done
[ -x "$KILN" ] || { echo "check-int8-softfloat: $KILN not found; run 'swift build' first (or set KILN)" >&2; exit 2; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
status=0

# Soft-float calls in an object, one line per hit: "function: call".
hits() {
    "$OBJDUMP" -d "$1" | awk -v pat="$PATTERN" '
        /^[0-9a-f]+ <.*>:$/ { fn = $2; gsub(/[<>:]/, "", fn) }
        $0 ~ pat { match($0, /<[^>]*>/); print fn ": " substr($0, RSTART + 1, RLENGTH - 2) }'
}

check_object() {  # object, label
    local h
    h=$(hits "$1")
    if [ -n "$h" ]; then
        echo "FAIL $2: soft-float calls:"
        echo "$h" | sort -u | sed 's/^/    /'
        status=1
    else
        echo "ok   $2"
    fi
}

# 1. Control: the float boundary kernel must show soft-float calls.
$CC $CFLAGS -I"$KDIR" -c "$KDIR/kiln_quantize.c" -o "$WORK/kiln_quantize.o" || exit 1
if [ -z "$(hits "$WORK/kiln_quantize.o")" ]; then
    echo "FAIL control: no soft-float call found in kiln_quantize.o; the check cannot see them"
    exit 1
fi
echo "ok   control: kiln_quantize.o (float QuantizeLinear/DequantizeLinear) calls soft-float helpers as expected"

# 2. Every integer kernel on its own.
for k in $INT_KERNELS; do
    $CC $CFLAGS -I"$KDIR" -c "$KDIR/$k.c" -o "$WORK/$k.o" || { echo "FAIL $k: does not compile"; status=1; continue; }
    check_object "$WORK/$k.o" "kernel $k"
done

# 3. Whole generated code of integer-only models.
models=("$@")
if [ ${#models[@]} -eq 0 ]; then
    if [ -d "$MODELS_DIR" ]; then
        for m in kws_dscnn vww_mobilenet ic_resnet8 ad_autoencoder; do
            [ -f "$MODELS_DIR/${m}_int8.onnx" ] && models+=("$MODELS_DIR/${m}_int8.onnx")
        done
    else
        echo "skipping MLPerf Tiny models: KILN_MODELS=$MODELS_DIR not found"
    fi
fi
for m in "${models[@]}"; do
    name=$(basename "$m" .onnx)
    out="$WORK/$name"
    if ! "$KILN" compile "$m" --target cortex-m3 -o "$out" >/dev/null; then
        echo "FAIL $name: kiln compile failed"; status=1; continue
    fi
    for c in "$out"/*.c; do
        o="$out/$(basename "$c" .c).o"
        $CC $CFLAGS -I"$out" -c "$c" -o "$o" || { echo "FAIL $name: $(basename "$c") does not compile"; status=1; continue; }
        check_object "$o" "$name: $(basename "$c")"
    done
done

[ $status -eq 0 ] && echo "no floating point in the integer kernels" || echo "floating point found"
exit $status
