#include "kiln_copy_block.h"
#include "kiln_test.h"

int main(void)
{
    /* concat along axis 1 of two 2x2 float matrices: each input is a band of the 2x4 output */
    {
        const float a[4] = {1, 2, 3, 4}, b[4] = {5, 6, 7, 8}, want[8] = {1, 2, 5, 6, 3, 4, 7, 8};
        float y[8];
        kiln_copy_block(a, 0, 8, y, 0, 16, 2, 8);
        kiln_copy_block(b, 0, 8, y, 8, 16, 2, 8);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* split: the second column band of a 2x3 int16 matrix */
    {
        const int16_t x[6] = {1, 2, 3, 4, 5, 6}, want[4] = {2, 3, 5, 6};
        int16_t y[4];
        kiln_copy_block(x, 2, 6, y, 0, 4, 2, 4);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* back-to-back rows become one copy; zero rows or bytes copy nothing */
    {
        const uint8_t x[6] = {1, 2, 3, 4, 5, 6}, want[6] = {3, 4, 5, 6, 9, 9};
        uint8_t y[6] = {9, 9, 9, 9, 9, 9};
        kiln_copy_block(x, 2, 2, y, 0, 2, 2, 2);
        kiln_copy_block(x, 0, 2, y, 4, 2, 0, 2);
        kiln_copy_block(x, 0, 2, y, 4, 2, 3, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
