#include "kiln_argmax.h"

/* BETTER(v, best) is true when v replaces best; EQUAL when it ties. */
#define KILN_ARG_DEF(NAME, T, V, LD, BETTER)                                                             \
    void NAME(const T *x, int64_t *y, int32_t outer, int32_t n, int32_t inner, int32_t select_last)      \
    {                                                                                                    \
        int32_t o, i, k;                                                                                 \
        for (o = 0; o < outer; o++) {                                                                    \
            for (i = 0; i < inner; i++) {                                                                \
                const T *p = x + ((size_t)o * (size_t)n) * (size_t)inner + (size_t)i;                    \
                int32_t bi = 0;                                                                          \
                if (n > 0) {                                                                             \
                    V best = LD(p[0]);                                                                   \
                    for (k = 1; k < n; k++) {                                                            \
                        const V v = LD(p[(size_t)k * (size_t)inner]);                                    \
                        if (best != best) break; /* a NaN already won */                                 \
                        if ((BETTER) || v != v || (select_last && v == best)) {                          \
                            best = v;                                                                    \
                            bi = k;                                                                      \
                        }                                                                                \
                    }                                                                                    \
                }                                                                                        \
                y[(size_t)o * (size_t)inner + (size_t)i] = bi;                                           \
            }                                                                                            \
        }                                                                                                \
    }

#define KILN_ARG_ID(v) (v)
#define KILN_ARG_TYPE(SFX, T, V, LD)                              \
    KILN_ARG_DEF(kiln_argmax_##SFX, T, V, LD, v > best)           \
    KILN_ARG_DEF(kiln_argmin_##SFX, T, V, LD, v < best)

KILN_ARG_TYPE(f32, float, float, KILN_ARG_ID)
KILN_ARG_TYPE(f64, double, double, KILN_ARG_ID)
KILN_ARG_TYPE(f16, uint16_t, float, kiln_f16_to_f32)
KILN_ARG_TYPE(bf16, uint16_t, float, kiln_bf16_to_f32)
KILN_ARG_TYPE(i8, int8_t, int8_t, KILN_ARG_ID)
KILN_ARG_TYPE(i16, int16_t, int16_t, KILN_ARG_ID)
KILN_ARG_TYPE(i32, int32_t, int32_t, KILN_ARG_ID)
KILN_ARG_TYPE(i64, int64_t, int64_t, KILN_ARG_ID)
KILN_ARG_TYPE(u8, uint8_t, uint8_t, KILN_ARG_ID)
KILN_ARG_TYPE(u16, uint16_t, uint16_t, KILN_ARG_ID)
KILN_ARG_TYPE(u32, uint32_t, uint32_t, KILN_ARG_ID)
KILN_ARG_TYPE(u64, uint64_t, uint64_t, KILN_ARG_ID)
