#include "kiln_roi_align.h"
#include <math.h>

#define KILN_RA_MAX_GRID 1024

/* ceil(v) as a sampling-grid size in [0, KILN_RA_MAX_GRID] (NaN gives 0). */
static int32_t kiln_ra_grid(double v)
{
    if (!(v > 0)) return 0;
    if (v >= KILN_RA_MAX_GRID) return KILN_RA_MAX_GRID;
    return (int32_t)ceil(v);
}

/* Bilinear sample position: the four offsets and weights (all zero outside [-1, H] x [-1, W]). */
static void kiln_ra_sample(double yy, double xx, int32_t H, int32_t W, int32_t pos[4], double w[4])
{
    int32_t yl, xl, yh, xh;
    double ly, lx, hy, hx;
    if (!(yy >= -1.0 && yy <= (double)H && xx >= -1.0 && xx <= (double)W)) {
        pos[0] = pos[1] = pos[2] = pos[3] = 0;
        w[0] = w[1] = w[2] = w[3] = 0;
        return;
    }
    if (yy < 0) yy = 0;
    if (xx < 0) xx = 0;
    yl = (int32_t)yy;
    xl = (int32_t)xx;
    if (yl >= H - 1) { yh = yl = H - 1; yy = yl; } else { yh = yl + 1; }
    if (xl >= W - 1) { xh = xl = W - 1; xx = xl; } else { xh = xl + 1; }
    ly = yy - yl;
    lx = xx - xl;
    hy = 1.0 - ly;
    hx = 1.0 - lx;
    pos[0] = yl * W + xl;
    pos[1] = yl * W + xh;
    pos[2] = yh * W + xl;
    pos[3] = yh * W + xh;
    w[0] = hy * hx;
    w[1] = hy * lx;
    w[2] = ly * hx;
    w[3] = ly * lx;
}

#define KILN_RA_ID(v) (v)

#define KILN_ROI_ALIGN_DEF(SUF, T, CT, LD, ST)                                                                 \
    void kiln_roi_align_##SUF(const T *x, const T *rois, const int64_t *batch, T *y, int32_t N, int32_t C,    \
                              int32_t H, int32_t W, int32_t R, int32_t PH, int32_t PW, int32_t ratio,         \
                              float spatial_scale, int32_t half_pixel, int32_t mode_max)                      \
    {                                                                                                         \
        int32_t r, c, ph, pw, iy, ix, k;                                                                      \
        for (r = 0; r < R; r++) {                                                                             \
            const T *box = rois + (size_t)r * 4;                                                              \
            const double off = half_pixel ? 0.5 : 0.0, s = (double)spatial_scale;                             \
            const double x1 = (double)LD(box[0]) * s - off, y1 = (double)LD(box[1]) * s - off;                \
            const double x2 = (double)LD(box[2]) * s - off, y2 = (double)LD(box[3]) * s - off;                \
            double rw = x2 - x1, rh = y2 - y1, bh, bw;                                                        \
            int32_t gh, gw, count;                                                                            \
            const int64_t b = batch[r];                                                                       \
            if (!half_pixel) {                                                                                \
                if (!(rw >= 1.0)) rw = 1.0;                                                                   \
                if (!(rh >= 1.0)) rh = 1.0;                                                                   \
            }                                                                                                 \
            bh = rh / PH;                                                                                     \
            bw = rw / PW;                                                                                     \
            gh = ratio > 0 ? ratio : kiln_ra_grid(rh / PH);                                                   \
            gw = ratio > 0 ? ratio : kiln_ra_grid(rw / PW);                                                   \
            count = gh * gw > 1 ? gh * gw : 1;                                                                \
            for (c = 0; c < C; c++) {                                                                         \
                const T *xc = x + ((size_t)(b >= 0 && b < N ? b : 0) * (size_t)C + (size_t)c) * (size_t)H *   \
                                      (size_t)W;                                                              \
                T *yc = y + ((size_t)r * (size_t)C + (size_t)c) * (size_t)PH * (size_t)PW;                    \
                for (ph = 0; ph < PH; ph++)                                                                   \
                    for (pw = 0; pw < PW; pw++) {                                                             \
                        CT out = 0;                                                                           \
                        int first = 1;                                                                        \
                        if (b < 0 || b >= N) {                                                                \
                            yc[ph * PW + pw] = ST((CT)0);                                                     \
                            continue;                                                                         \
                        }                                                                                     \
                        for (iy = 0; iy < gh; iy++) {                                                         \
                            const double yy = y1 + ph * bh + (iy + 0.5) * bh / gh;                            \
                            for (ix = 0; ix < gw; ix++) {                                                     \
                                const double xx = x1 + pw * bw + (ix + 0.5) * bw / gw;                        \
                                int32_t pos[4];                                                               \
                                double w[4];                                                                  \
                                kiln_ra_sample(yy, xx, H, W, pos, w);                                         \
                                if (mode_max) {                                                               \
                                    for (k = 0; k < 4; k++) {                                                 \
                                        const CT v = (CT)(w[k] * (double)LD(xc[pos[k]]));                     \
                                        if (first || v > out) out = v;                                        \
                                        first = 0;                                                            \
                                    }                                                                         \
                                } else {                                                                      \
                                    for (k = 0; k < 4; k++) out += (CT)(w[k] * (double)LD(xc[pos[k]]));       \
                                }                                                                             \
                            }                                                                                 \
                        }                                                                                     \
                        if (!mode_max) out /= (CT)count;                                                      \
                        yc[ph * PW + pw] = ST(out);                                                           \
                    }                                                                                         \
            }                                                                                                 \
        }                                                                                                     \
    }

KILN_ROI_ALIGN_DEF(f32, float, float, KILN_RA_ID, KILN_RA_ID)
KILN_ROI_ALIGN_DEF(f64, double, double, KILN_RA_ID, KILN_RA_ID)
KILN_ROI_ALIGN_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16)
KILN_ROI_ALIGN_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16)
