#include "kiln_cumprod.h"

/* ACC is the accumulator type (unsigned for integers so that products wrap without undefined behaviour). */
#define KILN_CUMPROD_DEF(SUF, T, ACC)                                                                      \
    void kiln_cumprod_##SUF(const T *x, T *y, int32_t outer, int32_t len, int32_t inner, int32_t exclusive, \
                            int32_t reverse)                                                               \
    {                                                                                                      \
        int32_t o, i, k;                                                                                   \
        for (o = 0; o < outer; o++) {                                                                      \
            for (i = 0; i < inner; i++) {                                                                  \
                ACC acc = (ACC)1;                                                                          \
                for (k = 0; k < len; k++) {                                                                \
                    const int32_t kk = reverse ? len - 1 - k : k;                                          \
                    const size_t at = ((size_t)o * (size_t)len + (size_t)kk) * (size_t)inner + (size_t)i;   \
                    const ACC v = (ACC)x[at];                                                              \
                    if (exclusive) {                                                                       \
                        y[at] = (T)acc;                                                                    \
                        acc = acc * v;                                                                     \
                    } else {                                                                               \
                        acc = acc * v;                                                                     \
                        y[at] = (T)acc;                                                                    \
                    }                                                                                      \
                }                                                                                          \
            }                                                                                              \
        }                                                                                                  \
    }
KILN_CUMPROD_DEF(f32, float, float)
KILN_CUMPROD_DEF(f64, double, double)
KILN_CUMPROD_DEF(i32, int32_t, uint32_t)
KILN_CUMPROD_DEF(i64, int64_t, uint64_t)
KILN_CUMPROD_DEF(u32, uint32_t, uint32_t)
KILN_CUMPROD_DEF(u64, uint64_t, uint64_t)
