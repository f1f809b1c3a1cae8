#ifndef KILN_NORM_H
#define KILN_NORM_H
#include "kiln_common.h"

/* Normalization layers. float16/bfloat16 compute in float; sums run in index order (the documented order).
 * "inner" is the element count per (batch, channel) pair, i.e. the product of the spatial dims.
 *
 * batchnorm:   y = (x - mean[c]) * (scale[c] / sqrt(var[c] + eps)) + bias[c]          (inference form)
 * batchnorm_train: batch statistics per channel over (n, inner): m = sum(x)/cnt, v = sum((x - m)^2)/cnt,
 *              y = (x - m) * (scale / sqrt(v + eps)) + bias; run_mean = mean * momentum + m * (1 - momentum) and
 *              run_var = var * momentum + v * (1 - momentum) when not NULL
 * affine:      y = x * a[c] + b[c]                                   (BatchNormalization with constant params)
 * instancenorm: per (n, c): m = sum(x)/inner, v = sum((x - m)^2)/inner, y = (x - m) / sqrt(v + eps) * scale[c] + bias[c]
 * layernorm:   per row of n elements: m, v as above, r = 1 / sqrt(v + eps), y = (x - m) * r * scale[i] + bias[i]
 *              (bias may be NULL); mean/invstd (may be NULL) receive m and r per row.
 * groupnorm:   per (n, group): m, v over the group's C/G channels x inner elements, then per channel
 *              y = (x - m) / sqrt(v + eps) * scale + bias, scale/bias indexed by channel, or by group when
 *              per_group != 0 (opset 18).
 * rmsnorm:     per row: r = 1 / sqrt(sum(x^2)/n + eps), y = x * r * scale[i]
 * mvn:         kept/reduced dims as in kiln_reduce.h; per kept index m = mean, s = sqrt(mean((x - m)^2)),
 *              y = (x - m) / (s + 1e-9)
 * lpnorm:      along the middle dim of [outer, n, inner]: y = x / (sum |x|^p)^(1/p) (p = 1 or 2); a zero norm gives 0
 * lrn:         y = x / (bias + alpha/size * sum_{c' in [c - (size-1)/2, c + size/2]} x[c']^2)^beta */
#define KILN_NORM_DECL(SFX, T, M)                                                                              \
    void kiln_batchnorm_##SFX(const T *x, const T *scale, const T *bias, const T *mean, const T *var, T *y,      \
                              int32_t n, int32_t c, int32_t inner, float eps);                                  \
    void kiln_batchnorm_train_##SFX(const T *x, const T *scale, const T *bias, const T *mean, const T *var,     \
                                    T *y, T *run_mean, T *run_var, int32_t n, int32_t c, int32_t inner,         \
                                    float eps, float momentum);                                                 \
    void kiln_affine_##SFX(const T *x, const T *a, const T *b, T *y, int32_t n, int32_t c, int32_t inner);      \
    void kiln_instancenorm_##SFX(const T *x, const T *scale, const T *bias, T *y, int32_t n, int32_t c,         \
                                 int32_t inner, float eps);                                                     \
    void kiln_layernorm_##SFX(const T *x, const T *scale, const T *bias, T *y, M *mean, M *invstd,             \
                              int32_t outer, int32_t n, float eps);                                             \
    void kiln_groupnorm_##SFX(const T *x, const T *scale, const T *bias, T *y, int32_t n, int32_t c,            \
                              int32_t inner, int32_t groups, int32_t per_group, float eps);                     \
    void kiln_rmsnorm_##SFX(const T *x, const T *scale, T *y, int32_t outer, int32_t n, float eps);            \
    void kiln_mvn_##SFX(const T *x, T *y, int32_t nk, const int32_t *ks, const int32_t *kst, int32_t nr,        \
                        const int32_t *rs, const int32_t *rst);                                                 \
    void kiln_lpnorm_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner, int32_t p);              \
    void kiln_lrn_##SFX(const T *x, T *y, int32_t n, int32_t c, int32_t inner, int32_t size, float alpha,      \
                        float beta, float bias);

KILN_NORM_DECL(f32, float, float)
KILN_NORM_DECL(f64, double, double)
KILN_NORM_DECL(f16, uint16_t, float)
KILN_NORM_DECL(bf16, uint16_t, float)

#endif
