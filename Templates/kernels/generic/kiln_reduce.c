#include "kiln_reduce.h"
#include <math.h>

/* Visits the reduced elements of the output whose first element is at x + base, in row-major order of the
 * reduced dims, running BODY with `v` (type ACC_T) bound to each element. */
#define KILN_RED_VISIT(T, ACC_T, LD, BODY)                                                           \
    if (rcount > 0) {                                                                                \
        int32_t ri_[KILN_MAX_RANK];                                                                  \
        size_t roff_ = 0;                                                                            \
        int32_t d_, r_;                                                                              \
        for (d_ = 0; d_ < nr; d_++) ri_[d_] = 0;                                                     \
        for (;;) {                                                                                   \
            const T *p_ = x + base + roff_;                                                          \
            for (r_ = 0; r_ < rlast; r_++) {                                                         \
                const ACC_T v = LD(p_[(size_t)r_ * rlst]);                                           \
                BODY                                                                                 \
            }                                                                                        \
            for (d_ = nr - 2; d_ >= 0; d_--) {                                                       \
                roff_ += (size_t)rst[d_];                                                            \
                if (++ri_[d_] < rs[d_]) break;                                                       \
                roff_ -= (size_t)rst[d_] * (size_t)rs[d_];                                           \
                ri_[d_] = 0;                                                                         \
            }                                                                                        \
            if (d_ < 0) break;                                                                       \
        }                                                                                            \
    }

/* One reduction: INIT is the identity, BODY folds `v` into `acc`, FINAL maps `acc` (and `rcount`) to the result,
 * ST stores it as T. PRE (may be empty) runs before BODY's pass, for two-pass reductions. */
#define KILN_REDUCE_DEF(NAME, SFX, T, ACC_T, LD, ST, INIT, PRE, BODY, FINAL)                           \
    void kiln_reduce_##NAME##_##SFX(const T *x, T *y, int32_t nk, const int32_t *ks, const int32_t *kst, \
                                    int32_t nr, const int32_t *rs, const int32_t *rst)                 \
    {                                                                                                  \
        int32_t ki[KILN_MAX_RANK];                                                                     \
        size_t base = 0, o, nout = 1, rcount = 1;                                                      \
        const int32_t rlast = nr > 0 ? rs[nr - 1] : 1;                                                 \
        const size_t rlst = nr > 0 ? (size_t)rst[nr - 1] : 0;                                          \
        int32_t d;                                                                                     \
        for (d = 0; d < nk; d++) {                                                                     \
            ki[d] = 0;                                                                                 \
            nout *= (size_t)ks[d];                                                                     \
        }                                                                                              \
        for (d = 0; d < nr; d++) rcount *= (size_t)rs[d];                                              \
        for (o = 0; o < nout; o++) {                                                                   \
            ACC_T acc = INIT;                                                                          \
            PRE                                                                                        \
            KILN_RED_VISIT(T, ACC_T, LD, BODY)                                                         \
            y[o] = ST(FINAL);                                                                          \
            for (d = nk - 1; d >= 0; d--) {                                                            \
                base += (size_t)kst[d];                                                                \
                if (++ki[d] < ks[d]) break;                                                            \
                base -= (size_t)kst[d] * (size_t)ks[d];                                                \
                ki[d] = 0;                                                                             \
            }                                                                                          \
        }                                                                                              \
    }

#define KILN_ID(v) (v)
#define KILN_F32(v) ((float)(v))
#define KILN_F64(v) ((double)(v))

/* NaN-propagating max/min (NumPy semantics). */
#define KILN_RED_FMAX if (v > acc || v != v) acc = v;
#define KILN_RED_FMIN if (v < acc || v != v) acc = v;

/* logsumexp: PRE finds the max (first pass), BODY sums exp(v - max); an infinite or NaN max is the result. */
#define KILN_REDUCE_FLOATS(SFX, T, ACC_T, LD, ST, SQRT, LOG, EXP)                                      \
    KILN_REDUCE_DEF(sum, SFX, T, ACC_T, LD, ST, (ACC_T)0, , acc += v;, acc)                            \
    KILN_REDUCE_DEF(mean, SFX, T, ACC_T, LD, ST, (ACC_T)0, , acc += v;,                                \
                    rcount ? acc / (ACC_T)rcount : (ACC_T)NAN)                                         \
    KILN_REDUCE_DEF(max, SFX, T, ACC_T, LD, ST, -(ACC_T)INFINITY, , KILN_RED_FMAX, acc)                \
    KILN_REDUCE_DEF(min, SFX, T, ACC_T, LD, ST, (ACC_T)INFINITY, , KILN_RED_FMIN, acc)                 \
    KILN_REDUCE_DEF(prod, SFX, T, ACC_T, LD, ST, (ACC_T)1, , acc *= v;, acc)                           \
    KILN_REDUCE_DEF(l1, SFX, T, ACC_T, LD, ST, (ACC_T)0, , acc += v < 0 ? -v : v;, acc)                \
    KILN_REDUCE_DEF(sumsquare, SFX, T, ACC_T, LD, ST, (ACC_T)0, , acc += v * v;, acc)                  \
    KILN_REDUCE_DEF(l2, SFX, T, ACC_T, LD, ST, (ACC_T)0, , acc += v * v;, SQRT(acc))                   \
    KILN_REDUCE_DEF(logsum, SFX, T, ACC_T, LD, ST, (ACC_T)0, , acc += v;, LOG(acc))                    \
    KILN_REDUCE_DEF(logsumexp, SFX, T, ACC_T, LD, ST, (ACC_T)0,                                        \
                    ACC_T mx = -(ACC_T)INFINITY;                                                       \
                    KILN_RED_VISIT(T, ACC_T, LD, if (v > mx || v != v) mx = v;),                       \
                    acc += EXP(v - mx);,                                                               \
                    (mx != mx || mx == (ACC_T)INFINITY || mx == -(ACC_T)INFINITY) ? mx : mx + LOG(acc))

