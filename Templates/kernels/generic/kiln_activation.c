#include "kiln_activation.h"
#include "kiln_convert.h"
#include <math.h>

/* Numerically stable forms: no exp() overflow for large |x|. */
static float kiln_sigmoid_f(float v)
{
    float e;
    if (v >= 0.0f) return 1.0f / (1.0f + expf(-v));
    e = expf(v);
    return e / (1.0f + e);
}
static double kiln_sigmoid_d(double v)
{
    double e;
    if (v >= 0.0) return 1.0 / (1.0 + exp(-v));
    e = exp(v);
    return e / (1.0 + e);
}
static float kiln_softplus_f(float v) { return v > 0.0f ? v + log1pf(expf(-v)) : log1pf(expf(v)); }
static double kiln_softplus_d(double v) { return v > 0.0 ? v + log1p(exp(-v)) : log1p(exp(v)); }
static float kiln_clamp01_f(float t) { t = t < 0.0f ? 0.0f : t; return t > 1.0f ? 1.0f : t; }
static double kiln_clamp01_d(double t) { t = t < 0.0 ? 0.0 : t; return t > 1.0 ? 1.0 : t; }

/* One loop per op and type. K is the number of float parameters after n (0, 1 or 2): KILN_P<K>() declares
 * them and KILN_S<K>(CT) converts them to the compute type as `a` and `b`. */
#define KILN_P0()
#define KILN_P1() , float alpha
#define KILN_P2() , float alpha, float beta
#define KILN_S0(CT)
#define KILN_S1(CT) const CT a = (CT)alpha;
#define KILN_S2(CT) const CT a = (CT)alpha, b = (CT)beta;

#define KILN_ACT_DEF(NAME, T, CT, LD, ST, K, EXPR)          \
    void NAME(const T *x, T *y, int32_t n KILN_P##K())      \
    {                                                       \
        int32_t i;                                          \
        KILN_S##K(CT)                                       \
        for (i = 0; i < n; i++) {                           \
            const CT v = LD(x[i]);                          \
            y[i] = ST(EXPR);                                \
        }                                                   \
    }

#define KILN_ACT_FLOATS(OP, K, EF, ED)                                                                 \
    KILN_ACT_DEF(kiln_##OP##_f32, float, float, KILN_ID, KILN_ID, K, EF)                               \
    KILN_ACT_DEF(kiln_##OP##_f64, double, double, KILN_ID, KILN_ID, K, ED)                             \
    KILN_ACT_DEF(kiln_##OP##_f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, K, EF)            \
    KILN_ACT_DEF(kiln_##OP##_bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, K, EF)

KILN_ACT_FLOATS(sigmoid, 0, kiln_sigmoid_f(v), kiln_sigmoid_d(v))
KILN_ACT_FLOATS(tanh, 0, tanhf(v), tanh(v))
KILN_ACT_FLOATS(softplus, 0, kiln_softplus_f(v), kiln_softplus_d(v))
KILN_ACT_FLOATS(softsign, 0, v / (1.0f + fabsf(v)), v / (1.0 + fabs(v)))
KILN_ACT_FLOATS(hardswish, 0, v * kiln_clamp01_f(v * (1.0f / 6.0f) + 0.5f),
                v * kiln_clamp01_d(v * (1.0 / 6.0) + 0.5))
KILN_ACT_FLOATS(mish, 0, v * tanhf(kiln_softplus_f(v)), v * tanh(kiln_softplus_d(v)))
KILN_ACT_FLOATS(gelu, 0, 0.5f * v * (1.0f + erff(v * 0.70710678118654752f)),
                0.5 * v * (1.0 + erf(v * 0.70710678118654752)))
KILN_ACT_FLOATS(gelu_tanh, 0,
                0.5f * v * (1.0f + tanhf(0.79788456080286536f * (v + 0.044715f * v * v * v))),
                0.5 * v * (1.0 + tanh(0.79788456080286536 * (v + 0.044715 * v * v * v))))
KILN_ACT_FLOATS(leakyrelu, 1, v < 0.0f ? a * v : v, v < 0.0 ? a * v : v)
KILN_ACT_FLOATS(elu, 1, v < 0.0f ? a * expm1f(v) : v, v < 0.0 ? a * expm1(v) : v)
KILN_ACT_FLOATS(celu, 1, v > 0.0f ? v : a * expm1f(v / a), v > 0.0 ? v : a * expm1(v / a))
KILN_ACT_FLOATS(thresholdedrelu, 1, v > a ? v : 0.0f, v > a ? v : 0.0)
KILN_ACT_FLOATS(swish, 1, v * kiln_sigmoid_f(a * v), v * kiln_sigmoid_d(a * v))
KILN_ACT_FLOATS(hardsigmoid, 2, kiln_clamp01_f(a * v + b), kiln_clamp01_d(a * v + b))
/* selu: alpha, gamma */
KILN_ACT_FLOATS(selu, 2, v > 0.0f ? b * v : b * a * expm1f(v), v > 0.0 ? b * v : b * a * expm1(v))
/* shrink: lambd, bias */
KILN_ACT_FLOATS(shrink, 2, v < -a ? v + b : (v > a ? v - b : 0.0f), v < -a ? v + b : (v > a ? v - b : 0.0))

#define KILN_SHRINK_INT(SUF, T, CONV)                                                               \
    KILN_ACT_DEF(kiln_shrink_##SUF, T, double, (double), CONV, 2,                   \
                 v < -a ? v + b : (v > a ? v - b : 0.0))
KILN_SHRINK_INT(i8, int8_t, kiln_d_to_i8)
KILN_SHRINK_INT(i16, int16_t, kiln_d_to_i16)
KILN_SHRINK_INT(i32, int32_t, kiln_d_to_i32)
KILN_SHRINK_INT(i64, int64_t, kiln_d_to_i64)
KILN_SHRINK_INT(u8, uint8_t, kiln_d_to_u8)
KILN_SHRINK_INT(u16, uint16_t, kiln_d_to_u16)
KILN_SHRINK_INT(u32, uint32_t, kiln_d_to_u32)
KILN_SHRINK_INT(u64, uint64_t, kiln_d_to_u64)

/* SwiGLU: the Swish gate of a times b, element by element. */
#define KILN_SWIGLU_DEF(SUF, T, CT, LD, ST, SIG)                                     \
    void kiln_swiglu_##SUF(const T *a, const T *b, T *y, int32_t n, float alpha)     \
    {                                                                                \
        const CT al = (CT)alpha;                                                     \
        int32_t i;                                                                   \
        for (i = 0; i < n; i++) {                                                    \
            const CT v = LD(a[i]);                                                   \
            y[i] = ST(v * SIG(al * v) * LD(b[i]));                                   \
        }                                                                            \
    }
KILN_SWIGLU_DEF(f32, float, float, KILN_ID, KILN_ID, kiln_sigmoid_f)
KILN_SWIGLU_DEF(f64, double, double, KILN_ID, KILN_ID, kiln_sigmoid_d)
KILN_SWIGLU_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, kiln_sigmoid_f)
KILN_SWIGLU_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, kiln_sigmoid_f)
