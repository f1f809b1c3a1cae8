#ifndef KILN_QTABLE_H
#define KILN_QTABLE_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* 8-bit element-wise lookup: y[i] = table[x[i] - min(x type)]. The compiler fills the 256 entries by evaluating
 * the float operator between DequantizeLinear and QuantizeLinear (Sigmoid, Tanh, LeakyRelu, HardSwish, Exp,
 * requantization...) for every input code, so the result is what the float graph computes, with no arithmetic
 * at run time. y may alias x. */
void kiln_qtable_s8_s8(const int8_t *x, int8_t *y, const int8_t *table, int32_t n);
void kiln_qtable_s8_u8(const int8_t *x, uint8_t *y, const uint8_t *table, int32_t n);
void kiln_qtable_u8_s8(const uint8_t *x, int8_t *y, const int8_t *table, int32_t n);
void kiln_qtable_u8_u8(const uint8_t *x, uint8_t *y, const uint8_t *table, int32_t n);

/* Requantization between integer types: y = clamp(y_zp + requant(x - x_zp, mult, shift), lo, hi) (one rounding,
 * half to even), or clamp(x - x_zp + y_zp, lo, hi) when mult is 0 and shift is 0 (same scale). Element i of x,
 * viewed as [outer][inner], goes to y[o * y_stride + y_offset + i] (y_stride = inner, y_offset = 0 for a plain
 * requantization; Concat writes each input into its band of the output). y may alias x when plain. */
enum { KILN_RQ_OUTER, KILN_RQ_INNER, KILN_RQ_YSTRIDE, KILN_RQ_YOFFSET, KILN_RQ_XZP, KILN_RQ_YZP, KILN_RQ_MULT,
       KILN_RQ_SHIFT, KILN_RQ_LO, KILN_RQ_HI, KILN_RQ_NPARAMS };
#define KILN_REQUANTIZE_DECL(XS, XT)                                                       \
    void kiln_requantize_##XS##_s8(const XT *x, int8_t *y, const int32_t *p);              \
    void kiln_requantize_##XS##_u8(const XT *x, uint8_t *y, const int32_t *p);             \
    void kiln_requantize_##XS##_s16(const XT *x, int16_t *y, const int32_t *p);            \
    void kiln_requantize_##XS##_u16(const XT *x, uint16_t *y, const int32_t *p);
KILN_REQUANTIZE_DECL(s8, int8_t)
KILN_REQUANTIZE_DECL(u8, uint8_t)
KILN_REQUANTIZE_DECL(s16, int16_t)
KILN_REQUANTIZE_DECL(u16, uint16_t)

#endif
