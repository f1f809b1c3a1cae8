#!/usr/bin/env bash
# Smoke test of the Xtensa LX106 bare-metal target (toolchains/xtensa-lx106.json) under QEMU.
#   1. builds the runtime library (build-runtime.sh, idempotent)
#   2. builds smoke-test.c exactly as the target description says (cc + cflags -c; cc + cflags + ldflags + -T script
#      + startup objects + objects + libs, memory limits as --defsym) and runs it under QEMU with -append arguments:
#      ~45000 float/double/integer operations against host-computed bit patterns read with fopen/fread, results
#      written with fwrite and checked again on the host, printf, argc/argv, exit status 3
#   3. checks that an oversized program fails to link with "region ... overflowed"
#   4. checks that a CPU exception (integer division by zero) is reported and exits with status 134
#   5. checks the instruction-count plugin (toolchains/qemu-plugin/kiln_icount.c): identical counts in two runs
#   6. when the Arm toolchain is installed, runs the same program on Cortex-M3 (Arm's own soft-float libgcc) and
#      requires byte-identical output
# Prints PASS and exits 0 when everything holds. Usage: smoke-test.sh [--keep] (keep the work folder)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
TOOLCHAINS=$(dirname "$HERE")
JSON=$TOOLCHAINS/xtensa-lx106.json
KEEP=0
[ "${1:-}" = "--keep" ] && KEEP=1
WORK=$(mktemp -d /tmp/kiln-xtensa-smoke.XXXXXX)
if [ "$KEEP" = 1 ]; then echo "smoke: work folder $WORK"; else trap 'rm -rf "$WORK"' EXIT; fi

fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

"$HERE/build-runtime.sh"

# Target description -> bash arrays (one element per line).
json_list() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
v=d
for k in sys.argv[2].split("."): v=v[k]
print("\n".join(v) if isinstance(v, list) else v)' "$JSON" "$1"; }
CC=$(json_list cc)
mapfile -t CFLAGS < <(json_list cflags)
mapfile -t LDFLAGS < <(json_list ldflags)
mapfile -t LIBS < <(json_list libs)
mapfile -t STARTUP < <(json_list startup_sources)
LDSCRIPT=$TOOLCHAINS/$(json_list linker_script)
QEMU=$(json_list qemu.binary)
mapfile -t QEMU_ARGS < <(json_list qemu.args)
FLASH=$(json_list memory.flash_origin)
FLASH_BYTES=$(json_list memory.flash_bytes)
RAM=$(json_list memory.ram_origin)
RAM_BYTES=$(json_list memory.ram_bytes)
STACK_BYTES=$(json_list memory.stack_bytes)
MEMFLAGS=("-Wl,--defsym=__flash=$FLASH" "-Wl,--defsym=__flash_size=$FLASH_BYTES" "-Wl,--defsym=__ram=$RAM"
          "-Wl,--defsym=__ram_size=$RAM_BYTES" "-Wl,--defsym=__stack_size=$STACK_BYTES")
OPT=(-O2 -ffp-contract=off -Wall -Wextra -Werror)

# Compiles the startup sources once; link_prog OUT EXTRA_LDFLAGS... -- OBJECTS...
STARTUP_OBJS=()
for s in "${STARTUP[@]}"; do
    o=$WORK/startup_$(basename "$s").o
    "$CC" "${CFLAGS[@]}" "${OPT[@]}" -c "$TOOLCHAINS/$s" -o "$o"
    STARTUP_OBJS+=("$o")
done
link_prog() {
    local out=$1; shift
    local extra=()
    while [ "$1" != "--" ]; do extra+=("$1"); shift; done
    shift
    "$CC" "${CFLAGS[@]}" "${LDFLAGS[@]}" -T "$LDSCRIPT" "${MEMFLAGS[@]}" "${extra[@]}" "${STARTUP_OBJS[@]}" "$@" \
        "${LIBS[@]}" -o "$out"
}
run_qemu() { # ELF APPEND_STRING [extra qemu args...]
    local elf=$1 append=$2; shift 2
    timeout 120 "$QEMU" "${QEMU_ARGS[@]}" "$@" -kernel "$elf" -append "$append"
}

