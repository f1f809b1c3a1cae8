#include "kiln_cumsum.h"

/* ACC is the accumulator type, LOAD/ADD/STORE convert between storage and accumulator. */
#define KILN_CUMSUM_DEF(SUF, T, ACC, LOAD, ADD, STORE)                                                    \
    void kiln_cumsum_##SUF(const T *x, T *y, int32_t outer, int32_t n, int32_t inner, int32_t exclusive, \
                           int32_t reverse)                                                               \
    {                                                                                                     \
        int32_t o, i, j;                                                                                  \
        for (o = 0; o < outer; o++) {                                                                     \
            for (i = 0; i < inner; i++) {                                                                 \
                size_t base = (size_t)o * (size_t)n * (size_t)inner + (size_t)i;                          \
                ACC acc = 0;                                                                              \
                for (j = 0; j < n; j++) {                                                                 \
                    size_t p = base + (size_t)(reverse ? n - 1 - j : j) * (size_t)inner;                  \
                    ACC v = LOAD(x[p]);                                                                   \
                    if (exclusive) {                                                                      \
                        y[p] = STORE(acc);                                                                \
                        acc = ADD(acc, v);                                                                \
                    } else {                                                                              \
                        acc = ADD(acc, v);                                                                \
                        y[p] = STORE(acc);                                                                \
                    }                                                                                     \
                }                                                                                         \
            }                                                                                             \
        }                                                                                                 \
    }

#define KILN_CS_SAME(v) (v)
#define KILN_CS_PLUS(a, b) ((a) + (b))
#define KILN_CS_F16_ADD(a, b) kiln_f16_to_f32(kiln_f32_to_f16((a) + (b)))
#define KILN_CS_BF16_ADD(a, b) kiln_bf16_to_f32(kiln_f32_to_bf16((a) + (b)))
#define KILN_CS_U32_ADD(a, b) ((uint32_t)((a) + (b)))
#define KILN_CS_U64_ADD(a, b) ((uint64_t)((a) + (b)))
#define KILN_CS_TO_I32(v) ((int32_t)(v))
#define KILN_CS_TO_I64(v) ((int64_t)(v))

KILN_CUMSUM_DEF(f32, float, float, KILN_CS_SAME, KILN_CS_PLUS, KILN_CS_SAME)
KILN_CUMSUM_DEF(f64, double, double, KILN_CS_SAME, KILN_CS_PLUS, KILN_CS_SAME)
KILN_CUMSUM_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_CS_F16_ADD, kiln_f32_to_f16)
KILN_CUMSUM_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_CS_BF16_ADD, kiln_f32_to_bf16)
KILN_CUMSUM_DEF(i32, int32_t, uint32_t, (uint32_t), KILN_CS_U32_ADD, KILN_CS_TO_I32)
KILN_CUMSUM_DEF(i64, int64_t, uint64_t, (uint64_t), KILN_CS_U64_ADD, KILN_CS_TO_I64)
KILN_CUMSUM_DEF(u32, uint32_t, uint32_t, KILN_CS_SAME, KILN_CS_U32_ADD, KILN_CS_SAME)
KILN_CUMSUM_DEF(u64, uint64_t, uint64_t, KILN_CS_SAME, KILN_CS_U64_ADD, KILN_CS_SAME)
