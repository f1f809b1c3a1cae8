#ifndef KILN_PRELU_H
#define KILN_PRELU_H
#include "kiln_broadcast.h"

/* PRelu with the slope broadcast to x (see kiln_broadcast.h): y = x < 0 ? slope * x : x.
 * Integers wrap; float16/bfloat16 compute in float. (Unsigned inputs are never negative: the compiler copies.) */
#define KILN_PRELU_DECL(SUF, T) \
    void kiln_prelu_##SUF(const T *a, const T *b, T *y, int32_t rank, const int32_t *shape, const int32_t *sa, const int32_t *sb);
KILN_PRELU_DECL(f32, float)
KILN_PRELU_DECL(f64, double)
KILN_PRELU_DECL(f16, uint16_t)
KILN_PRELU_DECL(bf16, uint16_t)
KILN_PRELU_DECL(i32, int32_t)
KILN_PRELU_DECL(i64, int64_t)

#endif
