#include "kiln_max_unpool.h"
#include "kiln_test.h"

int main(void)
{
    /* unpooled [1, 1, 2, 2] placed in a [1, 1, 3, 3] output; index 9 is out of range and ignored */
    const float x[3] = {5, 6, 7};
    const int64_t idx[3] = {3, 0, 9};
    const int32_t in[4] = {1, 1, 2, 2}, out[4] = {1, 1, 3, 3};
    const float want[9] = {6, 0, 0, 0, 5, 0, 0, 0, 0};
    float y[9];
    kiln_max_unpool_b32(x, idx, y, 3, 4, in, out);
    KILN_CHECK_BYTES(y, want, sizeof want);
    /* duplicates: the later element wins */
    {
        const uint8_t xb[2] = {1, 2};
        const int64_t ib[2] = {1, 1};
        const int32_t s[1] = {2};
        const uint8_t wb[2] = {0, 2};
        uint8_t yb[2];
        kiln_max_unpool_b8(xb, ib, yb, 2, 1, s, s);
        KILN_CHECK_BYTES(yb, wb, sizeof wb);
    }
    KILN_TEST_END();
}
