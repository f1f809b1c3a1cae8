/* Integer requantization shared by Kiln's quantized kernels. Header-only; no floating point anywhere.
 *
 * A real multiplier r (a ratio of scales such as x_scale * w_scale / y_scale) is computed by the compiler in double
 * precision and encoded as a signed 32-bit mantissa m, |m| in [2^30, 2^31) (or m = 0), and a right shift n >= 1:
 *
 *     r ~= m * 2^-n        (relative error <= 2^-31)
 *
 * kiln_requant(acc, m, n) = round(acc * m / 2^n), computed EXACTLY from the 64-bit product acc * m
 * (|acc| <= 2^31 and |m| < 2^31, so |acc * m| < 2^62) with ONE rounding, half to even: the rounding of rint(),
 * of ONNX QuantizeLinear and of onnxruntime's MLAS requantization, so ties (exact .5, e.g. averaging two values or a
 * multiplier of 0.5) resolve as onnxruntime resolves them. No double rounding as in TFLite's
 * SaturatingRoundingDoublingHighMul + RoundingDivideByPOT.
 *
 * Results saturate to [-2^30, 2^30] so that adding a zero point (|zp| <= 65535) never overflows int32; callers
 * clamp to the output range afterwards. n >= 63 yields 0 because |acc * m| < 2^62.
 *
 * Fast path. Multipliers below 0.25 (every convolution and matrix product: x_scale * w_scale / y_scale is small)
 * have 33 <= n <= 62, and the compiler gives every multiplier that is not exactly representable an ODD mantissa
 * (the nearer odd neighbour of the exact value: error below 2^-30 relative). With m odd and |acc| < 2^31 the
 * product can never lie exactly half way between two integers (that needs n - 1 >= 32 trailing zeros in acc), so
 * round-half-up equals round-half-to-even and the result is (high word of the product + 2^(n-33)) >> (n - 32):
 * one 32x32->64 multiply, an add and a shift; no 64-bit shift, no saturation (|result| < 2^30). Exactly
 * representable (even) mantissas, e.g. 0.5 or 1/256, and other shifts take the general exact path. Right
 * shifts of negative values are arithmetic (implementation-defined in C99, arithmetic on every supported compiler). */
#ifndef KILN_REQUANT_H
#define KILN_REQUANT_H
#include "kiln_common.h"

#define KILN_REQUANT_LIMIT ((int32_t)1 << 30)

/* Inner loops of the integer kernels live in their own (not inlined) functions: compiled apart from the
 * surrounding loop nests, their accumulators and pointers stay in registers. */
#if defined(__GNUC__) || defined(__clang__)
#define KILN_QNOINLINE static __attribute__((noinline, unused))
#else
#define KILN_QNOINLINE static
#endif

/* round(p / 2^n), half to even, saturated to [-2^30, 2^30]. Any p with |p| < 2^63 - 2^62; n in [0, 127]. */
KILN_QNOINLINE int32_t kiln_round_shift(int64_t p, int32_t n)
{
    uint64_t u, r, half;
    int64_t q;
    if (n <= 0) {
        q = p;
    } else if (n >= 63) {
        q = 0; /* |p| < 2^62 < 2^(n-1): rounds to zero */
    } else {
        /* u = p + 2^63 maps int64 monotonically onto uint64; floor(p / 2^n) = (u >> n) - 2^(63-n). */
        u = (uint64_t)p + ((uint64_t)1 << 63);
        q = (int64_t)(u >> n) - (int64_t)((uint64_t)1 << (63 - n));
        r = u & (((uint64_t)1 << n) - 1u);
        half = (uint64_t)1 << (n - 1);
        /* +1 when the remainder is above one half, or exactly one half and q is odd */
        q += (int64_t)((r + (half - 1u) + ((uint64_t)q & 1u)) >> n);
    }
    if (q > KILN_REQUANT_LIMIT) return KILN_REQUANT_LIMIT;
    if (q < -KILN_REQUANT_LIMIT) return -KILN_REQUANT_LIMIT;
    return (int32_t)q;
}

/* round(acc * m / 2^n) for a 32-bit accumulator. */
static inline int32_t kiln_requant(int32_t acc, int32_t m, int32_t n)
{
    const int64_t p = (int64_t)acc * (int64_t)m;
    if ((m & 1) && n >= 33 && n <= 62) {
        const int32_t hi = (int32_t)(p >> 32);
        return (hi + ((int32_t)1 << (n - 33))) >> (n - 32);
    }
    return kiln_round_shift(p, n);
}

/* The same for a 64-bit accumulator (16-bit activations). Accumulators beyond int32 are first halved (rounding
 * toward zero) until they fit: a relative error below 2^-31, far under one output step for 16-bit outputs. */
static inline int32_t kiln_requant64(int64_t acc, int32_t m, int32_t n)
{
    while (acc > INT32_MAX || acc < -INT32_MAX) {
        acc /= 2;
        n -= 1;
    }
    if (n < 0) { /* the exact result is beyond 2^30 in magnitude: saturate with its sign */
        if (acc == 0 || m == 0) return 0;
        return ((acc > 0) == (m > 0)) ? KILN_REQUANT_LIMIT : -KILN_REQUANT_LIMIT;
    }
    return kiln_round_shift((int64_t)acc * (int64_t)m, n);
}

static inline int32_t kiln_clamp_i32(int32_t v, int32_t lo, int32_t hi)
{
    return v < lo ? lo : (v > hi ? hi : v);
}

#endif /* KILN_REQUANT_H */
