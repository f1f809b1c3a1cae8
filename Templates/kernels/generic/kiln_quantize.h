#ifndef KILN_QUANTIZE_H
#define KILN_QUANTIZE_H
#include "kiln_common.h"

/* QuantizeLinear / DequantizeLinear (float <-> integer; these are the boundary kernels of a quantized model and
 * compute in float by definition; the integer kernels never call them).
 *
 * Element (o, a, i) of x viewed as [outer, axis, inner] uses scale / zero point
 *     s = o * p[KILN_QL_SO] + (a / p[KILN_QL_BLOCK]) * p[KILN_QL_SA] + i * p[KILN_QL_SI]
 * which covers per-tensor (all strides 0), per-axis (SA = 1) and blocked quantization (BLOCK = block size,
 * SO = ceil(axis / BLOCK) * inner, SA = inner, SI = 1). zp may be NULL (zero). */
enum { KILN_QL_OUTER, KILN_QL_AXIS, KILN_QL_INNER, KILN_QL_BLOCK, KILN_QL_SO, KILN_QL_SA, KILN_QL_SI, KILN_QL_NPARAMS };

/* y = saturate(rint(x / scale) + zp): round half to even, NaN -> zp, +-inf and overflow saturate. */
void kiln_quantize_f32_i8(const float *x, const float *scale, const int8_t *zp, int8_t *y, const int32_t *p);
void kiln_quantize_f32_u8(const float *x, const float *scale, const uint8_t *zp, uint8_t *y, const int32_t *p);
void kiln_quantize_f32_i16(const float *x, const float *scale, const int16_t *zp, int16_t *y, const int32_t *p);
void kiln_quantize_f32_u16(const float *x, const float *scale, const uint16_t *zp, uint16_t *y, const int32_t *p);

/* y = (x - zp) * scale, computed in float and stored as float32, float16 or bfloat16 (rounded to nearest even). */
#define KILN_DEQUANTIZE_DECL(XS, XT)                                                                              \
    void kiln_dequantize_##XS##_f32(const XT *x, const float *scale, const XT *zp, float *y, const int32_t *p);   \
    void kiln_dequantize_##XS##_f16(const XT *x, const float *scale, const XT *zp, uint16_t *y, const int32_t *p); \
    void kiln_dequantize_##XS##_bf16(const XT *x, const float *scale, const XT *zp, uint16_t *y, const int32_t *p);
KILN_DEQUANTIZE_DECL(i8, int8_t)
KILN_DEQUANTIZE_DECL(u8, uint8_t)
KILN_DEQUANTIZE_DECL(i16, int16_t)
KILN_DEQUANTIZE_DECL(u16, uint16_t)
KILN_DEQUANTIZE_DECL(i32, int32_t)

/* DynamicQuantizeLinear: scale = (max(0, max x) - min(0, min x)) / 255 (1/255 when that range is 0),
 * zp = rint(clamp(-min / scale, 0, 255)), y = saturate(rint(x / scale) + zp) as uint8. NaN elements are skipped
 * by min/max. */
void kiln_dynamic_quantize_f32(const float *x, uint8_t *y, float *y_scale, uint8_t *y_zp, int32_t n);

/* round half to even without libm (exact for every float; NaN and infinities pass through) */
static inline float kiln_rint_f32(float v)
{
    const float big = 8388608.0f; /* 2^23: every float at least this large is an integer */
    if (v >= 0.0f && v < big) return (v + big) - big;
    if (v < 0.0f && v > -big) return -((-v + big) - big);
    return v;
}

/* saturate(rint(v) + zp) into [lo, hi]; NaN gives zp clamped. */
static inline int32_t kiln_quantize_value(float v, int32_t zp, int32_t lo, int32_t hi)
{
    float r;
    int32_t q;
    if (v != v) return zp < lo ? lo : (zp > hi ? hi : zp);
    r = kiln_rint_f32(v);
    if (r >= (float)(hi - zp)) return hi;
    if (r <= (float)(lo - zp)) return lo;
    q = (int32_t)r + zp;
    return q < lo ? lo : (q > hi ? hi : q);
}

#endif
