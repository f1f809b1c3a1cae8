#include "kiln_col2im.h"

void kiln_col2im_f32(const float *x, float *y, int32_t N, int32_t C, int32_t D, const int32_t *image,
                     const int32_t *block, const int32_t *dilations, const int32_t *pad_begin, const int32_t *strides,
                     const int32_t *cols)
{
    size_t K = 1, L = 1, I = 1, k, l;
    int32_t d, n, c;
    if (D < 1 || D > KILN_MAX_RANK) return;
    for (d = 0; d < D; d++) {
        K *= (size_t)block[d];
        L *= (size_t)cols[d];
        I *= (size_t)image[d];
    }
    memset(y, 0, (size_t)N * (size_t)C * I * sizeof *y);
    for (n = 0; n < N; n++) {
        for (c = 0; c < C; c++) {
            const float *xc = x + ((size_t)n * (size_t)C + (size_t)c) * K * L;
            float *yc = y + ((size_t)n * (size_t)C + (size_t)c) * I;
            for (k = 0; k < K; k++) {
                int64_t off[KILN_MAX_RANK];
                size_t rest = k;
                for (d = D - 1; d >= 0; d--) {
                    off[d] = (int64_t)(rest % (size_t)block[d]);
                    rest /= (size_t)block[d];
                }
                for (l = 0; l < L; l++) {
                    size_t at = 0, r = l;
                    int64_t pos[KILN_MAX_RANK];
                    int inside = 1;
                    for (d = D - 1; d >= 0; d--) {
                        const int64_t col = (int64_t)(r % (size_t)cols[d]);
                        r /= (size_t)cols[d];
                        pos[d] = col * strides[d] - pad_begin[d] + off[d] * dilations[d];
                        if (pos[d] < 0 || pos[d] >= image[d]) inside = 0;
                    }
                    if (!inside) continue;
                    for (d = 0; d < D; d++) at = at * (size_t)image[d] + (size_t)pos[d];
                    yc[at] += xc[k * L + l];
                }
            }
        }
    }
}
