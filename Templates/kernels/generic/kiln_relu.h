#ifndef KILN_RELU_H
#define KILN_RELU_H
#include "kiln_common.h"

/* y = max(x, 0) over n elements; y may alias x. NaN stays NaN; -0 stays -0 for float16/bfloat16. */
void kiln_relu_f32(const float *x, float *y, int32_t n);
void kiln_relu_f64(const double *x, double *y, int32_t n);
void kiln_relu_f16(const uint16_t *x, uint16_t *y, int32_t n);
void kiln_relu_bf16(const uint16_t *x, uint16_t *y, int32_t n);
void kiln_relu_i8(const int8_t *x, int8_t *y, int32_t n);
void kiln_relu_i16(const int16_t *x, int16_t *y, int32_t n);
void kiln_relu_i32(const int32_t *x, int32_t *y, int32_t n);
void kiln_relu_i64(const int64_t *x, int64_t *y, int32_t n);

#endif
