#include "kiln_causal_conv.h"
#include <math.h>

#define KILN_CC_ID(v) (v)
#define KILN_CC_RT_F16(v) kiln_f16_to_f32(kiln_f32_to_f16(v))
#define KILN_CC_RT_BF16(v) kiln_bf16_to_f32(kiln_f32_to_bf16(v))

#define KILN_CAUSAL_CONV_DEF(SUF, T, CT, LD, RT, ST, EXP)                                                       \
    void kiln_causal_conv_##SUF(const T *x, const T *w, const T *bias, const T *past, T *y, T *present,         \
                                int32_t B, int32_t C, int32_t L, int32_t K, int32_t silu)                       \
    {                                                                                                           \
        const int32_t P = K - 1;                                                                                \
        int32_t b, c, t, j;                                                                                     \
        if (K <= 0) return;                                                                                     \
        for (b = 0; b < B; b++) {                                                                               \
            for (c = 0; c < C; c++) {                                                                           \
                const size_t row = (size_t)b * (size_t)C + (size_t)c;                                           \
                const T *px = x + row * (size_t)L;                                                              \
                const T *pp = past ? past + row * (size_t)P : 0;                                                \
                const T *pw = w + (size_t)c * (size_t)K;                                                        \
                T *py = y + row * (size_t)L;                                                                    \
                /* padded position u in [0, L + P): u < P is the state, else x[u - P] */                       \
                for (t = 0; t < L; t++) {                                                                       \
                    CT acc = bias ? LD(bias[c]) : (CT)0, s = 0;                                                 \
                    for (j = 0; j < K; j++) {                                                                   \
                        const int32_t u = t + j;                                                                \
                        const CT xv = u >= P ? LD(px[u - P]) : (pp ? LD(pp[u]) : (CT)0);                        \
                        s += LD(pw[j]) * xv;                                                                    \
                    }                                                                                           \
                    acc = RT(acc + s);                                                                          \
                    if (silu) acc = acc / (1 + EXP(-acc));                                                      \
                    py[t] = ST(acc);                                                                            \
                }                                                                                               \
                if (present) {                                                                                  \
                    T *ps = present + row * (size_t)P;                                                          \
                    for (j = 0; j < P; j++) {                                                                   \
                        const int32_t u = L + j;                                                                \
                        ps[j] = u >= P ? px[u - P] : (pp ? pp[u] : ST((CT)0));                                  \
                    }                                                                                           \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
    }

KILN_CAUSAL_CONV_DEF(f32, float, float, KILN_CC_ID, KILN_CC_ID, KILN_CC_ID, expf)
KILN_CAUSAL_CONV_DEF(f64, double, double, KILN_CC_ID, KILN_CC_ID, KILN_CC_ID, exp)
KILN_CAUSAL_CONV_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_CC_RT_F16, kiln_f32_to_f16, expf)
KILN_CAUSAL_CONV_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_CC_RT_BF16, kiln_f32_to_bf16, expf)
