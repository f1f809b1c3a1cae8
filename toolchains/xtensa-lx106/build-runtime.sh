#!/bin/sh
# Builds libkiln_xtensa_rt.a: the libgcc routines that Debian's xtensa-lx106 libgcc.a leaves out (on an ESP8266 they
# live in the mask ROM), compiled from GCC 12's own libgcc sources (Debian package gcc-12-source) with
# xtensa-lx106-elf-gcc:
#   - IEEE-754 single/double arithmetic and conversions from libgcc/soft-fp (round to nearest even, subnormals),
#   - 32-bit division/modulo and the 32x32->64 multiply from libgcc/config/xtensa/lib1funcs.S, assembled for the
#     LX106 core options (the same source and options as the __modsi3 already in Debian's libgcc.a),
#   - 64-bit multiply/division/modulo from libgcc/libgcc2.c.
# Idempotent: does nothing when the library is present and was built by this same script with the same compiler.
# Usage: build-runtime.sh [--force]   (KILN_XTENSA_RT_DIR overrides the output folder)
set -eu

OUT_DIR=${KILN_XTENSA_RT_DIR:-/usr/local/lib/kiln/xtensa-lx106}
LIB=$OUT_DIR/libkiln_xtensa_rt.a
STAMP=$OUT_DIR/libkiln_xtensa_rt.stamp
CC=xtensa-lx106-elf-gcc
AR=xtensa-lx106-elf-ar
NM=xtensa-lx106-elf-nm
GCC_TARBALL=/usr/src/gcc-12/gcc-12.2.0-dfsg.tar.xz
FORCE=0
[ "${1:-}" = "--force" ] && FORCE=1

SOFTFP_FUNCS="addsf3 subsf3 mulsf3 floatsisf floatunsisf fixunssfsi
adddf3 subdf3 muldf3 divdf3 floatsidf floatunsidf fixdfsi fixunsdfsi extendsfdf2 truncdfsf2"
LIB1_FUNCS="divsi3 udivsi3 umodsi3 umulsidi3"
LIBGCC2_FUNCS="muldi3 divdi3 udivdi3 umoddi3"
CFLAGS="-O2 -mlongcalls -mtext-section-literals -ffunction-sections -fno-stack-protector"

command -v "$CC" >/dev/null 2>&1 || { echo "build-runtime: $CC not found (apt-get install gcc-xtensa-lx106)" >&2; exit 1; }

