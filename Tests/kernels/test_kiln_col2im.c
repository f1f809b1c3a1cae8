#include "kiln_col2im.h"
#include "kiln_test.h"

int main(void)
{
    /* 1-D image of 4, block 2, stride 1: cols 3; x is [1, 2, 3] rows (offset 0: a, offset 1: b)
     * y[i] = a[i] + b[i-1] */
    {
        const float x[6] = {1, 2, 3, 10, 20, 30};
        const int32_t image[1] = {4}, block[1] = {2}, one[1] = {1}, zero[1] = {0}, cols[1] = {3};
        const float want[4] = {1, 12, 23, 30};
        float y[4];
        kiln_col2im_f32(x, y, 1, 1, 1, image, block, one, zero, one, cols);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* 2-D 3x3 image, 2x2 block, stride 2, pad 1 on both sides: cols 2x2; only in-image positions accumulate.
     * col (i,j) covers rows 2i-1..2i, cols 2j-1..2j. */
    {
        float x[16];
        const int32_t image[2] = {3, 3}, block[2] = {2, 2}, one[2] = {1, 1}, pad[2] = {1, 1}, two[2] = {2, 2};
        const int32_t cols[2] = {2, 2};
        /* x[k, l] = 1 everywhere: each pixel gets the number of (block offset, column) pairs that land on it */
        const float want[9] = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        float y[9];
        int i;
        for (i = 0; i < 16; i++) x[i] = 1;
        kiln_col2im_f32(x, y, 1, 1, 2, image, block, one, pad, two, cols);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* two channels, N = 2, dilation 2: image 3, block 2 (offsets 0 and 2), cols 1 */
    {
        const float x[8] = {1, 2, 3, 4, 5, 6, 7, 8};
        const int32_t image[1] = {3}, block[1] = {2}, dil[1] = {2}, zero[1] = {0}, one[1] = {1}, cols[1] = {1};
        const float want[12] = {1, 0, 2, 3, 0, 4, 5, 0, 6, 7, 0, 8};
        float y[12];
        kiln_col2im_f32(x, y, 2, 2, 1, image, block, dil, zero, one, cols);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