KILN_REDUCE_FLOATS(f32, float, float, KILN_F32, KILN_ID, sqrtf, logf, expf)
KILN_REDUCE_FLOATS(f64, double, double, KILN_F64, KILN_ID, sqrt, log, exp)
KILN_REDUCE_FLOATS(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, sqrtf, logf, expf)
KILN_REDUCE_FLOATS(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, sqrtf, logf, expf)

/* Integers: sums, products and squares in the unsigned type U (wrapping, never UB); max/min compare as T. */
#define KILN_RED_IMAX if (v > acc) acc = v;
#define KILN_RED_IMIN if (v < acc) acc = v;

#define KILN_REDUCE_INTS(SFX, T, U, LO, HI, MEAN, ABS)                                                      \
    KILN_REDUCE_DEF(sum, SFX, T, U, (U), (T), (U)0, , acc += v;, acc)                                  \
    KILN_REDUCE_DEF(mean, SFX, T, uint64_t, KILN_WIDE, (T), (uint64_t)0, , acc += v;, MEAN)                                \
    KILN_REDUCE_DEF(max, SFX, T, T, KILN_ID, (T), (T)LO, , KILN_RED_IMAX, acc)                         \
    KILN_REDUCE_DEF(min, SFX, T, T, KILN_ID, (T), (T)HI, , KILN_RED_IMIN, acc)                         \
    KILN_REDUCE_DEF(prod, SFX, T, U, (U), (T), (U)1, , acc *= v;, acc)                                 \
    KILN_REDUCE_DEF(l1, SFX, T, T, KILN_ID, (T), (T)0, , acc = (T)((U)acc + ABS(v));, acc) \
    KILN_REDUCE_DEF(sumsquare, SFX, T, U, (U), (T), (U)0, , acc += v * v;, acc)

/* Means sum in 64 bits (exact for 8- to 32-bit elements; int64 sums wrap), then divide toward zero. */
#define KILN_WIDE(v) ((uint64_t)(int64_t)(v))
#define KILN_SABS(v) ((v) < 0 ? 0u - (uint64_t)(v) : (uint64_t)(v))
#define KILN_UABS(v) (v)
#define KILN_SMEAN(T, U, BITS) (rcount ? (T)(kiln_red_signed64(acc) / (int64_t)rcount) : (T)0)
#define KILN_UMEAN(T) (rcount ? (T)((uint64_t)acc / (uint64_t)rcount) : (T)0)

static int64_t kiln_red_signed64(uint64_t u)
{
    /* INT64_MIN / count never overflows for count >= 1 */
    return (u & 0x8000000000000000ull) ? -(int64_t)(~u) - 1 : (int64_t)u;
}

KILN_REDUCE_INTS(i8, int8_t, uint32_t, INT8_MIN, INT8_MAX, KILN_SMEAN(int8_t, uint32_t, 8), KILN_SABS)
KILN_REDUCE_INTS(i16, int16_t, uint32_t, INT16_MIN, INT16_MAX, KILN_SMEAN(int16_t, uint32_t, 16), KILN_SABS)
KILN_REDUCE_INTS(i32, int32_t, uint32_t, INT32_MIN, INT32_MAX, KILN_SMEAN(int32_t, uint32_t, 32), KILN_SABS)
KILN_REDUCE_INTS(i64, int64_t, uint64_t, INT64_MIN, INT64_MAX, KILN_SMEAN(int64_t, uint64_t, 64), KILN_SABS)
KILN_REDUCE_INTS(u8, uint8_t, uint32_t, 0, UINT8_MAX, KILN_UMEAN(uint8_t), KILN_UABS)
KILN_REDUCE_INTS(u16, uint16_t, uint32_t, 0, UINT16_MAX, KILN_UMEAN(uint16_t), KILN_UABS)
KILN_REDUCE_INTS(u32, uint32_t, uint32_t, 0, UINT32_MAX, KILN_UMEAN(uint32_t), KILN_UABS)
KILN_REDUCE_INTS(u64, uint64_t, uint64_t, 0, UINT64_MAX, KILN_UMEAN(uint64_t), KILN_UABS)

/* bool: max is "any", min is "all" (identities false and true). */
KILN_REDUCE_DEF(max, bool, uint8_t, uint8_t, KILN_ID, (uint8_t), (uint8_t)0, , if (v) acc = 1;, acc)
KILN_REDUCE_DEF(min, bool, uint8_t, uint8_t, KILN_ID, (uint8_t), (uint8_t)1, , if (!v) acc = 0;, acc)
