#ifndef KILN_WHERE_H
#define KILN_WHERE_H
#include "kiln_broadcast.h"

/* Where with three-way NumPy broadcasting (see kiln_broadcast.h): y = cond ? a : b, cond is bool (nonzero is
 * true). One kernel per element type; y may alias a or b when that operand is not broadcast. */
#define KILN_WHERE_DECL(SUF, T)                                                                        \
    void kiln_where_##SUF(const uint8_t *cond, const T *a, const T *b, T *y, int32_t rank,             \
                          const int32_t *shape, const int32_t *scond, const int32_t *sa, const int32_t *sb);
KILN_WHERE_DECL(f32, float)
KILN_WHERE_DECL(f64, double)
KILN_WHERE_DECL(f16, uint16_t)
KILN_WHERE_DECL(bf16, uint16_t)
KILN_WHERE_DECL(i8, int8_t)
KILN_WHERE_DECL(i16, int16_t)
KILN_WHERE_DECL(i32, int32_t)
KILN_WHERE_DECL(i64, int64_t)
KILN_WHERE_DECL(u8, uint8_t)
KILN_WHERE_DECL(u16, uint16_t)
KILN_WHERE_DECL(u32, uint32_t)
KILN_WHERE_DECL(u64, uint64_t)
KILN_WHERE_DECL(bool, uint8_t)

#endif
