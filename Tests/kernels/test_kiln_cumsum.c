#include "kiln_cumsum.h"
#include "kiln_test.h"

int main(void)
{
    const double x[5] = {1, 2, 3, 4, 5};
    double y[5];
    const double inc[5] = {1, 3, 6, 10, 15}, exc[5] = {0, 1, 3, 6, 10};
    const double rev[5] = {15, 14, 12, 9, 5}, revexc[5] = {14, 12, 9, 5, 0};
    kiln_cumsum_f64(x, y, 1, 5, 1, 0, 0);
    KILN_CHECK_BYTES(y, inc, sizeof inc);
    kiln_cumsum_f64(x, y, 1, 5, 1, 1, 0);
    KILN_CHECK_BYTES(y, exc, sizeof exc);
    kiln_cumsum_f64(x, y, 1, 5, 1, 0, 1);
    KILN_CHECK_BYTES(y, rev, sizeof rev);
    kiln_cumsum_f64(x, y, 1, 5, 1, 1, 1);
    KILN_CHECK_BYTES(y, revexc, sizeof revexc);
    /* axis 0 of a 2x3 int32 matrix (inner 3), in place, with wrap-around */
    {
        int32_t m[6] = {1, 2, INT32_MAX, 4, 5, 1};
        const int32_t want[6] = {1, 2, INT32_MAX, 5, 7, INT32_MIN};
        kiln_cumsum_i32(m, m, 1, 2, 3, 0, 0);
        KILN_CHECK_BYTES(m, want, sizeof want);
    }
    /* axis 1 (outer 2) of uint64 */
    {
        const uint64_t u[4] = {UINT64_MAX, 2, 3, 4}, want[4] = {UINT64_MAX, 1, 3, 7};
        uint64_t v[4];
        kiln_cumsum_u64(u, v, 2, 2, 1, 0, 0);
        KILN_CHECK_BYTES(v, want, sizeof want);
    }
    /* float16 rounds after each addition: 2048 + 1 + 1 stays 2048 (1 is below half an ulp) */
    {
        const uint16_t h[3] = {0x6800, 0x3c00, 0x3c00}, want[3] = {0x6800, 0x6800, 0x6800};
        uint16_t r[3];
        kiln_cumsum_f16(h, r, 1, 3, 1, 0, 0);
        KILN_CHECK_BYTES(r, want, sizeof want);
    }
    KILN_TEST_END();
}
