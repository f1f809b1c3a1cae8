#include "kiln_qmatmul.h"
#include "kiln_qref.h"
#include "kiln_test.h"

int main(void)
{
    {
        /* MatMulInteger example of the ONNX spec: A [4,3] uint8 (zp 12), B [3,2] uint8 (zp 0) */
        const uint8_t a[12] = {11, 7, 3, 10, 6, 2, 9, 5, 1, 8, 4, 0};
        const uint8_t b[6] = {1, 4, 2, 5, 3, 6};
        const int32_t za[4] = {12, 12, 12, 12};
        const int32_t p[KILN_QM_NPARAMS] = {1, 4, 3, 2, 0, 0, 0, 0, 0, 0};
        const int32_t want[8] = {-38, -83, -44, -98, -50, -113, -56, -128};
        int32_t y[8];
        kiln_qmatmul_u8u8_i32(a, b, y, za, NULL, NULL, NULL, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* batched, B shared (sb = 0), per-column b zero points and multipliers, int8 output, vs reference */
        int8_t a[2 * 2 * 3], y[2 * 2 * 4];
        uint8_t b[3 * 4];
        const int32_t zb[4] = {128, 0, 255, 7};
        const int32_t mult[4] = {1 << 30, 1500000000, 1234567890, 2000000000}, shift[4] = {33, 34, 35, 36};
        const int32_t p[KILN_QM_NPARAMS] = {2, 2, 3, 4, 6, 0, -3, -120, 120, 1};
        int i, t, m, n, k;
        for (i = 0; i < 12; i++) { a[i] = (int8_t)qref_rnd(-128, 127); b[i] = (uint8_t)qref_rnd(0, 255); }
        kiln_qmatmul_s8u8_s8(a, b, y, NULL, zb, mult, shift, p);
        for (t = 0; t < 2; t++)
            for (m = 0; m < 2; m++)
                for (n = 0; n < 4; n++) {
                    int64_t acc = 0;
                    for (k = 0; k < 3; k++) acc += (int64_t)a[t * 6 + m * 3 + k] * (b[k * 4 + n] - zb[n]);
                    KILN_CHECK(y[t * 8 + m * 4 + n] == qref_clamp(qref_round(acc * mult[n], shift[n]) - 3, -120, 120));
                }
    }
    KILN_TEST_END();
}
