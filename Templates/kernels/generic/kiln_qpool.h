#ifndef KILN_QPOOL_H
#define KILN_QPOOL_H
#include "kiln_common.h"
#include "kiln_requant.h"

/* Quantized 2-D pooling over channels-last (NHWC) data, integer only (1-D pools use H = 1).
 * Windows: ih = oh*SH - PT + kh*DH, iw = ow*SW - PL + kw*DW; taps outside the image are skipped.
 *
 * Average: y = clamp(y_zp + requant(sum (x - x_zp), mult[i], shift[i]), lo, hi) where the multiplier is
 *   x_scale / (y_scale * count), precomputed for each possible count: i = count - 1 when p[KILN_QP_TABLE] is 1
 *   (windows of different sizes: padding without count_include_pad, ceil_mode), else i = 0 (every window has
 *   KH*KW taps, e.g. global pooling). count is the number of taps inside the image, or with count_include_pad the
 *   taps inside the padded image (KILN_QP_H + KILN_QP_PB, W + PR): the padded taps add x_zp - x_zp = 0.
 *   The exact sum is requantized once (round half to even): the float average's rounding, without its error.
 * Max: y = clamp(y_zp + requant(max x - x_zp, mult[0], shift[0]), lo, hi), or clamp(max x, lo, hi) when mult is
 *   NULL (input and output quantized alike). A window without taps yields the clamp of y_zp.
 * Sums are int32 (the compiler limits KH*KW to 2^15). */
enum {
    KILN_QP_N, KILN_QP_H, KILN_QP_W, KILN_QP_C, KILN_QP_OH, KILN_QP_OW, KILN_QP_KH, KILN_QP_KW,
    KILN_QP_SH, KILN_QP_SW, KILN_QP_DH, KILN_QP_DW, KILN_QP_PT, KILN_QP_PL, KILN_QP_PB, KILN_QP_PR,
    KILN_QP_INCLUDE_PAD, KILN_QP_TABLE, KILN_QP_XZP, KILN_QP_YZP, KILN_QP_LO, KILN_QP_HI, KILN_QP_NPARAMS
};

#define KILN_QPOOL_DECL(S, T)                                                                                \
    void kiln_qavgpool_##S(const T *x, T *y, const int32_t *mult, const int32_t *shift, const int32_t *p);   \
    void kiln_qmaxpool_##S(const T *x, T *y, const int32_t *mult, const int32_t *shift, const int32_t *p);
KILN_QPOOL_DECL(s8, int8_t)
KILN_QPOOL_DECL(u8, uint8_t)
KILN_QPOOL_DECL(s16, int16_t)

#endif
