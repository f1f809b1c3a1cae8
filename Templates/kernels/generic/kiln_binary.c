#include "kiln_binary.h"

/* One broadcasting loop, instantiated per operator and type. The innermost dim runs as a strided loop;
 * outer dims advance an index odometer so no division is needed per element. */
#define KILN_BINARY_DEF(NAME, TA, TB, TY, EXPR)                                                        \
    void NAME(const TA *a, const TB *b, TY *y, int32_t rank, const int32_t *shape, const int32_t *sa, \
              const int32_t *sb)                                                                      \
    {                                                                                                 \
        int32_t idx[KILN_MAX_RANK] = {0};                                                             \
        int32_t outer = 1, inner = 1, ia = 0, ib = 0, sai = 0, sbi = 0, o, i, d;                      \
        TY *out = y;                                                                                  \
        for (d = 0; d + 1 < rank; d++) outer *= shape[d];                                             \
        if (rank > 0) {                                                                               \
            inner = shape[rank - 1];                                                                  \
            sai = sa[rank - 1];                                                                       \
            sbi = sb[rank - 1];                                                                       \
        }                                                                                             \
        for (o = 0; o < outer; o++) {                                                                 \
            const TA *pa = a + ia;                                                                    \
            const TB *pb = b + ib;                                                                    \
            for (i = 0; i < inner; i++) {                                                             \
                const TA x = pa[i * sai];                                                             \
                const TB z = pb[i * sbi];                                                             \
                out[i] = (TY)(EXPR);                                                                  \
            }                                                                                         \
            out += inner;                                                                             \
            for (d = rank - 2; d >= 0; d--) {                                                         \
                ia += sa[d];                                                                          \
                ib += sb[d];                                                                          \
                if (++idx[d] < shape[d]) break;                                                       \
                ia -= sa[d] * shape[d];                                                               \
                ib -= sb[d] * shape[d];                                                               \
                idx[d] = 0;                                                                           \
            }                                                                                         \
        }                                                                                             \
    }

/* Integer arithmetic wraps (as ONNX Runtime's does) and is done in the unsigned type so it is never UB.
 * Division by zero yields 0 and INT_MIN / -1 wraps: a model cannot make the device trap. */
#define KILN_DIV_SIGNED(T, UT, MIN) (z == 0 ? (T)0 : ((x == MIN && z == -1) ? (T)x : (T)(x / z)))
#define KILN_DIV_UNSIGNED(T) (z == 0 ? (T)0 : (T)(x / z))
/* NaN-propagating max/min, as NumPy's maximum/minimum that ONNX's reference uses. */
#define KILN_FMAX (((x) != (x) || (x) > (z)) ? (x) : (z))
#define KILN_FMIN (((x) != (x) || (x) < (z)) ? (x) : (z))

#define KILN_BINARY_INT(OP, SUF, T, UT, MIN)                                                   \
    KILN_BINARY_DEF(kiln_add_##SUF, T, T, T, (UT)((UT)x + (UT)z))                              \
    KILN_BINARY_DEF(kiln_sub_##SUF, T, T, T, (UT)((UT)x - (UT)z))                              \
    KILN_BINARY_DEF(kiln_mul_##SUF, T, T, T, (UT)((UT)x * (UT)z))                              \
    KILN_BINARY_DEF(kiln_div_##SUF, T, T, T, OP)                                               \
    KILN_BINARY_DEF(kiln_max_##SUF, T, T, T, x > z ? x : z)                                    \
    KILN_BINARY_DEF(kiln_min_##SUF, T, T, T, x < z ? x : z)

KILN_BINARY_DEF(kiln_add_f32, float, float, float, x + z)
KILN_BINARY_DEF(kiln_sub_f32, float, float, float, x - z)
KILN_BINARY_DEF(kiln_mul_f32, float, float, float, x * z)
KILN_BINARY_DEF(kiln_div_f32, float, float, float, x / z)
KILN_BINARY_DEF(kiln_max_f32, float, float, float, KILN_FMAX)
KILN_BINARY_DEF(kiln_min_f32, float, float, float, KILN_FMIN)
KILN_BINARY_DEF(kiln_add_f64, double, double, double, x + z)
KILN_BINARY_DEF(kiln_sub_f64, double, double, double, x - z)
KILN_BINARY_DEF(kiln_mul_f64, double, double, double, x * z)
KILN_BINARY_DEF(kiln_div_f64, double, double, double, x / z)
KILN_BINARY_DEF(kiln_max_f64, double, double, double, KILN_FMAX)
KILN_BINARY_DEF(kiln_min_f64, double, double, double, KILN_FMIN)

/* 8- and 16-bit operands promote to int; the unsigned casts below keep the arithmetic defined. */
KILN_BINARY_INT(KILN_DIV_SIGNED(int8_t, uint32_t, INT8_MIN), i8, int8_t, uint32_t, INT8_MIN)
KILN_BINARY_INT(KILN_DIV_SIGNED(int16_t, uint32_t, INT16_MIN), i16, int16_t, uint32_t, INT16_MIN)
KILN_BINARY_INT(KILN_DIV_SIGNED(int32_t, uint32_t, INT32_MIN), i32, int32_t, uint32_t, INT32_MIN)
KILN_BINARY_INT(KILN_DIV_SIGNED(int64_t, uint64_t, INT64_MIN), i64, int64_t, uint64_t, INT64_MIN)
KILN_BINARY_INT(KILN_DIV_UNSIGNED(uint8_t), u8, uint8_t, uint32_t, 0)
KILN_BINARY_INT(KILN_DIV_UNSIGNED(uint16_t), u16, uint16_t, uint32_t, 0)
KILN_BINARY_INT(KILN_DIV_UNSIGNED(uint32_t), u32, uint32_t, uint32_t, 0)
KILN_BINARY_INT(KILN_DIV_UNSIGNED(uint64_t), u64, uint64_t, uint64_t, 0)