SELF_SUM=$(sha256sum "$0" | cut -d' ' -f1)
CC_VERSION=$($CC -dumpfullversion 2>/dev/null || $CC -dumpversion)
WANT_STAMP="script=$SELF_SUM cc=$CC_VERSION"
if [ "$FORCE" = 0 ] && [ -f "$LIB" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$WANT_STAMP" ]; then
    echo "build-runtime: $LIB is up to date (nothing to do)"
    exit 0
fi

if [ ! -f "$GCC_TARBALL" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "build-runtime: installing gcc-12-source (GCC sources for libgcc)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y gcc-12-source >/dev/null ||
            { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y gcc-12-source >/dev/null; }
    fi
    [ -f "$GCC_TARBALL" ] || { echo "build-runtime: $GCC_TARBALL missing (apt-get install gcc-12-source)" >&2; exit 1; }
fi

WORK=$(mktemp -d /tmp/kiln-xtensa-rt.XXXXXX)
trap 'rm -rf "$WORK"' EXIT INT TERM
echo "build-runtime: extracting libgcc sources from $GCC_TARBALL"
tar -xJf "$GCC_TARBALL" -C "$WORK" --wildcards \
    '*/libgcc/soft-fp/*' '*/libgcc/config/xtensa/*.S' '*/libgcc/libgcc2.c' '*/libgcc/libgcc2.h' '*/include/longlong.h'
SRC=$(echo "$WORK"/gcc-*)
INC=$WORK/inc
OBJ=$WORK/obj
mkdir -p "$INC" "$OBJ"

# Core options of the LX106 (values of QEMU's target/xtensa/core-lx106/core-isa.h) for lib1funcs.S.
cat > "$INC/xtensa-config.h" <<'EOF'
#ifndef XTENSA_CONFIG_H
#define XTENSA_CONFIG_H
#define XCHAL_HAVE_BE 0
#define XCHAL_HAVE_DENSITY 1
#define XCHAL_HAVE_CONST16 0
#define XCHAL_HAVE_ABS 1
#define XCHAL_HAVE_ADDX 1
#define XCHAL_HAVE_L32R 1
#define XSHAL_USE_ABSOLUTE_LITERALS 0
#define XSHAL_HAVE_TEXT_SECTION_LITERALS 1
#define XCHAL_HAVE_MAC16 0
#define XCHAL_HAVE_MUL16 1
#define XCHAL_HAVE_MUL32 1
#define XCHAL_HAVE_MUL32_HIGH 0
#define XCHAL_HAVE_DIV32 0
#define XCHAL_HAVE_NSA 1
#define XCHAL_HAVE_MINMAX 0
#define XCHAL_HAVE_SEXT 0
#define XCHAL_HAVE_LOOPS 0
#define XCHAL_HAVE_THREADPTR 0
#define XCHAL_HAVE_RELEASE_SYNC 0
#define XCHAL_HAVE_S32C1I 0
#define XCHAL_HAVE_BOOLEANS 0
#define XCHAL_HAVE_FP 0
#define XCHAL_HAVE_FP_DIV 0
#define XCHAL_HAVE_FP_RECIP 0
#define XCHAL_HAVE_FP_SQRT 0
#define XCHAL_HAVE_FP_RSQRT 0
#define XCHAL_HAVE_DFP_accel 0
#define XCHAL_HAVE_DFP_DIV 0
#define XCHAL_HAVE_DFP_RECIP 0
#define XCHAL_HAVE_DFP_SQRT 0
#define XCHAL_HAVE_DFP_RSQRT 0
#define XCHAL_HAVE_WINDOWED 0
#define XCHAL_NUM_AREGS 16
#define XCHAL_HAVE_WIDE_BRANCHES 0
#define XCHAL_HAVE_PREDICTED_BRANCHES 0
#define XCHAL_ICACHE_SIZE 0
#define XCHAL_DCACHE_SIZE 0
#define XCHAL_ICACHE_LINESIZE 4
#define XCHAL_DCACHE_LINESIZE 4
#define XCHAL_ICACHE_LINEWIDTH 2
#define XCHAL_DCACHE_LINEWIDTH 2
#define XCHAL_DCACHE_IS_WRITEBACK 0
#define XCHAL_HAVE_MMU 0
#define XCHAL_HAVE_DEBUG 1
#define XCHAL_NUM_IBREAK 1
#define XCHAL_NUM_DBREAK 1
#define XCHAL_DEBUGLEVEL 2
#define XCHAL_MAX_INSTRUCTION_SIZE 3
#define XCHAL_INST_FETCH_WIDTH 4
#define XTHAL_ABI_WINDOWED 0
#define XTHAL_ABI_CALL0 1
#define XSHAL_ABI XTHAL_ABI_CALL0
#endif
EOF

# soft-fp machine description: 32-bit words, little-endian, round to nearest even (no rounding-mode or exception
# state: there is no FPU), default NaN 0x7fc00000 / 0x7ff8000000000000, NaN operands propagated (quieted), the
# first one when both are NaN.
cat > "$INC/sfp-machine.h" <<'EOF'
#define _FP_W_TYPE_SIZE 32
#define _FP_W_TYPE unsigned long
#define _FP_WS_TYPE signed long
#define _FP_I_TYPE long

/* longlong.h's Xtensa umul_ppmm (the compiler's __builtin_umulsidi3) uses libgcc2.h's DWunion. */
typedef union {
    struct { unsigned long low, high; } s;
    unsigned long long ll;
} DWunion;

#define _FP_MUL_MEAT_S(R, X, Y) _FP_MUL_MEAT_1_wide(_FP_WFRACBITS_S, R, X, Y, umul_ppmm)
#define _FP_MUL_MEAT_D(R, X, Y) _FP_MUL_MEAT_2_wide(_FP_WFRACBITS_D, R, X, Y, umul_ppmm)
#define _FP_MUL_MEAT_Q(R, X, Y) _FP_MUL_MEAT_4_wide(_FP_WFRACBITS_Q, R, X, Y, umul_ppmm)
#define _FP_DIV_MEAT_S(R, X, Y) _FP_DIV_MEAT_1_udiv_norm(S, R, X, Y)
#define _FP_DIV_MEAT_D(R, X, Y) _FP_DIV_MEAT_2_udiv(D, R, X, Y)
#define _FP_DIV_MEAT_Q(R, X, Y) _FP_DIV_MEAT_4_udiv(Q, R, X, Y)

#define _FP_NANFRAC_S _FP_QNANBIT_S
#define _FP_NANFRAC_D _FP_QNANBIT_D, 0
#define _FP_NANFRAC_Q _FP_QNANBIT_Q, 0, 0, 0
#define _FP_NANSIGN_S 0
#define _FP_NANSIGN_D 0
#define _FP_NANSIGN_Q 0
#define _FP_KEEPNANFRACP 1
#define _FP_QNANNEGATEDP 0

#define _FP_CHOOSENAN(fs, wc, R, X, Y, OP)      \
    do {                                        \
        if (X##_c == FP_CLS_NAN) {              \
            R##_s = X##_s;                      \
            _FP_FRAC_COPY_##wc(R, X);           \
        } else {                                \
            R##_s = Y##_s;                      \
            _FP_FRAC_COPY_##wc(R, Y);           \
        }                                       \
        R##_c = FP_CLS_NAN;                     \
    } while (0)

#define _FP_TININESS_AFTER_ROUNDING 1

#define __LITTLE_ENDIAN 1234
#define __BIG_ENDIAN 4321
#define __BYTE_ORDER __LITTLE_ENDIAN
EOF

# Minimal stand-ins for the headers a libgcc build generates (libgcc2.c only needs the word size from them).
: > "$INC/tconfig.h"
: > "$INC/coretypes.h"
: > "$INC/libgcc_tm.h"
printf '#include <stddef.h>\n#include <limits.h>\n' > "$INC/tsystem.h"
printf '#define MIN_UNITS_PER_WORD 4\n#define UNITS_PER_WORD 4\n' > "$INC/tm.h"

LIBGCC_DEFS="-fbuilding-libgcc -DIN_GCC -DIN_LIBGCC2"
n=0
for f in $SOFTFP_FUNCS; do
    $CC $CFLAGS $LIBGCC_DEFS -I"$INC" -I"$SRC/libgcc/soft-fp" -I"$SRC/libgcc" -I"$SRC/include" \
        -c "$SRC/libgcc/soft-fp/$f.c" -o "$OBJ/sfp_$f.o"
    n=$((n + 1))
done
echo "build-runtime: compiled $n soft-fp routines: $(echo $SOFTFP_FUNCS)"
for f in $LIB1_FUNCS; do
    $CC -mlongcalls -mtext-section-literals -I"$INC" -I"$SRC/libgcc/config/xtensa" -DL_$f \
        -c "$SRC/libgcc/config/xtensa/lib1funcs.S" -o "$OBJ/lib1_$f.o"
done
echo "build-runtime: assembled from xtensa/lib1funcs.S: $(echo $LIB1_FUNCS)"
for f in $LIBGCC2_FUNCS; do
    $CC $CFLAGS $LIBGCC_DEFS -I"$INC" -I"$SRC/libgcc" -I"$SRC/include" -DL_$f \
        -c "$SRC/libgcc/libgcc2.c" -o "$OBJ/lg2_$f.o"
done
echo "build-runtime: compiled from libgcc2.c: $(echo $LIBGCC2_FUNCS)"

# Every function must be defined exactly once, and nothing may be left undefined but the routines of libgcc.a.
for f in $SOFTFP_FUNCS $LIB1_FUNCS $LIBGCC2_FUNCS; do
    c=$($NM -g --defined-only "$OBJ"/*.o | grep -c " T __$f\$" || true)
    [ "$c" = 1 ] || { echo "build-runtime: __$f defined $c times" >&2; exit 1; }
done

mkdir -p "$OUT_DIR"
rm -f "$LIB.tmp"
$AR rcs "$LIB.tmp" "$OBJ"/*.o
mv -f "$LIB.tmp" "$LIB"
echo "$WANT_STAMP" > "$STAMP"
echo "build-runtime: wrote $LIB ($(wc -c < "$LIB") bytes, $(ls "$OBJ" | wc -l) objects)"
