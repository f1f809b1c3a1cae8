#include "kiln_linear_attention.h"
#include <math.h>

#define KILN_LA_ID(v) (v)

#define KILN_LINEAR_ATTENTION_DEF(SUF, T, CT, LD, ST, EXP)                                                      \
    void kiln_linear_attention_##SUF(const T *q, const T *k, const T *v, const T *past, const T *decay,        \
                                     const T *beta, T *y, T *present, void *scratch, const int32_t *p, CT scale) \
    {                                                                                                           \
        const int32_t B = p[0], TT = p[1], Hq = p[2], Hkv = p[3], dk = p[4], dv = p[5];                        \
        const int32_t dkind = p[6], bkind = p[7], group = (Hkv > 0 && Hq >= Hkv) ? Hq / Hkv : 1;               \
        CT *S = (CT *)scratch, *vt = S + (size_t)dk * (size_t)dv;                                              \
        int32_t b, g, t, r, i, m;                                                                               \
        for (b = 0; b < B; b++) {                                                                               \
            for (g = 0; g < Hkv; g++) {                                                                         \
                const size_t soff = ((size_t)b * (size_t)Hkv + (size_t)g) * (size_t)dk * (size_t)dv;            \
                for (i = 0; i < dk * dv; i++) S[i] = past ? LD(past[soff + (size_t)i]) : (CT)0;                 \
                for (t = 0; t < TT; t++) {                                                                      \
                    const size_t bt = (size_t)b * (size_t)TT + (size_t)t;                                       \
                    const T *kt = k + (bt * (size_t)Hkv + (size_t)g) * (size_t)dk;                              \
                    const T *vv = v + (bt * (size_t)Hkv + (size_t)g) * (size_t)dv;                              \
                    if (dkind == 1) {                                                                           \
                        const CT e = EXP(LD(decay[bt * (size_t)Hkv + (size_t)g]));                              \
                        for (i = 0; i < dk * dv; i++) S[i] *= e;                                                \
                    } else if (dkind == 2) {                                                                    \
                        const T *dt = decay + (bt * (size_t)Hkv + (size_t)g) * (size_t)dk;                      \
                        for (i = 0; i < dk; i++) {                                                              \
                            const CT e = EXP(LD(dt[i]));                                                        \
                            for (m = 0; m < dv; m++) S[(size_t)i * (size_t)dv + (size_t)m] *= e;                \
                        }                                                                                       \
                    }                                                                                           \
                    for (m = 0; m < dv; m++) vt[m] = LD(vv[m]);                                                 \
                    if (bkind) {                                                                                \
                        const CT bb = LD(beta[bkind == 1 ? bt * (size_t)Hkv + (size_t)g : bt]);                 \
                        for (m = 0; m < dv; m++) {                                                              \
                            CT acc = 0;                                                                         \
                            for (i = 0; i < dk; i++) acc += S[(size_t)i * (size_t)dv + (size_t)m] * LD(kt[i]);  \
                            vt[m] = bb * (vt[m] - acc);                                                         \
                        }                                                                                       \
                    }                                                                                           \
                    for (i = 0; i < dk; i++) {                                                                  \
                        const CT ki = LD(kt[i]);                                                                \
                        for (m = 0; m < dv; m++) S[(size_t)i * (size_t)dv + (size_t)m] += ki * vt[m];           \
                    }                                                                                           \
                    for (r = 0; r < group; r++) {                                                               \
                        const int32_t h = g * group + r;                                                        \
                        const T *qt = q + (bt * (size_t)Hq + (size_t)h) * (size_t)dk;                           \
                        T *yt = y + (bt * (size_t)Hq + (size_t)h) * (size_t)dv;                                 \
                        for (m = 0; m < dv; m++) {                                                              \
                            CT acc = 0;                                                                         \
                            for (i = 0; i < dk; i++) acc += LD(qt[i]) * S[(size_t)i * (size_t)dv + (size_t)m];  \
                            yt[m] = ST(scale * acc);                                                            \
                        }                                                                                       \
                    }                                                                                           \
                }                                                                                               \
                if (present)                                                                                    \
                    for (i = 0; i < dk * dv; i++) present[soff + (size_t)i] = ST(S[i]);                         \
            }                                                                                                   \
        }                                                                                                       \
    }

KILN_LINEAR_ATTENTION_DEF(f32, float, float, KILN_LA_ID, KILN_LA_ID, expf)
KILN_LINEAR_ATTENTION_DEF(f64, double, double, KILN_LA_ID, KILN_LA_ID, exp)
KILN_LINEAR_ATTENTION_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, expf)
KILN_LINEAR_ATTENTION_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, expf)
