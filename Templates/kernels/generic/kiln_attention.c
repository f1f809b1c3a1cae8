#include "kiln_attention.h"
#include <math.h>

#define KILN_ATT_ID(x) (x)
#define KILN_ATT_RT_F16(x) kiln_f16_to_f32(kiln_f32_to_f16(x))
#define KILN_ATT_RT_BF16(x) kiln_bf16_to_f32(kiln_f32_to_bf16(x))

/* LD: element -> CT, RT: round a CT value to T's precision, ST: CT -> element, EXP/TANH in CT. */
#define KILN_ATTENTION_DEF(SUF, T, CT, LD, RT, ST, EXP, TANH)                                                   \
    void kiln_attention_##SUF(const T *q, const T *k, const T *v, const void *mask, const T *past_k,            \
                              const T *past_v, const int64_t *nonpad, T *y, T *present_k, T *present_v, T *qk,  \
                              void *scratch, const int32_t *p, CT scale_sqrt, CT softcap)                       \
    {                                                                                                           \
        const int32_t B = p[KILN_ATT_B], Hq = p[KILN_ATT_HQ], Hkv = p[KILN_ATT_HKV], Sq = p[KILN_ATT_SQ];      \
        const int32_t Skv = p[KILN_ATT_SKV], P = p[KILN_ATT_P], Dk = p[KILN_ATT_DK], Dv = p[KILN_ATT_DV];      \
        const int32_t L = P + Skv, kind = p[KILN_ATT_M_KIND], mlen = p[KILN_ATT_M_LEN];                        \
        const int32_t left = p[KILN_ATT_LEFT], right = p[KILN_ATT_RIGHT], mode = p[KILN_ATT_MODE];             \
        const int32_t reps = (Hkv > 0 && Hq >= Hkv) ? Hq / Hkv : 1, rsm = p[KILN_ATT_ROUND_SOFTMAX];           \
        CT *qs = (CT *)scratch, *sc = qs + Dk;                                                                  \
        int32_t b, h, g, i, j, d;                                                                               \
        if (Hkv <= 0) return;                                                                                   \
        /* present = concat(past, new) along the sequence */                                                   \
        for (b = 0; b < B; b++) {                                                                               \
            for (g = 0; g < Hkv; g++) {                                                                         \
                for (j = 0; j < L; j++) {                                                                       \
                    size_t row = ((size_t)b * (size_t)Hkv + (size_t)g) * (size_t)L + (size_t)j;                 \
                    size_t prow = ((size_t)b * (size_t)Hkv + (size_t)g) * (size_t)P + (size_t)j;                \
                    size_t nk = (size_t)b * (size_t)p[KILN_ATT_K_SB] + (size_t)g * (size_t)p[KILN_ATT_K_SH] +   \
                                (size_t)(j - P) * (size_t)p[KILN_ATT_K_SS];                                     \
                    size_t nv = (size_t)b * (size_t)p[KILN_ATT_V_SB] + (size_t)g * (size_t)p[KILN_ATT_V_SH] +   \
                                (size_t)(j - P) * (size_t)p[KILN_ATT_V_SS];                                     \
                    if (present_k)                                                                              \
                        memcpy(present_k + row * (size_t)Dk,                                                    \
                               j < P ? past_k + prow * (size_t)Dk : k + nk, (size_t)Dk * sizeof(T));            \
                    if (present_v)                                                                              \
                        memcpy(present_v + row * (size_t)Dv,                                                    \
                               j < P ? past_v + prow * (size_t)Dv : v + nv, (size_t)Dv * sizeof(T));            \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
        for (b = 0; b < B; b++) {                                                                               \
            /* causal / window frontier offset and number of valid keys */                                      \
            int64_t offset = P, valid = L;                                                                      \
            if (nonpad) {                                                                                       \
                int64_t nv = nonpad[b];                                                                         \
                if (nv < -((int64_t)1 << 40)) nv = -((int64_t)1 << 40);                                         \
                if (nv > ((int64_t)1 << 40)) nv = (int64_t)1 << 40;                                             \
                valid = nv;                                                                                     \
                offset = nv - Sq;                                                                               \
            }                                                                                                   \
            for (h = 0; h < Hq; h++) {                                                                          \
                g = h / reps;                                                                                   \
                if (g >= Hkv) g = Hkv - 1;                                                                      \
                for (i = 0; i < Sq; i++) {                                                                      \
                    const T *qrow = q + (size_t)b * (size_t)p[KILN_ATT_Q_SB] +                                 \
                                    (size_t)h * (size_t)p[KILN_ATT_Q_SH] + (size_t)i * (size_t)p[KILN_ATT_Q_SS];\
                    T *yrow = y + (size_t)b * (size_t)p[KILN_ATT_Y_SB] + (size_t)h * (size_t)p[KILN_ATT_Y_SH] + \
                              (size_t)i * (size_t)p[KILN_ATT_Y_SS];                                             \
                    T *qkrow = qk ? qk + (((size_t)b * (size_t)Hq + (size_t)h) * (size_t)Sq + (size_t)i) *     \
                                         (size_t)L                                                              \
                                  : 0;                                                                          \
                    size_t mrow = (size_t)b * (size_t)p[KILN_ATT_M_SB] + (size_t)h * (size_t)p[KILN_ATT_M_SH] + \
                                  (size_t)i * (size_t)p[KILN_ATT_M_SS];                                         \
                    CT bias_max = (CT)-INFINITY, smax = (CT)-INFINITY, sum = 0;                                 \
                    int bias_nan = 0, score_nan = 0, all_masked;                                                \
                    for (d = 0; d < Dk; d++) qs[d] = RT(LD(qrow[d]) * scale_sqrt);                              \
                    for (j = 0; j < L; j++) {                                                                   \
                        const T *krow = j < P ? past_k + (((size_t)b * (size_t)Hkv + (size_t)g) * (size_t)P +   \
                                                          (size_t)j) * (size_t)Dk                               \
                                              : k + (size_t)b * (size_t)p[KILN_ATT_K_SB] +                      \
                                                    (size_t)g * (size_t)p[KILN_ATT_K_SH] +                      \
                                                    (size_t)(j - P) * (size_t)p[KILN_ATT_K_SS];                 \
                        CT acc = 0, bias, s;                                                          \
                        int64_t diff = (int64_t)i + offset - (int64_t)j;                                        \
                        size_t moff = mrow + (size_t)j * (size_t)p[KILN_ATT_M_SJ];                              \
                        for (d = 0; d < Dk; d++) acc += qs[d] * RT(LD(krow[d]) * scale_sqrt);                   \
                        acc = RT(acc);                                                                          \
                        if (softcap > 0) acc = RT(RT(TANH(RT(acc / softcap))) * softcap);                       \
                        /* additive bias: mask (a short mask is padded with -inf), causal, window, padding */   \
                        if (kind == KILN_ATT_MASK_NONE) bias = 0;                                               \
                        else if (j >= mlen) bias = (CT)-INFINITY;                                               \
                        else if (kind == KILN_ATT_MASK_BOOL)                                                    \
                            bias = ((const uint8_t *)mask)[moff] ? (CT)0 : (CT)-INFINITY;                       \
                        else bias = LD(((const T *)mask)[moff]);                                                \
                        if (p[KILN_ATT_CAUSAL] && diff < 0) bias += (CT)-INFINITY;                              \
                        if ((left >= 0 && diff > left) || (right >= 0 && -diff > right)) bias += (CT)-INFINITY; \
                        if (nonpad && (int64_t)j >= valid) bias += (CT)-INFINITY;                               \
                        if (bias != bias) bias_nan = 1;                                                         \
                        else if (bias > bias_max) bias_max = bias;                                              \
                        s = RT(acc + bias);                                                                     \
                        if (s != s) score_nan = 1;                                                              \
                        else if (s > smax) smax = s;                                                            \
                        sc[j] = s;                                                                              \
                        if (qkrow && mode <= 1) qkrow[j] = ST(acc);                                             \
                        if (qkrow && mode == 2) qkrow[j] = ST(s);                                               \
                    }                                                                                           \
                    all_masked = !bias_nan && bias_max == (CT)-INFINITY;                                        \
                    if (score_nan) smax = (CT)NAN;                                                              \
                    if (smax == (CT)-INFINITY) smax = 0;                                                        \
                    for (j = 0; j < L; j++) {                                                                   \
                        CT e = EXP(rsm ? RT(sc[j] - smax) : sc[j] - smax);                                      \
                        sc[j] = rsm ? RT(e) : e;                                                                \
                        sum += sc[j];                                                                           \
                    }                                                                                           \
                    if (rsm) sum = RT(sum);                                                                     \
                    if (sum == 0) sum = 1;                                                                      \
                    for (j = 0; j < L; j++) {                                                                   \
                        sc[j] = all_masked ? (CT)0 : RT(sc[j] / sum);                                           \
                        if (qkrow && mode == 3) qkrow[j] = ST(sc[j]);                                           \
                    }                                                                                           \
                    for (d = 0; d < Dv; d++) {                                                                  \
                        CT o = 0;                                                                               \
                        for (j = 0; j < L; j++) {                                                               \
                            const T *vrow = j < P ? past_v + (((size_t)b * (size_t)Hkv + (size_t)g) *           \
                                                                  (size_t)P + (size_t)j) * (size_t)Dv           \
                                                  : v + (size_t)b * (size_t)p[KILN_ATT_V_SB] +                  \
                                                        (size_t)g * (size_t)p[KILN_ATT_V_SH] +                  \
                                                        (size_t)(j - P) * (size_t)p[KILN_ATT_V_SS];             \
                            o += sc[j] * LD(vrow[d]);                                                           \
                        }                                                                                       \
                        yrow[d] = ST(o);                                                                        \
                    }                                                                                           \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
    }

KILN_ATTENTION_DEF(f32, float, float, KILN_ATT_ID, KILN_ATT_ID, KILN_ATT_ID, expf, tanhf)
KILN_ATTENTION_DEF(f64, double, double, KILN_ATT_ID, KILN_ATT_ID, KILN_ATT_ID, exp, tanh)
KILN_ATTENTION_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_ATT_RT_F16, kiln_f32_to_f16, expf, tanhf)
KILN_ATTENTION_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_ATT_RT_BF16, kiln_f32_to_bf16, expf, tanhf)
