#include "kiln_qpool.h"
#include "kiln_qref.h"
#include "kiln_test.h"

int main(void)
{
    {
        /* 2x2 average of a 2x2 single-channel image, same scales: sum(x - zx) / 4 rounded half to even */
        const int8_t x[4] = {1, 2, 3, 4}; /* zx 0: sum 10 -> 2.5 -> 2 */
        const int32_t mult[1] = {1 << 30}, shift[1] = {32}; /* 1/4 */
        const int32_t p[KILN_QP_NPARAMS] = {1, 2, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, -128, 127};
        int8_t y[1];
        kiln_qavgpool_s8(x, y, mult, shift, p);
        KILN_CHECK(y[0] == 2);
    }
    {
        /* 3x3 s1 pad 1 average, 2 channels, without count_include_pad: per-count multipliers 1/count */
        const uint8_t x[8] = {10, 0, 20, 0, 30, 0, 41, 3}; /* 2x2 image, channels interleaved (NHWC) */
        int32_t mult[9], shift[9];
        int32_t p[KILN_QP_NPARAMS] = {1, 2, 2, 2, 2, 2, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 0, 0, 255};
        uint8_t y[8];
        int c;
        /* exact multipliers for counts 1..9: 1/c as m * 2^-n */
        for (c = 1; c <= 9; c++) {
            int n = 30;
            const double r = 1.0 / c;
            while (r * (double)((int64_t)1 << n) < 1073741824.0) n++;
            mult[c - 1] = (int32_t)(r * (double)((int64_t)1 << n) + 0.5);
            shift[c - 1] = n;
        }
        kiln_qavgpool_u8(x, y, mult, shift, p);
        /* every window covers the whole 2x2 image: count 4; channel 0: (10+20+30+41)/4 = 25.25 -> 25; channel 1: 3/4 -> 1 */
        for (c = 0; c < 4; c++) KILN_CHECK(y[2 * c] == 25 && y[2 * c + 1] == 1);
        /* count_include_pad: count 9 for every window: 101/9 = 11.2 -> 11, 3/9 -> 0 */
        p[KILN_QP_INCLUDE_PAD] = 1;
        kiln_qavgpool_u8(x, y, mult, shift, p);
        for (c = 0; c < 4; c++) KILN_CHECK(y[2 * c] == 11 && y[2 * c + 1] == 0);
    }
    {
        /* max pool 2x2 s2 on a 3x3 image (last row/column cut off), with and without requantization */
        const int16_t x[9] = {1, -5, 7, 9, 2, 3, -32768, 4, 32767};
        const int32_t p[KILN_QP_NPARAMS] = {1, 3, 3, 1, 1, 1, 2, 2, 2, 2, 1, 1, 0, 0, 0, 0, 0, 0, 2, -3, -32768, 32767};
        const int32_t mult[1] = {1 << 30}, shift[1] = {29}; /* x2 */
        int16_t y[1];
        kiln_qmaxpool_s16(x, y, NULL, NULL, p);
        KILN_CHECK(y[0] == 9);
        kiln_qmaxpool_s16(x, y, mult, shift, p);
        KILN_CHECK(y[0] == (9 - 2) * 2 - 3);
    }
    {
        /* max pool with padding: a window that only covers padding yields y_zp (clamped) */
        const int8_t x[1] = {-7};
        const int32_t p[KILN_QP_NPARAMS] = {1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0, 100, -128, 50};
        int8_t y[2];
        kiln_qmaxpool_s8(x, y, NULL, NULL, p);
        KILN_CHECK(y[0] == -7 && y[1] == 50);
    }
    KILN_TEST_END();
}
