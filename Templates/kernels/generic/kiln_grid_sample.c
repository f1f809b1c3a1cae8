#include "kiln_grid_sample.h"
#include <math.h>

#define KILN_GS_MAX_DIMS 3
#define KILN_GS_FAR (1 << 30)

/* Mirrors v into [lo, hi] by reflecting about the nearer border repeatedly. */
static float kiln_gs_reflect(float v, float lo, float hi)
{
    const float range = hi - lo;
    float d, q, rem;
    int odd;
    if (!(range > 0.0f)) return lo;
    if (v < lo) d = lo - v;
    else if (v > hi) d = v - hi;
    else return v;
    q = floorf(d / range);
    rem = d - q * range;
    odd = fmodf(q, 2.0f) != 0.0f;
    if (v < lo) return odd ? hi - rem : lo + rem;
    return odd ? lo + rem : hi - rem;
}

/* floor(v) as an index; NaN and huge values map far outside every dim. */
static int32_t kiln_gs_floor(float v)
{
    if (!(v > -(float)KILN_GS_FAR)) return -KILN_GS_FAR;
    if (v > (float)KILN_GS_FAR) return KILN_GS_FAR;
    return (int32_t)floorf(v);
}

/* Truncation toward zero as an index (C's conversion), with the same guards. */
static int32_t kiln_gs_trunc(float v)
{
    if (!(v > -(float)KILN_GS_FAR)) return -KILN_GS_FAR;
    if (v > (float)KILN_GS_FAR) return KILN_GS_FAR;
    return (int32_t)v;
}

static float kiln_gs_rint(float v)
{
    float f, d;
    if (!(v > -(float)KILN_GS_FAR && v < (float)KILN_GS_FAR)) return v;
    f = floorf(v);
    d = v - f;
    if (d > 0.5f || (d == 0.5f && fmodf(f, 2.0f) != 0.0f)) f += 1.0f;
    return f;
}

/* Index i of a dim of size n after padding: -1 reads zero. */
static int32_t kiln_gs_index(int32_t i, int32_t n, int32_t padding, float lo, float hi)
{
    if (padding == 0) return (i >= 0 && i < n) ? i : -1;
    if (padding == 2 && (i < 0 || i >= n)) i = kiln_gs_trunc(kiln_gs_reflect((float)i, lo, hi));
    return i < 0 ? 0 : (i >= n ? n - 1 : i);
}

static void kiln_gs_cubic(float t, float c[4])
{
    const float a = -0.75f;
    const float x = t < 0 ? -t : t;
    c[0] = ((a * (x + 1) - 5 * a) * (x + 1) + 8 * a) * (x + 1) - 4 * a;
    c[1] = ((a + 2) * x - (a + 3)) * x * x + 1;
    c[2] = ((a + 2) * (1 - x) - (a + 3)) * (1 - x) * (1 - x) + 1;
    c[3] = ((a * (2 - x) - 5 * a) * (2 - x) + 8 * a) * (2 - x) - 4 * a;
}

/* Taps of one output position: per dim up to 4 (index, weight); returns the number per dim. */
static int32_t kiln_gs_taps(float g, int32_t n, int32_t mode, int32_t padding, int32_t align, int32_t *idx,
                            float *w)
{
    const float lo = align ? 0.0f : -0.5f, hi = align ? (float)n - 1.0f : (float)n - 0.5f;
    float v = align ? (g + 1) / 2.0f * (float)(n - 1) : ((g + 1) * (float)n - 1) / 2.0f;
    int32_t k0, k;
    if (mode == 0) v = kiln_gs_rint(v);
    if (v < lo || v > hi) {
        if (padding == 1) v = v < 0 ? 0.0f : (v > (float)(n - 1) ? (float)(n - 1) : v);
        else if (padding == 2) v = kiln_gs_reflect(v, lo, hi);
    }
    if (mode == 0) {
        idx[0] = kiln_gs_index(kiln_gs_trunc(v), n, padding, lo, hi);
        w[0] = 1.0f;
        return 1;
    }
    k0 = kiln_gs_floor(v);
    if (mode == 1) {
        const float t = v - (float)k0;
        idx[0] = kiln_gs_index(k0, n, padding, lo, hi);
        idx[1] = kiln_gs_index(k0 == KILN_GS_FAR ? k0 : k0 + 1, n, padding, lo, hi);
        w[0] = 1 - t;
        w[1] = t;
        return 2;
    }
    kiln_gs_cubic(v - (float)k0, w);
    for (k = 0; k < 4; k++) {
        int32_t i = k0;
        if (k0 > -KILN_GS_FAR && k0 < KILN_GS_FAR) i = k0 - 1 + k;
        idx[k] = kiln_gs_index(i, n, padding, lo, hi);
    }
    return 4;
}

