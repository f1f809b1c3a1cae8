#include "kiln_loss.h"

#define KILN_LOSS_DEF(SFX, T, V, LD, ST, TI, TSFX)                                                            \
    void kiln_nllloss_##SFX##_##TSFX(const T *x, const TI *target, const T *weight, T *y, int32_t n,          \
                                     int32_t c, int32_t d, int64_t ignore_index, int32_t reduction)           \
    {                                                                                                         \
        int32_t i, j;                                                                                         \
        V sum = 0, wsum = 0;                                                                                  \
        for (i = 0; i < n; i++) {                                                                             \
            for (j = 0; j < d; j++) {                                                                         \
                const int64_t t = (int64_t)target[(size_t)i * (size_t)d + (size_t)j];                         \
                V w = 0, l = 0;                                                                               \
                if (t != ignore_index && t >= 0 && t < c) {                                                   \
                    w = weight ? LD(weight[t]) : (V)1;                                                        \
                    l = -LD(x[((size_t)i * (size_t)c + (size_t)t) * (size_t)d + (size_t)j]) * w;              \
                }                                                                                             \
                if (reduction == KILN_LOSS_NONE) y[(size_t)i * (size_t)d + (size_t)j] = ST(l);                \
                sum += l;                                                                                     \
                wsum += w;                                                                                    \
            }                                                                                                 \
        }                                                                                                     \
        if (reduction == KILN_LOSS_SUM) y[0] = ST(sum);                                                       \
        if (reduction == KILN_LOSS_MEAN) y[0] = ST(sum / wsum);                                               \
    }

#define KILN_LOSS_ID(v) (v)
#define KILN_LOSS_TYPE(SFX, T, V, LD, ST)                     \
    KILN_LOSS_DEF(SFX, T, V, LD, ST, int64_t, i64)            \
    KILN_LOSS_DEF(SFX, T, V, LD, ST, int32_t, i32)

KILN_LOSS_TYPE(f32, float, float, KILN_LOSS_ID, KILN_LOSS_ID)
KILN_LOSS_TYPE(f64, double, double, KILN_LOSS_ID, KILN_LOSS_ID)
KILN_LOSS_TYPE(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16)
KILN_LOSS_TYPE(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16)
