#include "kiln_topk.h"

/* KEY maps a stored element to a comparable value; GT(a, b) is "a sorts after b in ascending order". */
#define KILN_TOPK_DEF(SUF, T, KT, KEY, GT)                                                                   \
    void kiln_topk_##SUF(const T *x, T *values, int64_t *indices, int32_t outer, int32_t n, int32_t inner, \
                         int32_t k, int32_t largest)                                                        \
    {                                                                                                       \
        int32_t o, i, j, m, c;                                                                              \
        if (k > n) k = n;                                                                                   \
        if (k <= 0) return;                                                                                 \
        for (o = 0; o < outer; o++) {                                                                       \
            for (i = 0; i < inner; i++) {                                                                   \
                const T *px = x + (size_t)o * (size_t)n * (size_t)inner + (size_t)i;                        \
                T *pv = values + (size_t)o * (size_t)k * (size_t)inner + (size_t)i;                         \
                int64_t *pi = indices + (size_t)o * (size_t)k * (size_t)inner + (size_t)i;                  \
                c = 0;                                                                                      \
                for (j = 0; j < n; j++) {                                                                   \
                    T v = px[(size_t)j * (size_t)inner];                                                    \
                    KT kv = KEY(v);                                                                         \
                    /* position: after every kept element that is at least as good (ties: lower index) */  \
                    m = c;                                                                                  \
                    while (m > 0) {                                                                         \
                        KT kp = KEY(pv[(size_t)(m - 1) * (size_t)inner]);                                   \
                        int better = largest ? GT(kv, kp) : GT(kp, kv);                                     \
                        if (!better) break;                                                                 \
                        m--;                                                                                \
                    }                                                                                       \
                    if (m >= k) continue;                                                                   \
                    if (c < k) c++;                                                                         \
                    {                                                                                       \
                        int32_t q;                                                                          \
                        for (q = c - 1; q > m; q--) {                                                       \
                            pv[(size_t)q * (size_t)inner] = pv[(size_t)(q - 1) * (size_t)inner];            \
                            pi[(size_t)q * (size_t)inner] = pi[(size_t)(q - 1) * (size_t)inner];            \
                        }                                                                                   \
                    }                                                                                       \
                    pv[(size_t)m * (size_t)inner] = v;                                                      \
                    pi[(size_t)m * (size_t)inner] = j;                                                      \
                }                                                                                           \
            }                                                                                               \
        }                                                                                                   \
    }

#define KILN_TOPK_ID(v) (v)
#define KILN_TOPK_INT_GT(a, b) ((a) > (b))
/* NaN sorts after every number; two NaNs are equal. */
#define KILN_TOPK_FLOAT_GT(a, b) (((a) != (a)) ? ((b) == (b)) : ((a) > (b)))

KILN_TOPK_DEF(f32, float, float, KILN_TOPK_ID, KILN_TOPK_FLOAT_GT)
KILN_TOPK_DEF(f64, double, double, KILN_TOPK_ID, KILN_TOPK_FLOAT_GT)
KILN_TOPK_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_TOPK_FLOAT_GT)
KILN_TOPK_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_TOPK_FLOAT_GT)
KILN_TOPK_DEF(i8, int8_t, int8_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(i16, int16_t, int16_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(i32, int32_t, int32_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(i64, int64_t, int64_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(u8, uint8_t, uint8_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(u16, uint16_t, uint16_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(u32, uint32_t, uint32_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
KILN_TOPK_DEF(u64, uint64_t, uint64_t, KILN_TOPK_ID, KILN_TOPK_INT_GT)
