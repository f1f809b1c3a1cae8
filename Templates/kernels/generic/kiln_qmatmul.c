#include "kiln_qmatmul.h"

#define KILN_QM_STORE_RAW(v, j) (v)
#define KILN_QM_STORE_Q(v, j) kiln_clamp_i32(kiln_requant((v), mult[j], shift[j]) + zy, lo, hi)

#define KILN_QMATMUL_ONE(AS, AT, BS, BT, YS, YT, STORE)                                                           \
    void kiln_qmatmul_##AS##BS##_##YS(const AT *a, const BT *b, YT *y, const int32_t *a_zp, const int32_t *b_zp, \
                                      const int32_t *mult, const int32_t *shift, const int32_t *p)               \
    {                                                                                                             \
        const int32_t batch = p[KILN_QM_BATCH], M = p[KILN_QM_M], K = p[KILN_QM_K], N = p[KILN_QM_N];             \
        const int32_t sa = p[KILN_QM_SA], sb = p[KILN_QM_SB], zy = p[KILN_QM_YZP];                                \
        const int32_t lo = p[KILN_QM_LO], hi = p[KILN_QM_HI], percol = p[KILN_QM_PERCOL];                        \
        int32_t t, m, n, k;                                                                                       \
        (void)mult; (void)shift; (void)zy; (void)lo; (void)hi; (void)percol;                                      \
        for (t = 0; t < batch; t++) {                                                                             \
            const AT *at = a + (size_t)t * (size_t)sa;                                                            \
            const BT *bt = b + (size_t)t * (size_t)sb;                                                            \
            YT *yt = y + (size_t)t * (size_t)M * (size_t)N;                                                       \
            for (m = 0; m < M; m++) {                                                                             \
                const AT *ar = at + (size_t)m * (size_t)K;                                                        \
                const int32_t za = a_zp ? a_zp[m] : 0;                                                            \
                for (n = 0; n < N; n++) {                                                                         \
                    const int32_t zb = b_zp ? b_zp[n] : 0;                                                        \
                    const int32_t j = percol ? n : 0;                                                             \
                    int32_t acc = 0;                                                                              \
                    (void)j;                                                                                      \
                    for (k = 0; k < K; k++) acc += ((int32_t)ar[k] - za) * ((int32_t)bt[(size_t)k * (size_t)N + (size_t)n] - zb); \
                    yt[(size_t)m * (size_t)N + (size_t)n] = (YT)STORE(acc, j);                                    \
                }                                                                                                 \
            }                                                                                                     \
        }                                                                                                         \
    }
#define KILN_QMATMUL_DEF(AS, AT, BS, BT)                                         \
    KILN_QMATMUL_ONE(AS, AT, BS, BT, i32, int32_t, KILN_QM_STORE_RAW)            \
    KILN_QMATMUL_ONE(AS, AT, BS, BT, s8, int8_t, KILN_QM_STORE_Q)                \
    KILN_QMATMUL_ONE(AS, AT, BS, BT, u8, uint8_t, KILN_QM_STORE_Q)
KILN_QMATMUL_DEF(s8, int8_t, s8, int8_t)
KILN_QMATMUL_DEF(s8, int8_t, u8, uint8_t)
KILN_QMATMUL_DEF(u8, uint8_t, s8, int8_t)
KILN_QMATMUL_DEF(u8, uint8_t, u8, uint8_t)
