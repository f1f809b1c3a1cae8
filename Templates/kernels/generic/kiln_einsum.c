#include "kiln_einsum.h"

#define KILN_EINSUM_DEF(SFX, T, V, LD, ST)                                                                     \
    void kiln_einsum_##SFX(const T *a, const T *b, T *y, int32_t no, const int32_t *oshape, const int32_t *sao, \
                           const int32_t *sbo, int32_t nr, const int32_t *rshape, const int32_t *sar,           \
                           const int32_t *sbr)                                                                 \
    {                                                                                                          \
        int32_t oi[KILN_MAX_RANK], ri[KILN_MAX_RANK], d;                                                       \
        size_t nout = 1, nred = 1, o, r, ao = 0, bo = 0;                                                       \
        for (d = 0; d < no; d++) {                                                                             \
            oi[d] = 0;                                                                                         \
            nout *= (size_t)oshape[d];                                                                         \
        }                                                                                                      \
        for (d = 0; d < nr; d++) nred *= (size_t)rshape[d];                                                    \
        for (o = 0; o < nout; o++) {                                                                           \
            size_t ar = 0, br = 0;                                                                             \
            V acc = 0;                                                                                         \
            for (d = 0; d < nr; d++) ri[d] = 0;                                                                \
            for (r = 0; r < nred; r++) {                                                                       \
                const V av = LD(a[ao + ar]);                                                                   \
                acc += b ? av * LD(b[bo + br]) : av;                                                           \
                for (d = nr - 1; d >= 0; d--) {                                                                \
                    ar += (size_t)sar[d];                                                                      \
                    br += (size_t)sbr[d];                                                                      \
                    if (++ri[d] < rshape[d]) break;                                                            \
                    ar -= (size_t)sar[d] * (size_t)rshape[d];                                                  \
                    br -= (size_t)sbr[d] * (size_t)rshape[d];                                                  \
                    ri[d] = 0;                                                                                 \
                }                                                                                              \
            }                                                                                                  \
            y[o] = ST(acc);                                                                                    \
            for (d = no - 1; d >= 0; d--) {                                                                    \
                ao += (size_t)sao[d];                                                                          \
                bo += (size_t)sbo[d];                                                                          \
                if (++oi[d] < oshape[d]) break;                                                                \
                ao -= (size_t)sao[d] * (size_t)oshape[d];                                                      \
                bo -= (size_t)sbo[d] * (size_t)oshape[d];                                                      \
                oi[d] = 0;                                                                                     \
            }                                                                                                  \
        }                                                                                                      \
    }

#define KILN_EINSUM_ID(v) (v)
KILN_EINSUM_DEF(f32, float, float, KILN_EINSUM_ID, KILN_EINSUM_ID)
KILN_EINSUM_DEF(f64, double, double, KILN_EINSUM_ID, KILN_EINSUM_ID)
KILN_EINSUM_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16)
KILN_EINSUM_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16)
KILN_EINSUM_DEF(i32, int32_t, uint32_t, (uint32_t), (int32_t))
KILN_EINSUM_DEF(i64, int64_t, uint64_t, (uint64_t), (int64_t))
KILN_EINSUM_DEF(u32, uint32_t, uint32_t, KILN_EINSUM_ID, KILN_EINSUM_ID)
KILN_EINSUM_DEF(u64, uint64_t, uint64_t, KILN_EINSUM_ID, KILN_EINSUM_ID)
