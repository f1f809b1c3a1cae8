#include "kiln_qadd.h"

#define KILN_QBIN_DEF(NAME, T, EXPR)                                                                              \
    void NAME(const T *a, const T *b, T *y, int32_t rank, const int32_t *shape, const int32_t *sa,                \
              const int32_t *sb, const int32_t *q)                                                                \
    {                                                                                                             \
        const int32_t za = q[KILN_QA_AZP], zb = q[KILN_QA_BZP], zy = q[KILN_QA_YZP];                              \
        const int64_t ma = q[KILN_QA_MA], mb = q[KILN_QA_MB];                                                     \
        const int32_t sh = q[KILN_QA_SHIFT], lo = q[KILN_QA_LO], hi = q[KILN_QA_HI];                              \
        int32_t idx[KILN_MAX_RANK] = {0};                                                                         \
        int32_t outer = 1, inner = 1, sai = 0, sbi = 0, o, i, d;                                                  \
        size_t ia = 0, ib = 0;                                                                                    \
        T *out = y;                                                                                               \
        (void)mb;                                                                                                 \
        for (d = 0; d + 1 < rank; d++) outer *= shape[d];                                                         \
        if (rank > 0) {                                                                                           \
            inner = shape[rank - 1];                                                                              \
            sai = sa[rank - 1];                                                                                   \
            sbi = sb[rank - 1];                                                                                   \
        }                                                                                                         \
        for (o = 0; o < outer; o++) {                                                                             \
            const T *pa = a + ia;                                                                                 \
            const T *pb = b + ib;                                                                                 \
            for (i = 0; i < inner; i++) {                                                                         \
                const int32_t u = (int32_t)*pa - za, v = (int32_t)*pb - zb;                                       \
                out[i] = (T)kiln_clamp_i32((EXPR) + zy, lo, hi);                                                  \
                pa += sai;                                                                                        \
                pb += sbi;                                                                                        \
            }                                                                                                     \
            out += inner;                                                                                         \
            for (d = rank - 2; d >= 0; d--) {                                                                     \
                ia += (size_t)sa[d];                                                                              \
                ib += (size_t)sb[d];                                                                              \
                if (++idx[d] < shape[d]) break;                                                                   \
                ia -= (size_t)sa[d] * (size_t)shape[d];                                                           \
                ib -= (size_t)sb[d] * (size_t)shape[d];                                                           \
                idx[d] = 0;                                                                                       \
            }                                                                                                     \
        }                                                                                                         \
    }

#define KILN_QADD_EXPR kiln_round_shift((int64_t)u * ma + (int64_t)v * mb, sh)
#define KILN_QMUL_EXPR kiln_requant64((int64_t)u * (int64_t)v, (int32_t)ma, sh)

KILN_QBIN_DEF(kiln_qadd_s8, int8_t, KILN_QADD_EXPR)
KILN_QBIN_DEF(kiln_qadd_u8, uint8_t, KILN_QADD_EXPR)
KILN_QBIN_DEF(kiln_qadd_s16, int16_t, KILN_QADD_EXPR)
KILN_QBIN_DEF(kiln_qmul_s8, int8_t, KILN_QMUL_EXPR)
KILN_QBIN_DEF(kiln_qmul_u8, uint8_t, KILN_QMUL_EXPR)
KILN_QBIN_DEF(kiln_qmul_s16, int16_t, KILN_QMUL_EXPR)