# --- 2. main functional test -------------------------------------------------------------------------------------
cc -O2 -ffp-contract=off -Wall -Wextra -o "$WORK/smoke-vectors" "$HERE/smoke-vectors.c" -lm
"$WORK/smoke-vectors" gen "$WORK/vectors.bin" 1000
"$CC" "${CFLAGS[@]}" "${OPT[@]}" -c "$HERE/smoke-test.c" -o "$WORK/smoke-test.o"
link_prog "$WORK/smoke-test.elf" -- "$WORK/smoke-test.o"
"${CC%gcc}size" "$WORK/smoke-test.elf"
set +e
run_qemu "$WORK/smoke-test.elf" "$WORK/vectors.bin $WORK/out.bin kiln-xtensa" > "$WORK/stdout.txt" 2> "$WORK/stderr.txt"
status=$?
set -e
cat "$WORK/stdout.txt"
cat "$WORK/stderr.txt" >&2
[ "$status" = 3 ] || fail "QEMU exit status $status, expected 3 (the program's exit(3))"
grep -q "^smoke-test: argc=5 argv\[0\]=program-name argv\[1\]=$WORK/smoke-test.elf argv\[2\]=$WORK/vectors.bin " \
    "$WORK/stdout.txt" || fail "argc/argv not as expected"
grep -q "^smoke-test: printf: i=-123456 u=3735928559 x=deadbeef" "$WORK/stdout.txt" || fail "printf output missing"
"$WORK/smoke-vectors" check "$WORK/vectors.bin" "$WORK/out.bin" || fail "output file written by the target is wrong"

# --- 3. memory limits -----------------------------------------------------------------------------------------------
cat > "$WORK/big.c" <<'EOF'
#include <stdio.h>
const unsigned char big_rodata[3u << 20] = {1};
unsigned char big_bss[600u << 10];
int main(int argc, char **argv) { big_bss[argc] = big_rodata[argc * 1000]; printf("%d %s\n", big_bss[argc], argv[0]); return 0; }
EOF
"$CC" "${CFLAGS[@]}" "${OPT[@]}" -c "$WORK/big.c" -o "$WORK/big.o"
if link_prog "$WORK/big.elf" -- "$WORK/big.o" > "$WORK/big.log" 2>&1; then fail "oversized program linked"; fi
grep -q "region \`flash' overflowed" "$WORK/big.log" || { cat "$WORK/big.log"; fail "no flash overflow message"; }
grep -q "region \`ram' overflowed" "$WORK/big.log" || { cat "$WORK/big.log"; fail "no ram overflow message"; }
if link_prog "$WORK/small-flash.elf" -Wl,--defsym=__flash_size=0x2000 -- "$WORK/smoke-test.o" > "$WORK/sf.log" 2>&1
then fail "program linked into 8 KiB of flash"; fi
grep -q "region \`flash' overflowed" "$WORK/sf.log" || { cat "$WORK/sf.log"; fail "no flash overflow message (--defsym)"; }
echo "smoke: memory limits enforced (region overflow messages)"

# --- 4. CPU exception -----------------------------------------------------------------------------------------------
cat > "$WORK/fault.c" <<'EOF'
#include <stdio.h>
volatile int zero;
int main(void) { printf("before the fault\n"); return 7 / zero; }
EOF
"$CC" "${CFLAGS[@]}" "${OPT[@]}" -c "$WORK/fault.c" -o "$WORK/fault.o"
link_prog "$WORK/fault.elf" -- "$WORK/fault.o"
set +e
run_qemu "$WORK/fault.elf" "" > "$WORK/fault.out" 2> "$WORK/fault.err"
status=$?
set -e
[ "$status" = 134 ] || fail "division by zero: QEMU exit status $status, expected 134"
grep -q "^before the fault" "$WORK/fault.out" || fail "stdout not flushed before the fault report"
grep -q "kiln: xtensa user exception, EXCCAUSE 0x00000000" "$WORK/fault.err" || fail "no exception report"
echo "smoke: CPU exception reported: $(cat "$WORK/fault.err")"

