#ifndef KILN_RANGE_H
#define KILN_RANGE_H
#include "kiln_common.h"

/* Range: y[i] = *start + i * *delta for i < n. Integers wrap; floats are computed in double and rounded once
 * (float16/bfloat16 too), as the reference computes in float64. */
#define KILN_RANGE_DECL(SUF, T) void kiln_range_##SUF(T *y, int32_t n, const T *start, const T *delta);
KILN_RANGE_DECL(f32, float)
KILN_RANGE_DECL(f64, double)
KILN_RANGE_DECL(f16, uint16_t)
KILN_RANGE_DECL(bf16, uint16_t)
KILN_RANGE_DECL(i16, int16_t)
KILN_RANGE_DECL(i32, int32_t)
KILN_RANGE_DECL(i64, int64_t)

#endif
