#ifndef KILN_COMPARE_H
#define KILN_COMPARE_H
#include "kiln_broadcast.h"

/* Comparisons with NumPy broadcasting (see kiln_broadcast.h): y = (a OP b) as bool (uint8_t 0/1).
 * Ops: equal, less, greater, less_equal, greater_equal. Comparisons with NaN are false. equal also takes bool. */
#define KILN_COMPARE_DECL(OP, SUF, T) \
    void kiln_##OP##_##SUF(const T *a, const T *b, uint8_t *y, int32_t rank, const int32_t *shape, const int32_t *sa, const int32_t *sb);

#define KILN_COMPARE_DECL_ALL(OP)          \
    KILN_COMPARE_DECL(OP, f32, float)      \
    KILN_COMPARE_DECL(OP, f64, double)     \
    KILN_COMPARE_DECL(OP, f16, uint16_t)   \
    KILN_COMPARE_DECL(OP, bf16, uint16_t)  \
    KILN_COMPARE_DECL(OP, i8, int8_t)      \
    KILN_COMPARE_DECL(OP, i16, int16_t)    \
    KILN_COMPARE_DECL(OP, i32, int32_t)    \
    KILN_COMPARE_DECL(OP, i64, int64_t)    \
    KILN_COMPARE_DECL(OP, u8, uint8_t)     \
    KILN_COMPARE_DECL(OP, u16, uint16_t)   \
    KILN_COMPARE_DECL(OP, u32, uint32_t)   \
    KILN_COMPARE_DECL(OP, u64, uint64_t)

KILN_COMPARE_DECL_ALL(equal)
KILN_COMPARE_DECL(equal, bool, uint8_t)
KILN_COMPARE_DECL_ALL(less)
KILN_COMPARE_DECL_ALL(greater)
KILN_COMPARE_DECL_ALL(less_equal)
KILN_COMPARE_DECL_ALL(greater_equal)

#endif
