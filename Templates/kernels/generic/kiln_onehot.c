#include "kiln_onehot.h"

/* Position selected by an index, or -1. Integers are compared in 64 bits; uint64 values above INT64_MAX are
 * out of range anyway. Floats must be integral after wrapping (the reference compares values, not truncations). */
static int32_t kiln_onehot_pos_int(int64_t v, int32_t depth)
{
    if (v < 0) v += depth;
    return (v >= 0 && v < depth) ? (int32_t)v : -1;
}
static int32_t kiln_onehot_pos_u64(uint64_t v, int32_t depth)
{
    return v < (uint64_t)(depth > 0 ? depth : 0) ? (int32_t)v : -1;
}
static int32_t kiln_onehot_pos_double(double v, int32_t depth)
{
    int32_t i;
    if (v < 0) v += depth;
    if (!(v >= 0 && v < (double)depth)) return -1; /* also rejects NaN */
    i = (int32_t)v;
    return (double)i == v ? i : -1;
}

#define KILN_ONEHOT_POS_i8(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_i16(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_i32(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_i64(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_u8(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_u16(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_u32(v, d) kiln_onehot_pos_int((int64_t)(v), d)
#define KILN_ONEHOT_POS_u64(v, d) kiln_onehot_pos_u64((v), d)
#define KILN_ONEHOT_POS_f32(v, d) kiln_onehot_pos_double((double)(v), d)
#define KILN_ONEHOT_POS_f64(v, d) kiln_onehot_pos_double((v), d)
#define KILN_ONEHOT_POS_f16(v, d) kiln_onehot_pos_double((double)kiln_f16_to_f32(v), d)
#define KILN_ONEHOT_POS_bf16(v, d) kiln_onehot_pos_double((double)kiln_bf16_to_f32(v), d)

#define KILN_ONEHOT_DEF_ONE(IS, IT, W, T)                                                                    \
    void kiln_onehot_##IS##_b##W(const IT *indices, const void *values, void *y, int32_t outer, int32_t depth, \
                                 int32_t inner)                                                             \
    {                                                                                                        \
        T *dst = (T *)y;                                                                                     \
        T vals[2];                                                                                           \
        int32_t o, i, n, p;                                                                                  \
        memcpy(vals, values, sizeof vals);                                                                   \
        if (depth <= 0) return;                                                                              \
        n = outer * depth * inner;                                                                           \
        for (i = 0; i < n; i++) dst[i] = vals[0];                                                            \
        for (o = 0; o < outer; o++) {                                                                        \
            for (i = 0; i < inner; i++) {                                                                    \
                p = KILN_ONEHOT_POS_##IS(indices[(size_t)o * (size_t)inner + (size_t)i], depth);             \
                if (p >= 0) dst[((size_t)o * (size_t)depth + (size_t)p) * (size_t)inner + (size_t)i] = vals[1]; \
            }                                                                                                \
        }                                                                                                    \
    }
#define KILN_ONEHOT_DEF(W, T) KILN_ONEHOT_FOR_INDEX(KILN_ONEHOT_DEF_ONE, W, T)
KILN_FOR_WIDTHS(KILN_ONEHOT_DEF)
