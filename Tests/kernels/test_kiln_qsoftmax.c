#include "kiln_qsoftmax.h"
#include "kiln_test.h"
#include <math.h>

/* exp_table for a given input scale, as the compiler builds it */
static void table(uint32_t *t, double s, int wide)
{
    int d;
    for (d = 0; d < 256; d++) t[d] = (uint32_t)llround(ldexp(exp(-s * d), 30));
    if (wide)
        for (d = 0; d < 256; d++) t[256 + d] = (uint32_t)llround(ldexp(exp(-s * 256.0 * d), 30));
}

int main(void)
{
    uint32_t t[512];
    {
        /* two equal logits and one far below: probabilities 0.5, 0.5, ~0; y_scale 1/256, y_zp -128:
         * 0.5 * 256 - 128 = 0; mult * 2^-shift = 2^-31 * 256 = 2^-23 -> m = 2^30, shift 53 */
        const int8_t x[3] = {10, 10, -118};
        const int32_t p[KILN_QS_NPARAMS] = {1, 3, -128, 1 << 30, 53, -128, 127};
        const int8_t want[3] = {0, 0, -128};
        int8_t y[3];
        table(t, 0.5, 0);
        kiln_qsoftmax_s8(x, y, t, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* uint8 rows of 4 against the float computation (x_scale 0.1, y_scale 1/255, zp 0) */
        const uint8_t x[8] = {0, 10, 20, 30, 255, 0, 128, 128};
        const int32_t p[KILN_QS_NPARAMS] = {2, 4, 0, 1 << 30, 0, 0, 255};
        uint8_t y[8];
        int32_t pp[KILN_QS_NPARAMS];
        int r, i, n = 30;
        /* 255 * 2^-31 = m * 2^-shift */
        while (255.0 * ldexp(1.0, -31) * ldexp(1.0, n) < 1073741824.0) n++;
        memcpy(pp, p, sizeof p);
        pp[KILN_QS_MULT] = (int32_t)llround(255.0 * ldexp(1.0, -31) * ldexp(1.0, n));
        pp[KILN_QS_SHIFT] = n;
        table(t, 0.1, 0);
        kiln_qsoftmax_u8(x, y, t, pp);
        for (r = 0; r < 2; r++) {
            double mx = -1e9, sum = 0;
            for (i = 0; i < 4; i++) mx = fmax(mx, x[4 * r + i]);
            for (i = 0; i < 4; i++) sum += exp(0.1 * (x[4 * r + i] - mx));
            for (i = 0; i < 4; i++) {
                const double want = rint(exp(0.1 * (x[4 * r + i] - mx)) / sum * 255.0);
                KILN_CHECK(y[4 * r + i] == (uint8_t)want);
            }
        }
    }
    {
        /* int16 with the two-level table: differences above 255 (x_scale 0.001), y_scale 1/32768, zp 0 */
        const int16_t x[3] = {-30000, 0, 1000};
        int32_t p[KILN_QS_NPARAMS] = {1, 3, 0, 1 << 30, 46, -32768, 32767}; /* 2^-31 * 32768 = 2^-16 */
        int16_t y[3];
        double sum = 0;
        int i;
        table(t, 0.001, 1);
        kiln_qsoftmax_s16(x, y, t, p);
        for (i = 0; i < 3; i++) sum += exp(0.001 * (x[i] - 1000));
        for (i = 0; i < 3; i++) {
            const double want = fmin(rint(exp(0.001 * (x[i] - 1000)) / sum * 32768.0), 32767.0);
            KILN_CHECK(y[i] == (int16_t)want);
        }
    }
    KILN_TEST_END();
}
