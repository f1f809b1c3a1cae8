#include "kiln_compare.h"

#define KILN_CMP(SUF, T, CT, LD, OP, EXPR) \
    KILN_BROADCAST2_DEF(kiln_##OP##_##SUF, T, T, uint8_t, CT, LD, LD, EXPR, (uint8_t))

#define KILN_CMP_ALL(SUF, T, CT, LD)                    \
    KILN_CMP(SUF, T, CT, LD, equal, x == z)             \
    KILN_CMP(SUF, T, CT, LD, less, x < z)               \
    KILN_CMP(SUF, T, CT, LD, greater, x > z)            \
    KILN_CMP(SUF, T, CT, LD, less_equal, x <= z)        \
    KILN_CMP(SUF, T, CT, LD, greater_equal, x >= z)

KILN_CMP_ALL(f32, float, float, KILN_ID)
KILN_CMP_ALL(f64, double, double, KILN_ID)
KILN_CMP_ALL(f16, uint16_t, float, kiln_f16_to_f32)
KILN_CMP_ALL(bf16, uint16_t, float, kiln_bf16_to_f32)
KILN_CMP_ALL(i8, int8_t, int8_t, KILN_ID)
KILN_CMP_ALL(i16, int16_t, int16_t, KILN_ID)
KILN_CMP_ALL(i32, int32_t, int32_t, KILN_ID)
KILN_CMP_ALL(i64, int64_t, int64_t, KILN_ID)
KILN_CMP_ALL(u8, uint8_t, uint8_t, KILN_ID)
KILN_CMP_ALL(u16, uint16_t, uint16_t, KILN_ID)
KILN_CMP_ALL(u32, uint32_t, uint32_t, KILN_ID)
KILN_CMP_ALL(u64, uint64_t, uint64_t, KILN_ID)
/* bool: any nonzero byte is true. */
KILN_CMP(bool, uint8_t, uint8_t, KILN_ID, equal, (x != 0) == (z != 0))
