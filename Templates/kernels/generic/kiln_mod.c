#include "kiln_mod.h"
#include <math.h>

/* numpy.mod on floats: fmod, then moved into the divisor's sign. */
static float kiln_pymod_f(float x, float z)
{
    float r = fmodf(x, z);
    if (z == 0.0f) return r;
    if (r != 0.0f) return ((r < 0.0f) != (z < 0.0f)) ? r + z : r;
    return copysignf(0.0f, z);
}
static double kiln_pymod_d(double x, double z)
{
    double r = fmod(x, z);
    if (z == 0.0) return r;
    if (r != 0.0) return ((r < 0.0) != (z < 0.0)) ? r + z : r;
    return copysign(0.0, z);
}

KILN_BINARY_SAME(kiln_mod_f32, float, kiln_pymod_f(x, z))
KILN_BINARY_SAME(kiln_mod_f64, double, kiln_pymod_d(x, z))
KILN_BINARY_F16(kiln_mod_f16, kiln_pymod_f(x, z))
KILN_BINARY_BF16(kiln_mod_bf16, kiln_pymod_f(x, z))
KILN_BINARY_SAME(kiln_fmod_f32, float, fmodf(x, z))
KILN_BINARY_SAME(kiln_fmod_f64, double, fmod(x, z))
KILN_BINARY_F16(kiln_fmod_f16, fmodf(x, z))
KILN_BINARY_BF16(kiln_fmod_bf16, fmodf(x, z))

/* C remainder with the two trapping cases defined; r + z cannot overflow (r and z have opposite signs). */
#define KILN_REM_S(MIN) ((z == 0 || (x == MIN && z == -1)) ? 0 : x % z)
#define KILN_PYMOD_S(T, MIN) \
    ((z == 0 || (x == MIN && z == -1)) ? 0 : ((x % z != 0 && ((x % z < 0) != (z < 0))) ? (T)(x % z + z) : x % z))
#define KILN_MOD_SIGNED(SUF, T, MIN)                                  \
    KILN_BINARY_SAME(kiln_mod_##SUF, T, KILN_PYMOD_S(T, MIN))         \
    KILN_BINARY_SAME(kiln_fmod_##SUF, T, KILN_REM_S(MIN))
#define KILN_MOD_UNSIGNED(SUF, T)                                     \
    KILN_BINARY_SAME(kiln_mod_##SUF, T, z == 0 ? 0 : x % z)           \
    KILN_BINARY_SAME(kiln_fmod_##SUF, T, z == 0 ? 0 : x % z)

KILN_MOD_SIGNED(i8, int8_t, INT8_MIN)
KILN_MOD_SIGNED(i16, int16_t, INT16_MIN)
KILN_MOD_SIGNED(i32, int32_t, INT32_MIN)
KILN_MOD_SIGNED(i64, int64_t, INT64_MIN)
KILN_MOD_UNSIGNED(u8, uint8_t)
KILN_MOD_UNSIGNED(u16, uint16_t)
KILN_MOD_UNSIGNED(u32, uint32_t)
KILN_MOD_UNSIGNED(u64, uint64_t)
