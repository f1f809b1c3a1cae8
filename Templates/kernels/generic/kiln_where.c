#include "kiln_where.h"

#define KILN_WHERE_DEF(SUF, T) KILN_BROADCAST3_DEF(kiln_where_##SUF, uint8_t, T, T, T, *pa ? *pb : *pc)

KILN_WHERE_DEF(f32, float)
KILN_WHERE_DEF(f64, double)
KILN_WHERE_DEF(f16, uint16_t)
KILN_WHERE_DEF(bf16, uint16_t)
KILN_WHERE_DEF(i8, int8_t)
KILN_WHERE_DEF(i16, int16_t)
KILN_WHERE_DEF(i32, int32_t)
KILN_WHERE_DEF(i64, int64_t)
KILN_WHERE_DEF(u8, uint8_t)
KILN_WHERE_DEF(u16, uint16_t)
KILN_WHERE_DEF(u32, uint32_t)
KILN_WHERE_DEF(u64, uint64_t)
KILN_WHERE_DEF(bool, uint8_t)
