#include "kiln_flex_attention.h"
#include <math.h>

#define KILN_FLEX_ID(v) (v)
#define KILN_FLEX_RT_F16(v) kiln_f16_to_f32(kiln_f32_to_f16(v))
#define KILN_FLEX_RT_BF16(v) kiln_bf16_to_f32(kiln_f32_to_bf16(v))
#define KILN_FLEX_ST_F64_F16(v) kiln_f32_to_f16((float)(v))
#define KILN_FLEX_ST_F64_BF16(v) kiln_f32_to_bf16((float)(v))

/* TW: compute type of T's own arithmetic (float, or double for f64); LD: T -> TW; RT: round a TW to T; ST: C -> T. */
#define KILN_FLEX_DEF(TS, T, TW, LD, RT, CS, C, ST)                                                          \
    void kiln_flex_scores_##TS##_##CS(const T *q, const T *k, C *s, int32_t B, int32_t Hq, int32_t Hkv,       \
                                      int32_t L, int32_t S, int32_t E, float r)                              \
    {                                                                                                        \
        const int32_t reps = (Hkv > 0 && Hq >= Hkv) ? Hq / Hkv : 1;                                          \
        const TW rr = (TW)r;                                                                                 \
        int32_t b, h, i, j, e;                                                                               \
        for (b = 0; b < B; b++)                                                                              \
            for (h = 0; h < Hq; h++) {                                                                       \
                const int32_t g = h / reps < Hkv ? h / reps : Hkv - 1;                                       \
                for (i = 0; i < L; i++) {                                                                    \
                    const T *qr = q + (((size_t)b * (size_t)Hq + (size_t)h) * (size_t)L + (size_t)i) * (size_t)E; \
                    C *sr = s + (((size_t)b * (size_t)Hq + (size_t)h) * (size_t)L + (size_t)i) * (size_t)S;  \
                    for (j = 0; j < S; j++) {                                                                \
                        const T *kr = k + (((size_t)b * (size_t)Hkv + (size_t)g) * (size_t)S + (size_t)j) *  \
                                              (size_t)E;                                                     \
                        TW acc = 0;                                                                          \
                        for (e = 0; e < E; e++) acc += RT(LD(qr[e]) * rr) * RT(LD(kr[e]) * rr);              \
                        sr[j] = (C)RT(acc);                                                                  \
                    }                                                                                        \
                }                                                                                            \
            }                                                                                                \
    }                                                                                                        \
    void kiln_flex_output_##TS##_##CS(const C *p, const T *v, T *y, int32_t B, int32_t Hq, int32_t Hkv,       \
                                      int32_t L, int32_t S, int32_t Ev)                                      \
    {                                                                                                        \
        const int32_t reps = (Hkv > 0 && Hq >= Hkv) ? Hq / Hkv : 1;                                          \
        int32_t b, h, i, j, e;                                                                               \
        for (b = 0; b < B; b++)                                                                              \
            for (h = 0; h < Hq; h++) {                                                                       \
                const int32_t g = h / reps < Hkv ? h / reps : Hkv - 1;                                       \
                for (i = 0; i < L; i++) {                                                                    \
                    const C *pr = p + (((size_t)b * (size_t)Hq + (size_t)h) * (size_t)L + (size_t)i) * (size_t)S; \
                    T *yr = y + (((size_t)b * (size_t)Hq + (size_t)h) * (size_t)L + (size_t)i) * (size_t)Ev; \
                    for (e = 0; e < Ev; e++) {                                                               \
                        C acc = 0;                                                                           \
                        for (j = 0; j < S; j++)                                                              \
                            acc += pr[j] * (C)LD(v[(((size_t)b * (size_t)Hkv + (size_t)g) * (size_t)S +      \
                                                     (size_t)j) * (size_t)Ev + (size_t)e]);                  \
                        yr[e] = ST(acc);                                                                     \
                    }                                                                                        \
                }                                                                                            \
            }                                                                                                \
    }

KILN_FLEX_DEF(f32, float, float, KILN_FLEX_ID, KILN_FLEX_ID, f32, float, KILN_FLEX_ID)
KILN_FLEX_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_FLEX_RT_F16, f32, float, kiln_f32_to_f16)
KILN_FLEX_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_FLEX_RT_BF16, f32, float, kiln_f32_to_bf16)
KILN_FLEX_DEF(f64, double, double, KILN_FLEX_ID, KILN_FLEX_ID, f64, double, KILN_FLEX_ID)
KILN_FLEX_DEF(f32, float, float, KILN_FLEX_ID, KILN_FLEX_ID, f64, double, (float))
KILN_FLEX_DEF(f16, uint16_t, float, kiln_f16_to_f32, KILN_FLEX_RT_F16, f64, double, KILN_FLEX_ST_F64_F16)
KILN_FLEX_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, KILN_FLEX_RT_BF16, f64, double, KILN_FLEX_ST_F64_BF16)

#define KILN_FLEX_SOFTMAX_DEF(CS, C, EXP)                                                                    \
    void kiln_flex_softmax_##CS(C *x, int32_t rows, int32_t n)                                               \
    {                                                                                                        \
        int32_t r, j;                                                                                        \
        for (r = 0; r < rows; r++) {                                                                         \
            C *row = x + (size_t)r * (size_t)n, m = (C)-INFINITY, sum = 0;                                   \
            int nan = 0;                                                                                     \
            for (j = 0; j < n; j++) {                                                                        \
                if (row[j] != row[j]) nan = 1;                                                               \
                else if (row[j] > m) m = row[j];                                                             \
            }                                                                                                \
            if (nan) m = (C)NAN;                                                                             \
            for (j = 0; j < n; j++) {                                                                        \
                row[j] = EXP(row[j] - m);                                                                    \
                sum += row[j];                                                                               \
            }                                                                                                \
            for (j = 0; j < n; j++) row[j] = row[j] / sum;                                                   \
        }                                                                                                    \
    }
KILN_FLEX_SOFTMAX_DEF(f32, float, expf)
KILN_FLEX_SOFTMAX_DEF(f64, double, exp)
