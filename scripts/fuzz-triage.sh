#!/bin/bash
# Groups fuzzer findings by where they crash: runs each artifact given (default .cache/fuzz/*crash-*) through the
# fuzz target and prints the first frame in Kiln's sources with a count. KILN_FUZZ_MODE=ops for structured findings.
cd "$(dirname "$0")/.."
BIN=$PWD/Fuzz/.build/release/kiln-fuzz
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(.cache/fuzz/*crash-* .cache/fuzz/*timeout-* .cache/fuzz/*oom-*)
for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    mode=; case "$(basename "$f")" in ops-*) mode=ops;; esac
    where=$(KILN_FUZZ_MODE=$mode SWIFT_BACKTRACE=enable=yes,interactive=no,symbolicate=fast,threads=crashed,registers=none,images=none timeout 120 "$BIN" "$f" 2>&1 | grep -E "in kiln-fuzz at .*/Sources/Kiln/(Ops|Passes|Schedule|Codegen|Frontend|IR|Driver)/" \
        | grep -v "IR/TensorData.swift\|<compiler-generated>" | head -1 | sed -E 's/.* in kiln-fuzz at .*\/Sources\/Kiln\///')
    echo "${where:-unknown (see: KILN_FUZZ_MODE=$mode $BIN $f)}	$f"
done | sort | awk -F'\t' '{ n[$1]++; ex[$1]=$2 } END { for (k in n) printf "%4d  %s  e.g. %s\n", n[k], k, ex[k] }' | sort -rn
