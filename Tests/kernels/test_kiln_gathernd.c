#include "kiln_gathernd.h"
#include "kiln_test.h"

int main(void)
{
    /* data 2x2x2 float, indices [[0,1],[1,0]] (k=2): slices of 2 floats */
    {
        const float x[8] = {0, 1, 2, 3, 4, 5, 6, 7}, want[4] = {2, 3, 4, 5};
        const int64_t idx[4] = {0, 1, 1, 0};
        const int32_t shape[2] = {2, 2}, strides[2] = {16, 8};
        float y[4];
        kiln_gathernd(x, idx, y, 1, 2, 2, shape, strides, 32, 8);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* batch_dims 1: data 2x2x2 int32, indices 2x1 = {{1},{0}} → {{2,3},{4,5}} */
    {
        const int32_t x[8] = {0, 1, 2, 3, 4, 5, 6, 7}, want[4] = {2, 3, 4, 5};
        const int64_t idx[2] = {1, 0};
        const int32_t shape[1] = {2}, strides[1] = {8};
        int32_t y[4];
        kiln_gathernd(x, idx, y, 2, 1, 1, shape, strides, 16, 8);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* negative index wraps, out-of-range tuple gives zeros */
    {
        const uint8_t x[3] = {1, 2, 3}, want[2] = {3, 0};
        const int64_t idx[2] = {-1, 3};
        const int32_t shape[1] = {3}, strides[1] = {1};
        uint8_t y[2];
        kiln_gathernd(x, idx, y, 1, 2, 1, shape, strides, 3, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
