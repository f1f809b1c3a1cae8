#include "kiln_binary.h"

/* Integer arithmetic is done in the unsigned type so that overflow wraps (as ONNX Runtime's does) and is never UB.
 * Division by zero yields 0 and INT_MIN / -1 wraps: a model cannot make the device trap. */
#define KILN_DIV_SIGNED(MIN) (z == 0 ? 0 : ((x == MIN && z == -1) ? x : x / z))
#define KILN_DIV_UNSIGNED (z == 0 ? 0 : x / z)
/* NaN-propagating max/min, as NumPy's maximum/minimum that ONNX's reference uses. */
#define KILN_FMAX (((x) != (x) || (x) > (z)) ? (x) : (z))
#define KILN_FMIN (((x) != (x) || (x) < (z)) ? (x) : (z))

#define KILN_BINARY_FLOAT(SUF, T)                          \
    KILN_BINARY_SAME(kiln_add_##SUF, T, x + z)             \
    KILN_BINARY_SAME(kiln_sub_##SUF, T, x - z)             \
    KILN_BINARY_SAME(kiln_mul_##SUF, T, x * z)             \
    KILN_BINARY_SAME(kiln_div_##SUF, T, x / z)             \
    KILN_BINARY_SAME(kiln_max_##SUF, T, KILN_FMAX)         \
    KILN_BINARY_SAME(kiln_min_##SUF, T, KILN_FMIN)

#define KILN_BINARY_HALF(SUF, DEF)                         \
    DEF(kiln_add_##SUF, x + z)                             \
    DEF(kiln_sub_##SUF, x - z)                             \
    DEF(kiln_mul_##SUF, x * z)                             \
    DEF(kiln_div_##SUF, x / z)                             \
    DEF(kiln_max_##SUF, KILN_FMAX)                         \
    DEF(kiln_min_##SUF, KILN_FMIN)

/* 8- and 16-bit operands promote to int; the unsigned casts keep the arithmetic defined. */
#define KILN_BINARY_INT(SUF, T, UT, DIV)                   \
    KILN_BINARY_SAME(kiln_add_##SUF, T, (UT)((UT)x + (UT)z)) \
    KILN_BINARY_SAME(kiln_sub_##SUF, T, (UT)((UT)x - (UT)z)) \
    KILN_BINARY_SAME(kiln_mul_##SUF, T, (UT)((UT)x * (UT)z)) \
    KILN_BINARY_SAME(kiln_div_##SUF, T, DIV)               \
    KILN_BINARY_SAME(kiln_max_##SUF, T, x > z ? x : z)     \
    KILN_BINARY_SAME(kiln_min_##SUF, T, x < z ? x : z)

KILN_BINARY_FLOAT(f32, float)
KILN_BINARY_FLOAT(f64, double)
KILN_BINARY_HALF(f16, KILN_BINARY_F16)
KILN_BINARY_HALF(bf16, KILN_BINARY_BF16)
KILN_BINARY_INT(i8, int8_t, uint32_t, KILN_DIV_SIGNED(INT8_MIN))
KILN_BINARY_INT(i16, int16_t, uint32_t, KILN_DIV_SIGNED(INT16_MIN))
KILN_BINARY_INT(i32, int32_t, uint32_t, KILN_DIV_SIGNED(INT32_MIN))
KILN_BINARY_INT(i64, int64_t, uint64_t, KILN_DIV_SIGNED(INT64_MIN))
KILN_BINARY_INT(u8, uint8_t, uint32_t, KILN_DIV_UNSIGNED)
KILN_BINARY_INT(u16, uint16_t, uint32_t, KILN_DIV_UNSIGNED)
KILN_BINARY_INT(u32, uint32_t, uint32_t, KILN_DIV_UNSIGNED)
KILN_BINARY_INT(u64, uint64_t, uint64_t, KILN_DIV_UNSIGNED)
