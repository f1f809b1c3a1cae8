#include "kiln_qgemm.h"
#include "kiln_qref.h"
#include "kiln_test.h"
#include <stdlib.h>

/* y[r, j] against (bias + sum (x - zx)(w - zw)) requantized with exact rounding */
static void run(int type, int R, int K, int N, int asym)
{
    int32_t *xi = malloc(sizeof(int32_t) * (size_t)(R * K)), *wi = malloc(sizeof(int32_t) * (size_t)(N * K));
    int8_t *w8 = malloc((size_t)(N * K)), *x8 = malloc((size_t)(R * K)), *y8 = malloc((size_t)(R * N));
    uint8_t *xu = malloc((size_t)(R * K)), *yu = malloc((size_t)(R * N));
    int16_t *x16 = malloc(sizeof(int16_t) * (size_t)(R * K)), *y16 = malloc(sizeof(int16_t) * (size_t)(R * N));
    int32_t *bias = malloc(sizeof(int32_t) * (size_t)N), *bin = malloc(sizeof(int32_t) * (size_t)N);
    int64_t *bin64 = malloc(sizeof(int64_t) * (size_t)N);
    int32_t *zw = malloc(sizeof(int32_t) * (size_t)N), *mult = malloc(sizeof(int32_t) * (size_t)N), *shift = malloc(sizeof(int32_t) * (size_t)N);
    const int32_t xlo = type == 1 ? 0 : (type == 2 ? -32768 : -128), xhi = type == 1 ? 255 : (type == 2 ? 32767 : 127);
    const int32_t zx = type == 2 ? qref_rnd(-100, 100) : qref_rnd(xlo, xhi), zy = type == 2 ? 0 : qref_rnd(xlo, xhi);
    const int32_t lo = qref_rnd(xlo, zy), hi = qref_rnd(zy, xhi);
    int32_t p[KILN_QG_NPARAMS];
    int r, j, k, bad = 0;
    for (k = 0; k < R * K; k++) { xi[k] = qref_rnd(xlo, xhi); x8[k] = (int8_t)xi[k]; xu[k] = (uint8_t)xi[k]; x16[k] = (int16_t)xi[k]; }
    for (k = 0; k < N * K; k++) { wi[k] = qref_rnd(-128, 127); w8[k] = (int8_t)wi[k]; }
    for (j = 0; j < N; j++) {
        int64_t s = 0;
        for (k = 0; k < K; k++) s += wi[j * K + k];
        zw[j] = asym ? qref_rnd(-128, 127) : 0;
        bias[j] = qref_rnd(-20000, 20000);
        bin64[j] = bias[j] - (int64_t)zx * s + (int64_t)K * zx * zw[j];
        bin[j] = (int32_t)bin64[j];
        mult[j] = (int32_t)((1u << 30) + (uint32_t)qref_rnd(0, (1 << 30) - 1));
        shift[j] = qref_rnd(type == 2 ? 30 : 36, type == 2 ? 38 : 42);
    }
    p[KILN_QG_R] = R; p[KILN_QG_K] = K; p[KILN_QG_N] = N; p[KILN_QG_XZP] = zx; p[KILN_QG_YZP] = zy;
    p[KILN_QG_LO] = lo; p[KILN_QG_HI] = hi;
    if (type == 0) kiln_qgemm_s8(x8, w8, bin, asym ? zw : NULL, mult, shift, y8, p);
    if (type == 1) kiln_qgemm_u8(xu, w8, bin, asym ? zw : NULL, mult, shift, yu, p);
    if (type == 2) kiln_qgemm_s16(x16, w8, bin64, asym ? zw : NULL, mult, shift, y16, p);
    for (r = 0; r < R; r++)
        for (j = 0; j < N; j++) {
            int64_t acc = bias[j], want, got;
            for (k = 0; k < K; k++) acc += (int64_t)(xi[r * K + k] - zx) * (wi[j * K + k] - zw[j]);
            want = qref_clamp(qref_round(acc * mult[j], shift[j]) + zy, lo, hi);
            got = type == 0 ? y8[r * N + j] : (type == 1 ? yu[r * N + j] : y16[r * N + j]);
            if (got != want && !bad) {
                printf("type %d R%d K%d N%d asym %d: y[%d,%d] = %ld, want %ld\n", type, R, K, N, asym, r, j, (long)got, (long)want);
                bad = 1;
                kiln_test_failures++;
            }
        }
    free(xi); free(wi); free(w8); free(x8); free(y8); free(xu); free(yu); free(x16); free(y16);
    free(bias); free(bin); free(bin64); free(zw); free(mult); free(shift);
}

int main(void)
{
    int t, a;
    {
        /* hand-computed: x = [1, 2, 3] (zp 1), w = [[1, 1, 1], [2, -1, 0]], bias [0, 1]; multiplier 0.5:
         * acc0 = 0 + 0 + 1 + 2 = 3 -> 1.5 -> 2; acc1 = 1 + 0 - 1 + 0 = 0 -> 0. y_zp 5. */
        const int8_t x[3] = {1, 2, 3}, w[6] = {1, 1, 1, 2, -1, 0};
        const int32_t bias_in[2] = {0 - 1 * 3, 1 - 1 * 1};
        const int32_t mult[2] = {1 << 30, 1 << 30}, shift[2] = {31, 31};
        const int32_t p[KILN_QG_NPARAMS] = {1, 3, 2, 1, 5, -128, 127};
        const int8_t want[2] = {7, 5};
        int8_t y[2];
        kiln_qgemm_s8(x, w, bias_in, NULL, mult, shift, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    for (t = 0; t < 3; t++)
        for (a = 0; a <= 1; a++) {
            run(t, 1, 64, 12, a);
            run(t, 1, 7, 5, a);     /* N not a multiple of 4 */
            run(t, 3, 33, 9, a);
            run(t, 2, 640, 128, a);
            run(t, 1, 1, 1, a);
        }
    KILN_TEST_END();
}
