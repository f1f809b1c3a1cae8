/* Operations checked by the Xtensa smoke test. Compiled both on the host (smoke-vectors.c computes the expected
 * results with the host's compiler and libm) and on the target (smoke-test.c computes them with the soft-float
 * runtime and picolibc), so both sides run exactly the same C. Every result is a 64-bit bit pattern; NaN results
 * are canonicalised (their sign and payload are not specified by C). */
#ifndef KILN_SMOKE_OPS_H
#define KILN_SMOKE_OPS_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define SMOKE_OPS(X)                                                                                                \
    X(F_ADD) X(F_SUB) X(F_MUL) X(F_DIV) X(F_SQRT) X(F_EXP) X(F_LT) X(F_EQ) X(F_TO_I32) X(F_TO_U32) X(F_TO_I64)     \
    X(I32_TO_F) X(U32_TO_F) X(I64_TO_F) X(F_TO_D) X(D_TO_F) X(D_ADD) X(D_SUB) X(D_MUL) X(D_DIV) X(D_SQRT) X(D_LT)  \
    X(D_TO_I32) X(D_TO_U32) X(D_TO_I64) X(I32_TO_D) X(U32_TO_D) X(I64_TO_D) X(I32_DIV) X(I32_MOD) X(U32_DIV)       \
    X(U32_MOD) X(I32_MUL) X(I64_DIV) X(I64_MOD) X(U64_DIV) X(U64_MOD) X(I64_MUL) X(U32_WIDEN_MUL)

#define SMOKE_ENUM(name) OP_##name,
enum { SMOKE_OPS(SMOKE_ENUM) OP_COUNT };
#undef SMOKE_ENUM

/* One test vector as stored in the vectors file (little-endian on both sides). */
struct smoke_vector {
    uint32_t op;
    uint32_t reserved;
    uint64_t a;
    uint64_t b;
    uint64_t expect;
};

static inline float smoke_f(uint64_t v) { uint32_t u = (uint32_t)v; float f; memcpy(&f, &u, 4); return f; }
static inline double smoke_d(uint64_t v) { double d; memcpy(&d, &v, 8); return d; }
static inline uint64_t smoke_fbits(float f)
{
    uint32_t u;
    if (f != f) return 0x7fc00000u;
    memcpy(&u, &f, 4);
    return u;
}
static inline uint64_t smoke_dbits(double d)
{
    uint64_t u;
    if (d != d) return 0x7ff8000000000000ull;
    memcpy(&u, &d, 8);
    return u;
}

/* Operands must be valid for the operation (no division by zero, no INT_MIN / -1, float-to-integer conversions
 * only of values in range): the vector generator guarantees it. */
static uint64_t smoke_compute(uint32_t op, uint64_t a, uint64_t b)
{
    switch (op) {
    case OP_F_ADD: return smoke_fbits(smoke_f(a) + smoke_f(b));
    case OP_F_SUB: return smoke_fbits(smoke_f(a) - smoke_f(b));
    case OP_F_MUL: return smoke_fbits(smoke_f(a) * smoke_f(b));
    case OP_F_DIV: return smoke_fbits(smoke_f(a) / smoke_f(b));
    case OP_F_SQRT: return smoke_fbits(sqrtf(smoke_f(a)));
    case OP_F_EXP: return smoke_fbits(expf(smoke_f(a)));
    case OP_F_LT: return smoke_f(a) < smoke_f(b);
    case OP_F_EQ: return smoke_f(a) == smoke_f(b);
    case OP_F_TO_I32: return (uint64_t)(int64_t)(int32_t)smoke_f(a);
    case OP_F_TO_U32: return (uint32_t)smoke_f(a);
    case OP_F_TO_I64: return (uint64_t)(int64_t)smoke_f(a);
    case OP_I32_TO_F: return smoke_fbits((float)(int32_t)a);
    case OP_U32_TO_F: return smoke_fbits((float)(uint32_t)a);
    case OP_I64_TO_F: return smoke_fbits((float)(int64_t)a);
    case OP_F_TO_D: return smoke_dbits((double)smoke_f(a));
    case OP_D_TO_F: return smoke_fbits((float)smoke_d(a));
    case OP_D_ADD: return smoke_dbits(smoke_d(a) + smoke_d(b));
    case OP_D_SUB: return smoke_dbits(smoke_d(a) - smoke_d(b));
    case OP_D_MUL: return smoke_dbits(smoke_d(a) * smoke_d(b));
    case OP_D_DIV: return smoke_dbits(smoke_d(a) / smoke_d(b));
    case OP_D_SQRT: return smoke_dbits(sqrt(smoke_d(a)));
    case OP_D_LT: return smoke_d(a) < smoke_d(b);
    case OP_D_TO_I32: return (uint64_t)(int64_t)(int32_t)smoke_d(a);
    case OP_D_TO_U32: return (uint32_t)smoke_d(a);
    case OP_D_TO_I64: return (uint64_t)(int64_t)smoke_d(a);
    case OP_I32_TO_D: return smoke_dbits((double)(int32_t)a);
    case OP_U32_TO_D: return smoke_dbits((double)(uint32_t)a);
    case OP_I64_TO_D: return smoke_dbits((double)(int64_t)a);
    case OP_I32_DIV: return (uint64_t)(int64_t)((int32_t)a / (int32_t)b);
    case OP_I32_MOD: return (uint64_t)(int64_t)((int32_t)a % (int32_t)b);
    case OP_U32_DIV: return (uint32_t)a / (uint32_t)b;
    case OP_U32_MOD: return (uint32_t)a % (uint32_t)b;
    case OP_I32_MUL: return (uint32_t)((uint32_t)a * (uint32_t)b);
    case OP_I64_DIV: return (uint64_t)((int64_t)a / (int64_t)b);
    case OP_I64_MOD: return (uint64_t)((int64_t)a % (int64_t)b);
    case OP_U64_DIV: return a / b;
    case OP_U64_MOD: return a % b;
    case OP_I64_MUL: return a * b;
    case OP_U32_WIDEN_MUL: return (uint64_t)(uint32_t)a * (uint32_t)b;
    default: return 0xdeadbeefdeadbeefull;
    }
}

/* Whether a target result matches the host's. Exact bit patterns, except expf: picolibc's expf is not correctly
 * rounded (it differs from glibc's by one unit in the last place for about 2% of arguments, on Arm as well), so a
 * neighbouring float of the same sign is accepted there and counted in *one_ulp. */
static int smoke_result_ok(uint32_t op, uint64_t got, uint64_t want, unsigned long *one_ulp)
{
    if (got == want) return 1;
    if (op == OP_F_EXP && got < 0x7f800000u && want < 0x7f800000u && (got + 1 == want || want + 1 == got)) {
        (*one_ulp)++;
        return 1;
    }
    return 0;
}

/* printf/formatting check: the same format on both sides (the target's picolibc must print what glibc prints; note
 * that picolibc's printf gives at most 17 correct significant digits, and the shortest representation for
 * subnormals, so the format stays within that). */
static int smoke_format(char *buf, size_t n, int32_t i, uint32_t u, int64_t ll, float f, double d)
{
    return snprintf(buf, n, "i=%d u=%u x=%08x ll=%lld f=%.9g d=%.16g e=%.6e fix=%.3f s=%s|", (int)i, (unsigned)u,
                    (unsigned)u, (long long)ll, (double)f, d, d, d, "str");
}

#endif