# --- 5. instruction counting ----------------------------------------------------------------------------------------
cc -shared -fPIC -O2 -o "$WORK/kiln_icount.so" "$TOOLCHAINS/qemu-plugin/kiln_icount.c"
MARK=$("${CC%gcc}nm" "$WORK/smoke-test.elf" | awk '$3 == "kiln_mark" { print $1 }')
[ -n "$MARK" ] || fail "kiln_mark not found"
for r in 1 2; do
    set +e
    run_qemu "$WORK/smoke-test.elf" "$WORK/vectors.bin $WORK/out$r.bin kiln-xtensa" \
        -plugin "$WORK/kiln_icount.so,mark=0x$MARK,out=$WORK/counts$r.txt" > /dev/null 2>&1
    status=$?
    set -e
    [ "$status" = 3 ] || fail "run with the plugin: exit status $status"
done
# The plugin writes "total N" and then one "<event> <instructions before it>" line per kiln_mark call.
[ "$(grep -c '^[0-9]' "$WORK/counts1.txt")" = 3 ] || fail "expected 3 mark events, got: $(cat "$WORK/counts1.txt")"
cmp -s "$WORK/counts1.txt" "$WORK/counts2.txt" || fail "instruction counts differ between runs"
awk '/^total/ { printf "smoke: icount: %d instructions in all\n", $2; next }
     n++ { printf "smoke: icount: mark %d - mark %d = %d instructions\n", $1, p1, $2 - p2 } { p1 = $1; p2 = $2 }' \
    "$WORK/counts1.txt"
echo "smoke: instruction counts identical across runs (kiln_mark at 0x$MARK)"

# --- 6. cross-check against Arm Cortex-M3 (optional) ----------------------------------------------------------------
if command -v arm-none-eabi-gcc > /dev/null 2>&1 && command -v qemu-system-arm > /dev/null 2>&1 &&
    [ -f "$TOOLCHAINS/cortex-m3.json" ]; then
    JSON=$TOOLCHAINS/cortex-m3.json
    mapfile -t ACFLAGS < <(json_list cflags)
    mapfile -t ALDFLAGS < <(json_list ldflags)
    mapfile -t AQEMU_ARGS < <(json_list qemu.args)
    arm-none-eabi-gcc "${ACFLAGS[@]}" "${ALDFLAGS[@]}" -O2 -ffp-contract=off \
        "-Wl,--defsym=__flash=$(json_list memory.flash_origin)" "-Wl,--defsym=__flash_size=$(json_list memory.flash_bytes)" \
        "-Wl,--defsym=__ram=$(json_list memory.ram_origin)" "-Wl,--defsym=__ram_size=$(json_list memory.ram_bytes)" \
        "-Wl,--defsym=__stack_size=$(json_list memory.stack_bytes)" -o "$WORK/smoke-arm.elf" "$HERE/smoke-test.c" -lm
    set +e
    timeout 120 qemu-system-arm "${AQEMU_ARGS[@]}" -kernel "$WORK/smoke-arm.elf" \
        -append "$WORK/vectors.bin $WORK/out-arm.bin kiln-xtensa" > /dev/null 2>&1
    status=$?
    set -e
    [ "$status" = 3 ] || fail "Cortex-M3 run: exit status $status"
    cmp "$WORK/out.bin" "$WORK/out-arm.bin" || fail "Xtensa and Cortex-M3 results differ"
    echo "smoke: Xtensa output is byte-identical to Cortex-M3's (Arm soft-float libgcc + the same picolibc)"
else
    echo "smoke: Arm toolchain not installed: cross-check with Cortex-M3 skipped"
fi

echo PASS
