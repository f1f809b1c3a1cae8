#include "kiln_logic.h"

KILN_BINARY_SAME(kiln_and_bool, uint8_t, (x != 0) & (z != 0))
KILN_BINARY_SAME(kiln_or_bool, uint8_t, (x != 0) | (z != 0))
KILN_BINARY_SAME(kiln_xor_bool, uint8_t, (x != 0) ^ (z != 0))
KILN_UNARY_DEF(kiln_not_bool, uint8_t, uint8_t, uint8_t, KILN_ID, v == 0, (uint8_t))

/* Bit operations run on the unsigned type UT of the same width (W bits), so nothing is UB:
 * - a left shift is (UT)x << z, truncated back to W bits;
 * - a right shift of a negative signed value is ~(~x >> z), i.e. arithmetic, without implementation-defined
 *   behaviour. The shift count is compared as a signed value first: counts outside [0, W) are defined above. */
#define KILN_SHIFT_OK_S(W) ((z) >= 0 && (uint64_t)(z) < (W))
#define KILN_SHIFT_OK_U(W) ((uint64_t)(z) < (W))
#define KILN_SHL_S(UT, W) (KILN_SHIFT_OK_S(W) ? (UT)((UT)x << (z)) : (UT)0)
#define KILN_SHL_U(UT, W) (KILN_SHIFT_OK_U(W) ? (UT)((UT)x << (z)) : (UT)0)
#define KILN_SHR_U(UT, W) (KILN_SHIFT_OK_U(W) ? (UT)((UT)x >> (z)) : (UT)0)
#define KILN_SHR_S(UT, W)                                                              \
    (x < 0 ? (KILN_SHIFT_OK_S(W) ? (UT) ~((UT) ~(UT)x >> (z)) : (UT) ~(UT)0)           \
           : (KILN_SHIFT_OK_S(W) ? (UT)((UT)x >> (z)) : (UT)0))

#define KILN_LOGIC_INT(SUF, T, UT, W, SHL, SHR)                               \
    KILN_BINARY_SAME(kiln_bitwise_and_##SUF, T, (UT)((UT)x & (UT)z))          \
    KILN_BINARY_SAME(kiln_bitwise_or_##SUF, T, (UT)((UT)x | (UT)z))           \
    KILN_BINARY_SAME(kiln_bitwise_xor_##SUF, T, (UT)((UT)x ^ (UT)z))          \
    KILN_UNARY_DEF(kiln_bitwise_not_##SUF, T, T, T, KILN_ID, (UT) ~(UT)v, (T)) \
    KILN_BINARY_SAME(kiln_bitshift_left_##SUF, T, SHL(UT, W))            \
    KILN_BINARY_SAME(kiln_bitshift_right_##SUF, T, SHR(UT, W))

KILN_LOGIC_INT(i8, int8_t, uint8_t, 8, KILN_SHL_S, KILN_SHR_S)
KILN_LOGIC_INT(i16, int16_t, uint16_t, 16, KILN_SHL_S, KILN_SHR_S)
KILN_LOGIC_INT(i32, int32_t, uint32_t, 32, KILN_SHL_S, KILN_SHR_S)
KILN_LOGIC_INT(i64, int64_t, uint64_t, 64, KILN_SHL_S, KILN_SHR_S)
KILN_LOGIC_INT(u8, uint8_t, uint8_t, 8, KILN_SHL_U, KILN_SHR_U)
KILN_LOGIC_INT(u16, uint16_t, uint16_t, 16, KILN_SHL_U, KILN_SHR_U)
KILN_LOGIC_INT(u32, uint32_t, uint32_t, 32, KILN_SHL_U, KILN_SHR_U)
KILN_LOGIC_INT(u64, uint64_t, uint64_t, 64, KILN_SHL_U, KILN_SHR_U)
