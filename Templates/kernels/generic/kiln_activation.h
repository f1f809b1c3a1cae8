#ifndef KILN_ACTIVATION_H
#define KILN_ACTIVATION_H
#include "kiln_broadcast.h"

/* Activation functions over n elements of a float type; y may equal x. float16/bfloat16 compute in float,
 * float64 in double (parameters are passed as float, as ONNX attributes are). NaN propagates except where ONNX's
 * definition selects a constant (thresholdedrelu, shrink give 0 for NaN).
 *   sigmoid, tanh, softplus, softsign, hardswish, mish, gelu (erf form), gelu_tanh (tanh approximation)
 *   leakyrelu(alpha), elu(alpha), celu(alpha), thresholdedrelu(alpha), swish(alpha)
 *   hardsigmoid(alpha, beta), selu(alpha, gamma), shrink(lambd, bias)
 * swiglu(a, b, y, n, alpha): y = swish_alpha(a) * b over two same-shape tensors; y may equal a or b.
 * shrink also exists for the integer types: computed in double and converted back with truncation toward zero
 * and saturation. */
#define KILN_ACT0_DECL(OP) KILN_UNARY_FLOATS_DECL(OP)
#define KILN_ACT1_DECL(OP)                                                          \
    void kiln_##OP##_f32(const float *x, float *y, int32_t n, float alpha);         \
    void kiln_##OP##_f64(const double *x, double *y, int32_t n, float alpha);       \
    void kiln_##OP##_f16(const uint16_t *x, uint16_t *y, int32_t n, float alpha);   \
    void kiln_##OP##_bf16(const uint16_t *x, uint16_t *y, int32_t n, float alpha);
#define KILN_ACT2_DECL_T(OP, SUF, T) void kiln_##OP##_##SUF(const T *x, T *y, int32_t n, float alpha, float beta);
#define KILN_ACT2_DECL(OP)                       \
    KILN_ACT2_DECL_T(OP, f32, float)             \
    KILN_ACT2_DECL_T(OP, f64, double)            \
    KILN_ACT2_DECL_T(OP, f16, uint16_t)          \
    KILN_ACT2_DECL_T(OP, bf16, uint16_t)

KILN_ACT0_DECL(sigmoid)
KILN_ACT0_DECL(tanh)
KILN_ACT0_DECL(softplus)
KILN_ACT0_DECL(softsign)
KILN_ACT0_DECL(hardswish)
KILN_ACT0_DECL(mish)
KILN_ACT0_DECL(gelu)
KILN_ACT0_DECL(gelu_tanh)
KILN_ACT1_DECL(leakyrelu)
KILN_ACT1_DECL(elu)
KILN_ACT1_DECL(celu)
KILN_ACT1_DECL(thresholdedrelu)
KILN_ACT1_DECL(swish)
KILN_ACT2_DECL(hardsigmoid)
KILN_ACT2_DECL(selu)
KILN_ACT2_DECL(shrink)
KILN_ACT2_DECL_T(shrink, i8, int8_t)
KILN_ACT2_DECL_T(shrink, i16, int16_t)
KILN_ACT2_DECL_T(shrink, i32, int32_t)
KILN_ACT2_DECL_T(shrink, i64, int64_t)
KILN_ACT2_DECL_T(shrink, u8, uint8_t)
KILN_ACT2_DECL_T(shrink, u16, uint16_t)
KILN_ACT2_DECL_T(shrink, u32, uint32_t)
KILN_ACT2_DECL_T(shrink, u64, uint64_t)

void kiln_swiglu_f32(const float *a, const float *b, float *y, int32_t n, float alpha);
void kiln_swiglu_f64(const double *a, const double *b, double *y, int32_t n, float alpha);
void kiln_swiglu_f16(const uint16_t *a, const uint16_t *b, uint16_t *y, int32_t n, float alpha);
void kiln_swiglu_bf16(const uint16_t *a, const uint16_t *b, uint16_t *y, int32_t n, float alpha);

#endif
