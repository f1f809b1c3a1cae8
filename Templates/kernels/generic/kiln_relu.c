#include "kiln_relu.h"

#define KILN_RELU_DEF(NAME, T)                                           \
    void NAME(const T *x, T *y, int32_t n)                               \
    {                                                                    \
        int32_t i;                                                       \
        for (i = 0; i < n; i++) y[i] = x[i] < (T)0 ? (T)0 : x[i];        \
    }

/* Half types on their bit patterns: a set sign bit on a non-NaN value (magnitude <= infinity) means x <= -0. */
#define KILN_RELU_HALF_DEF(NAME, INF)                                                           \
    void NAME(const uint16_t *x, uint16_t *y, int32_t n)                                        \
    {                                                                                           \
        int32_t i;                                                                              \
        for (i = 0; i < n; i++) {                                                               \
            const uint16_t v = x[i];                                                            \
            y[i] = ((v & 0x8000u) && (v & 0x7fffu) <= INF && (v & 0x7fffu) != 0) ? 0 : v;       \
        }                                                                                       \
    }

KILN_RELU_DEF(kiln_relu_f32, float)
KILN_RELU_DEF(kiln_relu_f64, double)
KILN_RELU_HALF_DEF(kiln_relu_f16, 0x7c00u)
KILN_RELU_HALF_DEF(kiln_relu_bf16, 0x7f80u)
KILN_RELU_DEF(kiln_relu_i8, int8_t)
KILN_RELU_DEF(kiln_relu_i16, int16_t)
KILN_RELU_DEF(kiln_relu_i32, int32_t)
KILN_RELU_DEF(kiln_relu_i64, int64_t)
