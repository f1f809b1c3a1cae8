#include "kiln_softmax.h"
#include <math.h>

#define KILN_SM_DEF(SFX, T, V, LD, ST, EXP, LOG)                                                         \
    void kiln_softmax_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner)                     \
    {                                                                                                      \
        int32_t o, i, k;                                                                                   \
        for (o = 0; o < outer; o++) {                                                                      \
            for (i = 0; i < inner; i++) {                                                                  \
                const size_t base = (size_t)o * (size_t)n * (size_t)inner + (size_t)i;                     \
                const T *p = x + base;                                                                     \
                T *q = y + base;                                                                           \
                V mx = -(V)INFINITY, s = 0;                                                                \
                for (k = 0; k < n; k++) {                                                                  \
                    const V v = LD(p[(size_t)k * (size_t)inner]);                                          \
                    if (v > mx || v != v) mx = v;                                                          \
                }                                                                                          \
                for (k = 0; k < n; k++) s += EXP(LD(p[(size_t)k * (size_t)inner]) - mx);                   \
                for (k = 0; k < n; k++) {                                                                  \
                    const size_t j = (size_t)k * (size_t)inner;                                            \
                    q[j] = ST(EXP(LD(p[j]) - mx) / s);                                                     \
                }                                                                                          \
            }                                                                                              \
        }                                                                                                  \
    }                                                                                                      \
    void kiln_logsoftmax_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner)                  \
    {                                                                                                      \
        int32_t o, i, k;                                                                                   \
        for (o = 0; o < outer; o++) {                                                                      \
            for (i = 0; i < inner; i++) {                                                                  \
                const size_t base = (size_t)o * (size_t)n * (size_t)inner + (size_t)i;                     \
                const T *p = x + base;                                                                     \
                T *q = y + base;                                                                           \
                V mx = -(V)INFINITY, s = 0, ls;                                                            \
                for (k = 0; k < n; k++) {                                                                  \
                    const V v = LD(p[(size_t)k * (size_t)inner]);                                          \
                    if (v > mx || v != v) mx = v;                                                          \
                }                                                                                          \
                for (k = 0; k < n; k++) s += EXP(LD(p[(size_t)k * (size_t)inner]) - mx);                   \
                ls = LOG(s);                                                                               \
                for (k = 0; k < n; k++) {                                                                  \
                    const size_t j = (size_t)k * (size_t)inner;                                            \
                    q[j] = ST((LD(p[j]) - mx) - ls);                                                       \
                }                                                                                          \
            }                                                                                              \
        }                                                                                                  \
    }                                                                                                      \
    void kiln_hardmax_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner)                     \
    {                                                                                                      \
        int32_t o, i, k;                                                                                   \
        for (o = 0; o < outer; o++) {                                                                      \
            for (i = 0; i < inner; i++) {                                                                  \
                const size_t base = (size_t)o * (size_t)n * (size_t)inner + (size_t)i;                     \
                const T *p = x + base;                                                                     \
                T *q = y + base;                                                                           \
                int32_t bi = 0;                                                                            \
                V mx;                                                                                      \
                if (n == 0) continue;                                                                      \
                mx = LD(p[0]);                                                                             \
                for (k = 1; k < n && mx == mx; k++) {                                                      \
                    const V v = LD(p[(size_t)k * (size_t)inner]);                                          \
                    if (v > mx || v != v) {                                                                \
                        mx = v;                                                                            \
                        bi = k;                                                                            \
                    }                                                                                      \
                }                                                                                          \
                for (k = 0; k < n; k++) q[(size_t)k * (size_t)inner] = ST((V)(k == bi ? 1 : 0));           \
            }                                                                                              \
        }                                                                                                  \
    }

#define KILN_SM_ID(v) (v)
KILN_SM_DEF(f32, float, float, KILN_SM_ID, KILN_SM_ID, expf, logf)
KILN_SM_DEF(f64, double, double, KILN_SM_ID, KILN_SM_ID, exp, log)
KILN_SM_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16, expf, logf)
KILN_SM_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16, expf, logf)
