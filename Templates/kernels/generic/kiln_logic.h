#ifndef KILN_LOGIC_H
#define KILN_LOGIC_H
#include "kiln_broadcast.h"

/* Logic and bit operators. Binary ones broadcast (see kiln_broadcast.h); unary ones take (x, y, n) and allow
 * y == x.
 * - and/or/xor on bool (any nonzero byte is true), not on bool.
 * - bitwise_and/or/xor/not on the eight integer types.
 * - bitshift_left/right: shifts a by b bits. A shift count below 0 or at least the bit width gives 0, except a
 *   right shift of a negative signed value which gives -1 (sign fill); right shifts of signed values are
 *   arithmetic, left shifts wrap. */
#define KILN_LOGIC_BIN_DECL(NAME, T) \
    void NAME(const T *a, const T *b, T *y, int32_t rank, const int32_t *shape, const int32_t *sa, const int32_t *sb);
#define KILN_LOGIC_UN_DECL(NAME, T) void NAME(const T *x, T *y, int32_t n);

#define KILN_LOGIC_INT_DECL(SUF, T)                \
    KILN_LOGIC_BIN_DECL(kiln_bitwise_and_##SUF, T) \
    KILN_LOGIC_BIN_DECL(kiln_bitwise_or_##SUF, T)  \
    KILN_LOGIC_BIN_DECL(kiln_bitwise_xor_##SUF, T) \
    KILN_LOGIC_UN_DECL(kiln_bitwise_not_##SUF, T)  \
    KILN_LOGIC_BIN_DECL(kiln_bitshift_left_##SUF, T) \
    KILN_LOGIC_BIN_DECL(kiln_bitshift_right_##SUF, T)

KILN_LOGIC_BIN_DECL(kiln_and_bool, uint8_t)
KILN_LOGIC_BIN_DECL(kiln_or_bool, uint8_t)
KILN_LOGIC_BIN_DECL(kiln_xor_bool, uint8_t)
KILN_LOGIC_UN_DECL(kiln_not_bool, uint8_t)
KILN_LOGIC_INT_DECL(i8, int8_t)
KILN_LOGIC_INT_DECL(i16, int16_t)
KILN_LOGIC_INT_DECL(i32, int32_t)
KILN_LOGIC_INT_DECL(i64, int64_t)
KILN_LOGIC_INT_DECL(u8, uint8_t)
KILN_LOGIC_INT_DECL(u16, uint16_t)
KILN_LOGIC_INT_DECL(u32, uint32_t)
KILN_LOGIC_INT_DECL(u64, uint64_t)

#endif
