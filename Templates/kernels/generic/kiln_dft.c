#include "kiln_dft.h"

/* Element n (real, imaginary) of the signal, with zero padding past n_in. */
static void kiln_dft_load(const float *x, int32_t n, int32_t n_in, int32_t inner, int32_t c_in, float *re, float *im)
{
    if (n >= n_in) {
        *re = 0.0f;
        *im = 0.0f;
        return;
    }
    x += (size_t)n * (size_t)inner * (size_t)c_in;
    *re = x[0];
    *im = c_in == 2 ? x[1] : 0.0f;
}

void kiln_dft_f32(const float *x, const float *tw, float *y, int32_t outer, int32_t n_in, int32_t inner, int32_t c_in,
                  int32_t L, int32_t n_out, int32_t c_out, int32_t inverse, int32_t mode)
{
    const float sign = inverse ? 1.0f : -1.0f, scale = inverse ? 1.0f / (float)L : 1.0f;
    int32_t o, i, k, n;
    if (L <= 0) return;
    for (o = 0; o < outer; o++) {
        for (i = 0; i < inner; i++) {
            const float *xs = x + ((size_t)o * (size_t)n_in * (size_t)inner + (size_t)i) * (size_t)c_in;
            float *ys = y + ((size_t)o * (size_t)n_out * (size_t)inner + (size_t)i) * (size_t)c_out;
            for (k = 0; k < n_out; k++) {
                float sr = 0.0f, si = 0.0f;
                int32_t j = 0; /* (k * n) mod L, stepped without overflow */
                for (n = 0; n < L; n++) {
                    float xr, xi, c = tw[2 * j], s = sign * tw[2 * j + 1];
                    if (mode == 1 && n > L / 2) {
                        kiln_dft_load(xs, L - n, n_in, inner, c_in, &xr, &xi);
                        xi = -xi;
                    } else {
                        kiln_dft_load(xs, n, n_in, inner, c_in, &xr, &xi);
                    }
                    sr += xr * c - xi * s;
                    si += xr * s + xi * c;
                    j += k % L;
                    if (j >= L) j -= L;
                }
                ys[(size_t)k * (size_t)inner * (size_t)c_out] = sr * scale;
                if (c_out == 2) ys[(size_t)k * (size_t)inner * (size_t)c_out + 1] = si * scale;
            }
        }
    }
}

void kiln_stft_f32(const float *x, const float *window, const float *tw, float *y, int32_t batch, int32_t length,
                   int32_t c_in, int32_t frames, int32_t step, int32_t L, int32_t n_out)
{
    int32_t b, f, k, n;
    if (L <= 0) return;
    for (b = 0; b < batch; b++) {
        for (f = 0; f < frames; f++) {
            const float *xs = x + ((size_t)b * (size_t)length + (size_t)f * (size_t)step) * (size_t)c_in;
            float *ys = y + ((size_t)b * (size_t)frames + (size_t)f) * (size_t)n_out * 2u;
            for (k = 0; k < n_out; k++) {
                float sr = 0.0f, si = 0.0f;
                int32_t j = 0;
                for (n = 0; n < L; n++) {
                    const float w = window ? window[n] : 1.0f;
                    const float xr = w * xs[(size_t)n * (size_t)c_in], xi = c_in == 2 ? w * xs[(size_t)n * 2u + 1u] : 0.0f;
                    const float c = tw[2 * j], s = -tw[2 * j + 1];
                    sr += xr * c - xi * s;
                    si += xr * s + xi * c;
                    j += k % L;
                    if (j >= L) j -= L;
                }
                ys[2 * k] = sr;
                ys[2 * k + 1] = si;
            }
        }
    }
}
