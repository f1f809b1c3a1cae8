#include "kiln_affine_grid.h"

static double kiln_ag_coord(int32_t i, int32_t d, int32_t align)
{
    if (d <= 1) return 0.0;
    if (align) return -1.0 + (double)i * (2.0 / (double)(d - 1));
    return -1.0 + 1.0 / (double)d + (double)i * (2.0 / (double)d);
}

#define KILN_AG_ID(v) (v)
#define KILN_AG_F16(v) kiln_f32_to_f16((float)(v))
#define KILN_AG_BF16(v) kiln_f32_to_bf16((float)(v))

#define KILN_AFFINE_GRID_DEF(SUF, T, LD, ST)                                                                   \
    void kiln_affine_grid_##SUF(const T *theta, T *y, int32_t N, int32_t r, const int32_t *dims, int32_t align_corners) \
    {                                                                                                          \
        const int32_t D = r == 3 ? dims[0] : 1, H = dims[r - 2], W = dims[r - 1];                              \
        int32_t n, a, h, w, k, j;                                                                              \
        if (r != 2 && r != 3) return;                                                                          \
        for (n = 0; n < N; n++) {                                                                              \
            const T *t = theta + (size_t)n * (size_t)r * (size_t)(r + 1);                                      \
            for (a = 0; a < D; a++)                                                                            \
                for (h = 0; h < H; h++)                                                                        \
                    for (w = 0; w < W; w++) {                                                                  \
                        double base[4];                                                                        \
                        T *o = y + ((((size_t)n * (size_t)D + (size_t)a) * (size_t)H + (size_t)h) * (size_t)W + \
                                    (size_t)w) * (size_t)r;                                                    \
                        base[0] = kiln_ag_coord(w, W, align_corners);                                          \
                        base[1] = kiln_ag_coord(h, H, align_corners);                                          \
                        base[2] = r == 3 ? kiln_ag_coord(a, D, align_corners) : 1.0;                           \
                        base[3] = 1.0;                                                                         \
                        for (k = 0; k < r; k++) {                                                              \
                            double acc = 0;                                                                    \
                            for (j = 0; j <= r; j++) acc += (double)LD(t[k * (r + 1) + j]) * base[j];          \
                            o[k] = ST(acc);                                                                    \
                        }                                                                                      \
                    }                                                                                          \
        }                                                                                                      \
    }

KILN_AFFINE_GRID_DEF(f32, float, KILN_AG_ID, (float))
KILN_AFFINE_GRID_DEF(f64, double, KILN_AG_ID, KILN_AG_ID)
KILN_AFFINE_GRID_DEF(f16, uint16_t, kiln_f16_to_f32, KILN_AG_F16)
KILN_AFFINE_GRID_DEF(bf16, uint16_t, kiln_bf16_to_f32, KILN_AG_BF16)