#define KILN_GS_ID(v) (v)

#define KILN_GRID_SAMPLE_DEF(SUF, T, CT, LD, ST)                                                                \
    void kiln_grid_sample_##SUF(const T *x, const T *grid, T *y, int32_t N, int32_t C, int32_t r,              \
                                const int32_t *in, const int32_t *out, int32_t mode, int32_t padding,           \
                                int32_t align_corners)                                                          \
    {                                                                                                           \
        int32_t idx[KILN_GS_MAX_DIMS][4], cnt[KILN_GS_MAX_DIMS], strides[KILN_GS_MAX_DIMS];                    \
        float w[KILN_GS_MAX_DIMS][4];                                                                           \
        size_t in_count = 1, out_count = 1;                                                                     \
        int32_t n, c, d;                                                                                        \
        size_t o;                                                                                               \
        if (r < 1 || r > KILN_GS_MAX_DIMS) return;                                                              \
        for (d = r - 1; d >= 0; d--) {                                                                          \
            strides[d] = (int32_t)in_count;                                                                     \
            in_count *= (size_t)in[d];                                                                          \
            out_count *= (size_t)out[d];                                                                        \
        }                                                                                                       \
        for (n = 0; n < N; n++) {                                                                               \
            for (o = 0; o < out_count; o++) {                                                                   \
                const T *g = grid + ((size_t)n * out_count + o) * (size_t)r;                                    \
                int32_t total = 1, t;                                                                           \
                for (d = 0; d < r; d++) {                                                                       \
                    cnt[d] = kiln_gs_taps((float)LD(g[r - 1 - d]), in[d], mode, padding, align_corners, idx[d], \
                                          w[d]);                                                                \
                    total *= cnt[d];                                                                            \
                }                                                                                               \
                for (c = 0; c < C; c++) {                                                                       \
                    const T *xc = x + ((size_t)n * (size_t)C + (size_t)c) * in_count;                           \
                    CT acc = 0;                                                                                 \
                    for (t = 0; t < total; t++) {                                                               \
                        int32_t rest = t, off = 0, skip = 0;                                                    \
                        CT weight = 1;                                                                          \
                        for (d = r - 1; d >= 0; d--) {                                                          \
                            const int32_t k = rest % cnt[d];                                                    \
                            rest /= cnt[d];                                                                     \
                            if (idx[d][k] < 0) skip = 1;                                                        \
                            else off += idx[d][k] * strides[d];                                                 \
                            weight *= (CT)w[d][k];                                                              \
                        }                                                                                       \
                        if (!skip) acc += weight * LD(xc[off]);                                                 \
                    }                                                                                           \
                    y[((size_t)n * (size_t)C + (size_t)c) * out_count + o] = ST(acc);                           \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
    }

KILN_GRID_SAMPLE_DEF(f32, float, float, KILN_GS_ID, KILN_GS_ID)
KILN_GRID_SAMPLE_DEF(f64, double, double, KILN_GS_ID, KILN_GS_ID)
KILN_GRID_SAMPLE_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16)
KILN_GRID_SAMPLE_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16)
