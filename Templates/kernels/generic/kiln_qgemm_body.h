/* Body of the quantized fully connected kernels (kiln_qgemm.h), shared by generic/kiln_qgemm.c and the ISA
 * variants, which may define KILN_QGEMM_DOT4(XT, ACC) first. */
#ifndef KILN_QGEMM_BODY_H
#define KILN_QGEMM_BODY_H
#include "kiln_qgemm.h"

/* Hook for ISA variants (cortex-m-dsp): a vectorized start of the k loop over int8 x that advances k. */
#ifndef KILN_QGEMM_DOT4
#define KILN_QGEMM_DOT4(XT, ACC)
#endif

#define KILN_QGEMM_DEF(NAME, XT, YT, ACC, BT, RQ)                                                                \
    void NAME(const XT *x, const int8_t *w, const BT *bias_in, const int32_t *w_zp, const int32_t *mult,         \
              const int32_t *shift, YT *y, const int32_t *p)                                                     \
    {                                                                                                            \
        const int32_t R = p[KILN_QG_R], K = p[KILN_QG_K], N = p[KILN_QG_N];                                      \
        const int32_t zy = p[KILN_QG_YZP], lo = p[KILN_QG_LO], hi = p[KILN_QG_HI];                               \
        int32_t r, j, k;                                                                                         \
        for (r = 0; r < R; r++) {                                                                                \
            const XT *xr = x + (size_t)r * (size_t)K;                                                            \
            YT *yr = y + (size_t)r * (size_t)N;                                                                  \
            ACC xsum = 0;                                                                                        \
            if (w_zp)                                                                                            \
                for (k = 0; k < K; k++) xsum += (ACC)xr[k];                                                      \
            for (j = 0; j < N; j += 4) {                                                                         \
                /* outputs j..j+3 (the last group repeats its final output when N is not a multiple of 4) */     \
                const int32_t j1 = j + 1 < N ? j + 1 : j, j2 = j + 2 < N ? j + 2 : j1, j3 = j + 3 < N ? j + 3 : j2; \
                const int8_t *w0 = w + (size_t)j * (size_t)K, *w1 = w + (size_t)j1 * (size_t)K;                  \
                const int8_t *w2 = w + (size_t)j2 * (size_t)K, *w3 = w + (size_t)j3 * (size_t)K;                 \
                ACC a0 = (ACC)bias_in[j], a1 = (ACC)bias_in[j1], a2 = (ACC)bias_in[j2], a3 = (ACC)bias_in[j3];   \
                k = 0;                                                                                           \
                KILN_QGEMM_DOT4(XT, ACC)                                                                         \
                for (; k < K; k++) {                                                                             \
                    const int32_t v = xr[k];                                                                     \
                    a0 += (ACC)(v * w0[k]);                                                                      \
                    a1 += (ACC)(v * w1[k]);                                                                      \
                    a2 += (ACC)(v * w2[k]);                                                                      \
                    a3 += (ACC)(v * w3[k]);                                                                      \
                }                                                                                                \
                if (w_zp) {                                                                                      \
                    a0 -= (ACC)w_zp[j] * xsum;                                                                   \
                    a1 -= (ACC)w_zp[j1] * xsum;                                                                  \
                    a2 -= (ACC)w_zp[j2] * xsum;                                                                  \
                    a3 -= (ACC)w_zp[j3] * xsum;                                                                  \
                }                                                                                                \
                yr[j] = (YT)kiln_clamp_i32(RQ(a0, mult[j], shift[j]) + zy, lo, hi);                              \
                yr[j1] = (YT)kiln_clamp_i32(RQ(a1, mult[j1], shift[j1]) + zy, lo, hi);                           \
                yr[j2] = (YT)kiln_clamp_i32(RQ(a2, mult[j2], shift[j2]) + zy, lo, hi);                           \
                yr[j3] = (YT)kiln_clamp_i32(RQ(a3, mult[j3], shift[j3]) + zy, lo, hi);                           \
            }                                                                                                    \
        }                                                                                                        \
    }

KILN_QGEMM_DEF(kiln_qgemm_s8, int8_t, int8_t, int32_t, int32_t, kiln_requant)
KILN_QGEMM_DEF(kiln_qgemm_u8, uint8_t, uint8_t, int32_t, int32_t, kiln_requant)
KILN_QGEMM_DEF(kiln_qgemm_s16, int16_t, int16_t, int64_t, int64_t, kiln_requant64)

#endif
