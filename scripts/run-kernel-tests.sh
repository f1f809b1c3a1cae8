#!/bin/sh
# Builds and runs every C kernel test: Tests/kernels/test_<kernel>.c is compiled with the generic kernel sources it
# includes (found through its #include "kiln_*.h" lines, transitively) under -Wall -Wextra -Werror and
# ASan+UBSan, then run; a test exits 0 on success and prints what differed otherwise.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CC=${CC:-cc}
KDIR="$ROOT/Templates/kernels/generic"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
CFLAGS="-std=c99 -Wall -Wextra -Werror -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -I$KDIR"
deps() {  # kernel .c files reachable from the includes of $1
    seen=""
    todo=$(sed -n 's/^#include "\(kiln_[a-z0-9_]*\)\.h"/\1/p' "$1")
    while [ -n "$todo" ]; do
        set -- $todo; [ $# -gt 0 ] || break  # only whitespace left (a header-only kernel added nothing)
        k=$1; shift; todo="$*"
        case " $seen " in *" $k "*) continue;; esac
        seen="$seen $k"
        [ -f "$KDIR/$k.h" ] && todo="$todo $(sed -n 's/^#include "\(kiln_[a-z0-9_]*\)\.h"/\1/p' "$KDIR/$k.h")"
        [ -f "$KDIR/$k.c" ] && todo="$todo $(sed -n 's/^#include "\(kiln_[a-z0-9_]*\)\.h"/\1/p' "$KDIR/$k.c")"
    done
    for k in $seen; do [ -f "$KDIR/$k.c" ] && printf '%s ' "$KDIR/$k.c"; done
    return 0
}
pass=0; fail=0
for t in "$ROOT"/Tests/kernels/test_*.c; do
    [ -f "$t" ] || continue
    name=$(basename "$t" .c)
    if $CC $CFLAGS "$t" $(deps "$t") -o "$OUT/$name" -lm && "$OUT/$name"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name"; fail=$((fail + 1))
    fi
done
echo "kernel tests: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
