#include "kiln_trilu.h"
#include "kiln_test.h"

int main(void)
{
    const int64_t x[12] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    int64_t y[12];
    /* 3x4 upper, k 0 / lower, k -1 / upper, k 5 (all zero) / lower k 5 (copy) */
    const int64_t up0[12] = {1, 2, 3, 4, 0, 6, 7, 8, 0, 0, 11, 12};
    const int64_t lowm1[12] = {0, 0, 0, 0, 5, 0, 0, 0, 9, 10, 0, 0};
    const int64_t zero[12] = {0};
    kiln_trilu(x, y, 1, 3, 4, 0, 1, 8);
    KILN_CHECK_BYTES(y, up0, sizeof up0);
    kiln_trilu(x, y, 1, 3, 4, -1, 0, 8);
    KILN_CHECK_BYTES(y, lowm1, sizeof lowm1);
    kiln_trilu(x, y, 1, 3, 4, 5, 1, 8);
    KILN_CHECK_BYTES(y, zero, sizeof zero);
    kiln_trilu(x, y, 1, 3, 4, 5, 0, 8);
    KILN_CHECK_BYTES(y, x, sizeof x);
    /* batch of two 2x2 float16, in place, upper k 1 */
    {
        uint16_t h[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        const uint16_t want[8] = {0, 2, 0, 0, 0, 6, 0, 0};
        kiln_trilu(h, h, 2, 2, 2, 1, 1, 2);
        KILN_CHECK_BYTES(h, want, sizeof want);
    }
    KILN_TEST_END();
}
