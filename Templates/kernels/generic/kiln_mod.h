#ifndef KILN_MOD_H
#define KILN_MOD_H
#include "kiln_broadcast.h"

/* Mod with NumPy broadcasting (see kiln_broadcast.h).
 * - kiln_mod_<t> (fmod = 0): the result has the sign of the divisor (Python / numpy.mod); a zero result is
 *   +0 or -0 like the divisor.
 * - kiln_fmod_<t> (fmod = 1): the result has the sign of the dividend (C fmod and %).
 * Integer x mod 0 is 0 and INT_MIN mod -1 is 0; float x mod 0 is NaN. float16/bfloat16 compute in float. */
#define KILN_MOD_DECL(OP, SUF, T) \
    void kiln_##OP##_##SUF(const T *a, const T *b, T *y, int32_t rank, const int32_t *shape, const int32_t *sa, const int32_t *sb);
#define KILN_MOD_DECL_ALL(OP)          \
    KILN_MOD_DECL(OP, f32, float)      \
    KILN_MOD_DECL(OP, f64, double)     \
    KILN_MOD_DECL(OP, f16, uint16_t)   \
    KILN_MOD_DECL(OP, bf16, uint16_t)  \
    KILN_MOD_DECL(OP, i8, int8_t)      \
    KILN_MOD_DECL(OP, i16, int16_t)    \
    KILN_MOD_DECL(OP, i32, int32_t)    \
    KILN_MOD_DECL(OP, i64, int64_t)    \
    KILN_MOD_DECL(OP, u8, uint8_t)     \
    KILN_MOD_DECL(OP, u16, uint16_t)   \
    KILN_MOD_DECL(OP, u32, uint32_t)   \
    KILN_MOD_DECL(OP, u64, uint64_t)

KILN_MOD_DECL_ALL(mod)
KILN_MOD_DECL_ALL(fmod)

#endif
