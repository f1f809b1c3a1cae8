#include "kiln_rotary.h"

#define KILN_ROT_ID(v) (v)

#define KILN_ROTARY_DEF(SUF, T, CT, LD, ST)                                                                     \
    void kiln_rotary_##SUF(const T *x, const T *cos_cache, const T *sin_cache, const int64_t *pos, T *y,        \
                           int32_t B, int32_t S, int32_t H, int32_t D, int32_t rot, int32_t interleaved,         \
                           int32_t sb, int32_t ss, int32_t sh, int32_t rows)                                     \
    {                                                                                                           \
        const int32_t half = rot / 2;                                                                           \
        int32_t b, s, h, k;                                                                                     \
        for (b = 0; b < B; b++) {                                                                               \
            for (s = 0; s < S; s++) {                                                                           \
                const T *pc = 0, *ps = 0;                                                                       \
                if (pos) {                                                                                      \
                    int64_t r = pos[(size_t)b * (size_t)S + (size_t)s];                                         \
                    if (r < 0) r += rows;                                                                       \
                    if (r >= 0 && r < rows) {                                                                   \
                        pc = cos_cache + (size_t)r * (size_t)half;                                              \
                        ps = sin_cache + (size_t)r * (size_t)half;                                              \
                    }                                                                                           \
                } else {                                                                                        \
                    pc = cos_cache + ((size_t)b * (size_t)S + (size_t)s) * (size_t)half;                        \
                    ps = sin_cache + ((size_t)b * (size_t)S + (size_t)s) * (size_t)half;                        \
                }                                                                                               \
                for (h = 0; h < H; h++) {                                                                       \
                    size_t o = (size_t)b * (size_t)sb + (size_t)s * (size_t)ss + (size_t)h * (size_t)sh;        \
                    const T *px = x + o;                                                                        \
                    T *py = y + o;                                                                              \
                    for (k = 0; k < half; k++) {                                                                \
                        const int32_t i1 = interleaved ? 2 * k : k, i2 = interleaved ? 2 * k + 1 : k + half;    \
                        const CT x1 = LD(px[i1]), x2 = LD(px[i2]);                                              \
                        const CT c = pc ? LD(pc[k]) : (CT)0, sn = ps ? LD(ps[k]) : (CT)0;                       \
                        py[i1] = ST(c * x1 - sn * x2);                                                          \
                        py[i2] = ST(sn * x1 + c * x2);                                                          \
                    }                                                                                           \
                    for (k = 2 * half; k < D; k++) py[k] = px[k];                                               \
                }                                                                                               \
            }                                                                                                   \
        }                                                                                                       \
    }

KILN_ROTARY_DEF(f32, float, float, KILN_ROT_ID, KILN_ROT_ID)
KILN_ROTARY_DEF(f64, double, double, KILN_ROT_ID, KILN_ROT_ID)
KILN_ROTARY_DEF(f16, uint16_t, float, kiln_f16_to_f32, kiln_f32_to_f16)
KILN_ROTARY_DEF(bf16, uint16_t, float, kiln_bf16_to_f32, kiln_f32_to_bf16)
