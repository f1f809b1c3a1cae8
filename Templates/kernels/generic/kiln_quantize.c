#include "kiln_quantize.h"

#define KILN_QL_LOOP(BODY)                                                                          \
    const int32_t outer = p[KILN_QL_OUTER], axis = p[KILN_QL_AXIS], inner = p[KILN_QL_INNER];       \
    const int32_t block = p[KILN_QL_BLOCK] > 0 ? p[KILN_QL_BLOCK] : 1;                              \
    const int32_t so = p[KILN_QL_SO], sa = p[KILN_QL_SA], si = p[KILN_QL_SI];                       \
    int32_t o, a, i;                                                                                \
    size_t e = 0;                                                                                   \
    for (o = 0; o < outer; o++) {                                                                   \
        for (a = 0; a < axis; a++) {                                                                \
            const size_t s0 = (size_t)o * (size_t)so + (size_t)(a / block) * (size_t)sa;            \
            for (i = 0; i < inner; i++, e++) {                                                      \
                const size_t s = s0 + (size_t)i * (size_t)si;                                       \
                BODY                                                                                \
            }                                                                                       \
        }                                                                                           \
    }

#define KILN_QUANTIZE_DEF(YS, YT, LO, HI)                                                                   \
    void kiln_quantize_f32_##YS(const float *x, const float *scale, const YT *zp, YT *y, const int32_t *p) \
    {                                                                                                       \
        KILN_QL_LOOP(y[e] = (YT)kiln_quantize_value(x[e] / scale[s], zp ? (int32_t)zp[s] : 0, LO, HI);)    \
    }

KILN_QUANTIZE_DEF(i8, int8_t, -128, 127)
KILN_QUANTIZE_DEF(u8, uint8_t, 0, 255)
KILN_QUANTIZE_DEF(i16, int16_t, -32768, 32767)
KILN_QUANTIZE_DEF(u16, uint16_t, 0, 65535)

/* (x - zp) is exact in int32 for 8- and 16-bit types; int32 subtracts in float as the ONNX reference does. */
#define KILN_DQ_SMALL(x, z) ((float)((int32_t)(x) - (int32_t)(z)))
#define KILN_DQ_I32(x, z) ((float)(x) - (float)(z))
#define KILN_DEQUANTIZE_ONE(XS, XT, YS, YT, DIFF, ST)                                                     \
    void kiln_dequantize_##XS##_##YS(const XT *x, const float *scale, const XT *zp, YT *y, const int32_t *p) \
    {                                                                                                     \
        KILN_QL_LOOP(y[e] = ST(DIFF(x[e], zp ? zp[s] : 0) * scale[s]);)                                   \
    }
#define KILN_DEQUANTIZE_DEF(XS, XT, DIFF)                                  \
    KILN_DEQUANTIZE_ONE(XS, XT, f32, float, DIFF, )                        \
    KILN_DEQUANTIZE_ONE(XS, XT, f16, uint16_t, DIFF, kiln_f32_to_f16)      \
    KILN_DEQUANTIZE_ONE(XS, XT, bf16, uint16_t, DIFF, kiln_f32_to_bf16)

KILN_DEQUANTIZE_DEF(i8, int8_t, KILN_DQ_SMALL)
KILN_DEQUANTIZE_DEF(u8, uint8_t, KILN_DQ_SMALL)
KILN_DEQUANTIZE_DEF(i16, int16_t, KILN_DQ_SMALL)
KILN_DEQUANTIZE_DEF(u16, uint16_t, KILN_DQ_SMALL)
KILN_DEQUANTIZE_DEF(i32, int32_t, KILN_DQ_I32)

void kiln_dynamic_quantize_f32(const float *x, uint8_t *y, float *y_scale, uint8_t *y_zp, int32_t n)
{
    float lo = 0.0f, hi = 0.0f, scale, zpf;
    int32_t i, zp;
    for (i = 0; i < n; i++) {
        if (x[i] < lo) lo = x[i];
        if (x[i] > hi) hi = x[i];
    }
    scale = (hi == lo ? 1.0f : hi - lo) / 255.0f;
    zpf = 0.0f - lo / scale;
    zpf = zpf > 0.0f ? (zpf > 255.0f ? 255.0f : zpf) : 0.0f; /* NaN -> 0 */
    zp = (int32_t)kiln_rint_f32(zpf);
    for (i = 0; i < n; i++) y[i] = (uint8_t)kiln_quantize_value(x[i] / scale, zp, 0, 255);
    *y_scale = scale;
    *y_zp = (uint8_t)zp;
}
