#include "kiln_relu.h"

#define KILN_RELU_DEF(NAME, T)                                           \
    void NAME(const T *x, T *y, int32_t n)                               \
    {                                                                    \
        int32_t i;                                                       \
        for (i = 0; i < n; i++) y[i] = x[i] < (T)0 ? (T)0 : x[i];        \
    }

KILN_RELU_DEF(kiln_relu_f32, float)
KILN_RELU_DEF(kiln_relu_f64, double)
KILN_RELU_DEF(kiln_relu_i8, int8_t)
KILN_RELU_DEF(kiln_relu_i16, int16_t)
KILN_RELU_DEF(kiln_relu_i32, int32_t)
KILN_RELU_DEF(kiln_relu_i64, int64_t)
