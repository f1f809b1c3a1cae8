#ifndef KILN_POOL_H
#define KILN_POOL_H
#include "kiln_common.h"

/* Pooling over NC(D)HW data; 1-D and 2-D pools use D = 1 (and H = 1) with kernel, stride and dilation 1 there.
 * A window at output (od, oh, ow) covers input positions (od*SD - PD + kd*DD, ...) for kd < KD, ...; positions
 * outside the input are skipped. Precomputed per output row, so the inner loops have no bounds checks.
 * avg: sum in (kd, kh, kw) order divided by the count of positions inside the input, or with count_include_pad
 *      by the count inside the padded input [-PD, D + ED) x ... (positions added by ceil_mode never count).
 * lp:  (sum |v|^p)^(1/p) over positions inside the input.
 * max: the largest value (NaN never wins over a number, the first of equal values wins); a window with no input
 *      position gives the type's lowest value. `indices` (may be NULL) receives the flat input index
 *      n*C*D*H*W + c*D*H*W + (d*H + h)*W + w, or with storage_order 1 the spatial part d + h*D + w*D*H. */
enum {
    KILN_PL_PLANES, /* N * C */
    KILN_PL_D, KILN_PL_H, KILN_PL_W,
    KILN_PL_OD, KILN_PL_OH, KILN_PL_OW,
    KILN_PL_KD, KILN_PL_KH, KILN_PL_KW,
    KILN_PL_SD, KILN_PL_SH, KILN_PL_SW,
    KILN_PL_DD, KILN_PL_DH, KILN_PL_DW,
    KILN_PL_PD, KILN_PL_PH, KILN_PL_PW, /* begin pads */
    KILN_PL_ED, KILN_PL_EH, KILN_PL_EW, /* end pads */
    KILN_PL_FLAG,                           /* avg: count_include_pad; max: storage_order */
    KILN_PL_NPARAMS
};

#define KILN_POOL_DECL_MAX(SFX, T) void kiln_maxpool_##SFX(const T *x, T *y, int64_t *indices, const int32_t *p);
#define KILN_POOL_DECL_FLOAT(SFX, T)                                      \
    KILN_POOL_DECL_MAX(SFX, T)                                            \
    void kiln_avgpool_##SFX(const T *x, T *y, const int32_t *p);          \
    void kiln_lppool_##SFX(const T *x, T *y, const int32_t *p, float pw);

KILN_POOL_DECL_FLOAT(f32, float)
KILN_POOL_DECL_FLOAT(f64, double)
KILN_POOL_DECL_FLOAT(f16, uint16_t)
KILN_POOL_DECL_FLOAT(bf16, uint16_t)
KILN_POOL_DECL_MAX(i8, int8_t)
KILN_POOL_DECL_MAX(u8, uint8_t)

#endif
