#include "kiln_qsoftmax.h"

#define KILN_EXP8(d) ((uint64_t)exp_table[(d) & 255])
#define KILN_EXP16(d) (((uint64_t)exp_table[256 + (((d) >> 8) & 255)] * exp_table[(d) & 255]) >> 30)

#define KILN_QSOFTMAX_DEF(NAME, T, EXP)                                                                              \
    void NAME(const T *x, T *y, const uint32_t *exp_table, const int32_t *p)                                   \
    {                                                                                                           \
        const int32_t rows = p[KILN_QS_ROWS], len = p[KILN_QS_LEN], zy = p[KILN_QS_YZP];                        \
        const int64_t mult = p[KILN_QS_MULT];                                                                   \
        const int32_t sh = p[KILN_QS_SHIFT], lo = p[KILN_QS_LO], hi = p[KILN_QS_HI];                            \
        int32_t r, i;                                                                                           \
        for (r = 0; r < rows; r++) {                                                                            \
            const T *xr = x + (size_t)r * (size_t)len;                                                          \
            T *yr = y + (size_t)r * (size_t)len;                                                                \
            int32_t mx;                                                                                         \
            uint64_t sum = 0, rec;                                                                              \
            if (len <= 0) continue;                                                                             \
            mx = xr[0];                                                                                         \
            for (i = 1; i < len; i++)                                                                           \
                if (xr[i] > mx) mx = xr[i];                                                                     \
            for (i = 0; i < len; i++) sum += EXP(mx - (int32_t)xr[i]);                            \
            if (sum == 0) sum = 1;                                                                              \
            rec = ((uint64_t)1 << 62) / sum;                                                                    \
            for (i = 0; i < len; i++) {                                                                         \
                const uint64_t prob = (EXP(mx - (int32_t)xr[i]) * rec) >> 31;          \
                yr[i] = (T)kiln_clamp_i32(kiln_round_shift((int64_t)prob * mult, sh) + zy, lo, hi);             \
            }                                                                                                   \
        }                                                                                                       \
    }

KILN_QSOFTMAX_DEF(kiln_qsoftmax_s8, int8_t, KILN_EXP8)
KILN_QSOFTMAX_DEF(kiln_qsoftmax_u8, uint8_t, KILN_EXP8)
KILN_QSOFTMAX_DEF(kiln_qsoftmax_s16, int16_t, KILN_EXP16)
