/* Cortex-M cores with the DSP extension (M4, M7, M33, M55): the generic quantized convolution with its
 * full-window int8 inner loop on SMLAD (two 16x16 multiply-accumulates per instruction): 4 int8 values per
 * 32-bit load, sign-extended in pairs with SXTB16 (even bytes, then odd bytes after a rotate), the same for the
 * weights, so one SMLAD sums x0*w0 + x2*w2 and the next x1*w1 + x3*w3. Exact: the same integer sums as the
 * generic code. Everything else is the generic kernel (kiln_qconv_body.h). */
#include "kiln_qconv.h"

/* SXTB16 of x and of x rotated right by 8 */
static inline uint32_t kiln_sxtb16(uint32_t x)
{
    uint32_t r;
    __asm__("sxtb16 %0, %1" : "=r"(r) : "r"(x));
    return r;
}
static inline uint32_t kiln_sxtb16_ror8(uint32_t x)
{
    uint32_t r;
    __asm__("sxtb16 %0, %1, ror #8" : "=r"(r) : "r"(x));
    return r;
}
static inline int32_t kiln_smlad(uint32_t a, uint32_t b, int32_t acc)
{
    int32_t r;
    __asm__("smlad %0, %1, %2, %3" : "=r"(r) : "r"(a), "r"(b), "r"(acc));
    return r;
}
static inline uint32_t kiln_load4(const int8_t *p)
{
    uint32_t v;
    memcpy(&v, p, 4); /* one unaligned LDR on these cores */
    return v;
}

/* 2 pixels x 2 channels over `rows` rows of n elements (see kiln_qconv_body.h), int8 input, full windows */
#define KQ_ROWS22_0_DEFINED 1
KILN_QNOINLINE void kq_rows22_0_s8(const int8_t *xa, const int8_t *xb, const int8_t *wa, const int8_t *wb, int32_t rows,
                                   int32_t n, size_t xs, size_t ws, int32_t zx, int32_t *acc)
{
    int32_t a0 = acc[0], a1 = acc[1], a2 = acc[2], a3 = acc[3];
    int32_t r, i;
    (void)zx;
    for (r = 0; r < rows; r++) {
        for (i = 0; i + 4 <= n; i += 4) {
            const uint32_t x4 = kiln_load4(xa + i), y4 = kiln_load4(xb + i);
            const uint32_t p4 = kiln_load4(wa + i), q4 = kiln_load4(wb + i);
            const uint32_t xe = kiln_sxtb16(x4), xo = kiln_sxtb16_ror8(x4);
            const uint32_t ye = kiln_sxtb16(y4), yo = kiln_sxtb16_ror8(y4);
            const uint32_t pe = kiln_sxtb16(p4), po = kiln_sxtb16_ror8(p4);
            const uint32_t qe = kiln_sxtb16(q4), qo = kiln_sxtb16_ror8(q4);
            a0 = kiln_smlad(xo, po, kiln_smlad(xe, pe, a0));
            a1 = kiln_smlad(xo, qo, kiln_smlad(xe, qe, a1));
            a2 = kiln_smlad(yo, po, kiln_smlad(ye, pe, a2));
            a3 = kiln_smlad(yo, qo, kiln_smlad(ye, qe, a3));
        }
        for (; i < n; i++) {
            const int32_t u = xa[i], v = xb[i], p = wa[i], q = wb[i];
            a0 += u * p;
            a1 += u * q;
            a2 += v * p;
            a3 += v * q;
        }
        xa += xs;
        xb += xs;
        wa += ws;
        wb += ws;
    }
    acc[0] = a0;
    acc[1] = a1;
    acc[2] = a2;
    acc[3] = a3;
}

#define KQ_FN kiln_qconv_s8
#define KQ_SFX s8
#define KQ_XT int8_t
#define KQ_YT int8_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 0
#include "kiln_qconv_body.h"
#undef KQ_ROWS22_0_DEFINED

#define KQ_FN kiln_qconv_u8
#define KQ_SFX u8
#define KQ_XT uint8_t
#define KQ_YT uint8_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 0
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_s16
#define KQ_SFX s16
#define KQ_XT int16_t
#define KQ_YT int16_t
#define KQ_ACC int64_t
#define KQ_BT int64_t
#define KQ_RQ kiln_requant64
#define KQ_RAW 0
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_s8_i32
#define KQ_SFX s8_i32
#define KQ_XT int8_t
#define KQ_YT int32_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 1
#include "kiln_qconv_body.h"

#define KQ_FN kiln_qconv_u8_i32
#define KQ_SFX u8_i32
#define KQ_XT uint8_t
#define KQ_YT int32_t
#define KQ_ACC int32_t
#define KQ_BT int32_t
#define KQ_RQ kiln_requant
#define KQ_RAW 1
#include "kiln_qconv_body.h"
