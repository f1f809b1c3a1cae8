#include "kiln_norm.h"
#include <math.h>

/* Advances a row-major index over nd dims (shape sh, element strides st), keeping *off in step.
 * Returns 0 once every index has been visited. */
static int kiln_norm_next(int32_t *idx, const int32_t *sh, const int32_t *st, int32_t nd, size_t *off)
{
    int32_t d;
    for (d = nd - 1; d >= 0; d--) {
        *off += (size_t)st[d];
        if (++idx[d] < sh[d]) return 1;
        *off -= (size_t)st[d] * (size_t)sh[d];
        idx[d] = 0;
    }
    return 0;
}

static size_t kiln_norm_count(const int32_t *sh, int32_t nd)
{
    size_t n = 1;
    int32_t d;
    for (d = 0; d < nd; d++) n *= (size_t)sh[d];
    return n;
}

#define KILN_NORM_DEF(SFX, T, V, M, LD, ST, SQRT, POW, ABS)                                                    \
    void kiln_batchnorm_##SFX(const T *x, const T *scale, const T *bias, const T *mean, const T *var, T *y,      \
                              int32_t n, int32_t c, int32_t inner, float eps)                                   \
    {                                                                                                          \
        int32_t i, j, k;                                                                                       \
        for (i = 0; i < n; i++) {                                                                              \
            for (j = 0; j < c; j++) {                                                                          \
                const V a = LD(scale[j]) / SQRT(LD(var[j]) + (V)eps), m = LD(mean[j]), b = LD(bias[j]);        \
                const size_t o = ((size_t)i * (size_t)c + (size_t)j) * (size_t)inner;                          \
                for (k = 0; k < inner; k++) y[o + k] = ST((LD(x[o + k]) - m) * a + b);                         \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_batchnorm_train_##SFX(const T *x, const T *scale, const T *bias, const T *mean, const T *var,     \
                                    T *y, T *run_mean, T *run_var, int32_t n, int32_t c, int32_t inner,         \
                                    float eps, float momentum)                                                  \
    {                                                                                                          \
        const size_t cnt = (size_t)n * (size_t)inner;                                                          \
        int32_t i, j, k;                                                                                       \
        for (j = 0; j < c; j++) {                                                                              \
            V m = 0, q = 0, a, b;                                                                              \
            for (i = 0; i < n; i++)                                                                            \
                for (k = 0; k < inner; k++) m += LD(x[((size_t)i * (size_t)c + (size_t)j) * (size_t)inner + k]); \
            m = cnt ? m / (V)cnt : (V)0;                                                                       \
            for (i = 0; i < n; i++)                                                                            \
                for (k = 0; k < inner; k++) {                                                                  \
                    const V d = LD(x[((size_t)i * (size_t)c + (size_t)j) * (size_t)inner + k]) - m;            \
                    q += d * d;                                                                                \
                }                                                                                              \
            q = cnt ? q / (V)cnt : (V)0;                                                                       \
            if (run_mean) run_mean[j] = ST(LD(mean[j]) * (V)momentum + m * ((V)1 - (V)momentum));             \
            if (run_var) run_var[j] = ST(LD(var[j]) * (V)momentum + q * ((V)1 - (V)momentum));                 \
            a = LD(scale[j]) / SQRT(q + (V)eps);                                                               \
            b = LD(bias[j]);                                                                                   \
            for (i = 0; i < n; i++) {                                                                          \
                const size_t o = ((size_t)i * (size_t)c + (size_t)j) * (size_t)inner;                          \
                for (k = 0; k < inner; k++) y[o + k] = ST((LD(x[o + k]) - m) * a + b);                         \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_affine_##SFX(const T *x, const T *a, const T *b, T *y, int32_t n, int32_t c, int32_t inner)       \
    {                                                                                                          \
        int32_t i, j, k;                                                                                       \
        for (i = 0; i < n; i++) {                                                                              \
            for (j = 0; j < c; j++) {                                                                          \
                const V aj = LD(a[j]), bj = LD(b[j]);                                                          \
                const size_t o = ((size_t)i * (size_t)c + (size_t)j) * (size_t)inner;                          \
                for (k = 0; k < inner; k++) y[o + k] = ST(LD(x[o + k]) * aj + bj);                             \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    /* mean and variance of cnt elements at p (stride 1) */                                                    \
    static void kiln_norm_moments_##SFX(const T *p, size_t cnt, V *m, V *v)                                    \
    {                                                                                                          \
        size_t k;                                                                                              \
        V s = 0, q = 0;                                                                                        \
        for (k = 0; k < cnt; k++) s += LD(p[k]);                                                               \
        s = cnt ? s / (V)cnt : (V)0;                                                                           \
        for (k = 0; k < cnt; k++) {                                                                            \
            const V d = LD(p[k]) - s;                                                                          \
            q += d * d;                                                                                        \
        }                                                                                                      \
        *m = s;                                                                                                \
        *v = cnt ? q / (V)cnt : (V)0;                                                                          \
    }                                                                                                          \
    void kiln_instancenorm_##SFX(const T *x, const T *scale, const T *bias, T *y, int32_t n, int32_t c,         \
                                 int32_t inner, float eps)                                                      \
    {                                                                                                          \
        int32_t i, j, k;                                                                                       \
        for (i = 0; i < n; i++) {                                                                              \
            for (j = 0; j < c; j++) {                                                                          \
                const size_t o = ((size_t)i * (size_t)c + (size_t)j) * (size_t)inner;                          \
                V m, v, r, s, b;                                                                               \
                kiln_norm_moments_##SFX(x + o, (size_t)inner, &m, &v);                                         \
                r = (V)1 / SQRT(v + (V)eps);                                                                   \
                s = LD(scale[j]);                                                                              \
                b = LD(bias[j]);                                                                               \
                for (k = 0; k < inner; k++) y[o + k] = ST((LD(x[o + k]) - m) * r * s + b);                     \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_layernorm_##SFX(const T *x, const T *scale, const T *bias, T *y, M *mean, M *invstd,             \
                              int32_t outer, int32_t n, float eps)                                              \
    {                                                                                                          \
        int32_t i, k;                                                                                          \
        for (i = 0; i < outer; i++) {                                                                          \
            const size_t o = (size_t)i * (size_t)n;                                                            \
            V m, v, r;                                                                                         \
            kiln_norm_moments_##SFX(x + o, (size_t)n, &m, &v);                                                 \
            r = (V)1 / SQRT(v + (V)eps);                                                                       \
            if (mean) mean[i] = (M)m;                                                                          \
            if (invstd) invstd[i] = (M)r;                                                                      \
            for (k = 0; k < n; k++) {                                                                          \
                const V t = (LD(x[o + k]) - m) * r * LD(scale[k]);                                             \
                y[o + k] = ST(bias ? t + LD(bias[k]) : t);                                                     \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_groupnorm_##SFX(const T *x, const T *scale, const T *bias, T *y, int32_t n, int32_t c,            \
                              int32_t inner, int32_t groups, int32_t per_group, float eps)                      \
    {                                                                                                          \
        const int32_t cg = groups > 0 ? c / groups : 0;                                                        \
        int32_t i, g, j, k;                                                                                    \
        for (i = 0; i < n; i++) {                                                                              \
            for (g = 0; g < groups; g++) {                                                                     \
                const size_t o = ((size_t)i * (size_t)c + (size_t)g * (size_t)cg) * (size_t)inner;             \
                V m, v, r;                                                                                     \
                kiln_norm_moments_##SFX(x + o, (size_t)cg * (size_t)inner, &m, &v);                            \
                r = (V)1 / SQRT(v + (V)eps);                                                                   \
                for (j = 0; j < cg; j++) {                                                                     \
                    const int32_t ch = per_group ? g : g * cg + j;                                             \
                    const V s = LD(scale[ch]), b = LD(bias[ch]);                                               \
                    const size_t oj = o + (size_t)j * (size_t)inner;                                           \
                    for (k = 0; k < inner; k++) y[oj + k] = ST((LD(x[oj + k]) - m) * r * s + b);               \
                }                                                                                              \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_rmsnorm_##SFX(const T *x, const T *scale, T *y, int32_t outer, int32_t n, float eps)             \
    {                                                                                                          \
        int32_t i, k;                                                                                          \
        for (i = 0; i < outer; i++) {                                                                          \
            const size_t o = (size_t)i * (size_t)n;                                                            \
            V q = 0, r;                                                                                        \
            for (k = 0; k < n; k++) {                                                                          \
                const V v = LD(x[o + k]);                                                                      \
                q += v * v;                                                                                    \
            }                                                                                                  \
            r = (V)1 / SQRT((n ? q / (V)n : (V)0) + (V)eps);                                                   \
            for (k = 0; k < n; k++) y[o + k] = ST(LD(x[o + k]) * r * LD(scale[k]));                            \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_mvn_##SFX(const T *x, T *y, int32_t nk, const int32_t *ks, const int32_t *kst, int32_t nr,        \
                        const int32_t *rs, const int32_t *rst)                                                  \
    {                                                                                                          \
        int32_t ki[KILN_MAX_RANK], ri[KILN_MAX_RANK], d;                                                       \
        const size_t nout = kiln_norm_count(ks, nk), cnt = kiln_norm_count(rs, nr);                            \
        size_t base = 0, o, roff;                                                                              \
        for (d = 0; d < nk; d++) ki[d] = 0;                                                                    \
        for (o = 0; o < nout && cnt > 0; o++) {                                                                \
            V m = 0, q = 0, s;                                                                                 \
            for (d = 0; d < nr; d++) ri[d] = 0;                                                                \
            roff = 0;                                                                                          \
            do m += LD(x[base + roff]);                                                                        \
            while (kiln_norm_next(ri, rs, rst, nr, &roff));                                                    \
            m /= (V)cnt;                                                                                       \
            do {                                                                                               \
                const V t = LD(x[base + roff]) - m;                                                            \
                q += t * t;                                                                                    \
            } while (kiln_norm_next(ri, rs, rst, nr, &roff));                                                  \
            s = SQRT(q / (V)cnt) + (V)1e-9;                                                                    \
            do y[base + roff] = ST((LD(x[base + roff]) - m) / s);                                              \
            while (kiln_norm_next(ri, rs, rst, nr, &roff));                                                    \
            kiln_norm_next(ki, ks, kst, nk, &base);                                                            \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_lpnorm_##SFX(const T *x, T *y, int32_t outer, int32_t n, int32_t inner, int32_t p)               \
    {                                                                                                          \
        int32_t o, i, k;                                                                                       \
        for (o = 0; o < outer; o++) {                                                                          \
            for (i = 0; i < inner; i++) {                                                                      \
                const size_t b = (size_t)o * (size_t)n * (size_t)inner + (size_t)i;                            \
                V s = 0;                                                                                       \
                for (k = 0; k < n; k++) {                                                                      \
                    const V v = LD(x[b + (size_t)k * (size_t)inner]);                                          \
                    s += p == 1 ? ABS(v) : v * v;                                                              \
                }                                                                                              \
                if (p != 1) s = SQRT(s);                                                                       \
                for (k = 0; k < n; k++) {                                                                      \
                    const size_t j = b + (size_t)k * (size_t)inner;                                            \
                    y[j] = ST(s == 0 ? (V)0 : LD(x[j]) / s);                                                   \
                }                                                                                              \
            }                                                                                                  \
        }                                                                                                      \
    }                                                                                                          \
    void kiln_lrn_##SFX(const T *x, T *y, int32_t n, int32_t c, int32_t inner, int32_t size, float alpha,      \
                        float beta, float bias)                                                                 \
    {                                                                                                          \
        const int32_t lo = (size - 1) / 2, hi = size / 2;                                                      \
        const V k0 = (V)alpha / (V)size;                                                                       \
        int32_t i, j, k, cc;                                                                                   \
        for (i = 0; i < n; i++) {                                                                              \
            for (j = 0; j < c; j++) {                                                                          \
                const int32_t c0 = j - lo < 0 ? 0 : j - lo, c1 = j + hi >= c ? c - 1 : j + hi;                 \
                for (k = 0; k < inner; k++) {                                                                  \
                    V s = 0;                                                                                   \
                    const size_t o = ((size_t)i * (size_t)c + (size_t)j) * (size_t)inner + (size_t)k;          \
                    for (cc = c0; cc <= c1; cc++) {                                                            \
                        const V v = LD(x[((size_t)i * (size_t)c + (size_t)cc) * (size_t)inner + (size_t)k]);   \
                        s += v * v;                                                                            \
                    }                                                                                          \
                    y[o] = ST(LD(x[o]) / POW((V)bias + k0 * s, (V)beta));                                      \
                }                                                                                              \
            }                                                                                                  \
        }                                                                                                      \
    }

#define KILN_NORM_ID(v) (v)
KILN_NORM_DEF(f32, float, float, float, KILN_NORM_ID, KILN_NORM_ID, sqrtf, powf, fabsf)
KILN_NORM_DEF(f64, double, double, double, KILN_NORM_ID, KILN_NORM_ID, sqrt, pow, fabs)
KILN_NORM_DEF(f16, uint16_t, float, float, kiln_f16_to_f32, kiln_f32_to_f16, sqrtf, powf, fabsf)
KILN_NORM_DEF(bf16, uint16_t, float, float, kiln_bf16_to_f32, kiln_f32_to_bf16, sqrtf, powf, fabsf)
