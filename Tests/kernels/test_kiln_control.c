#include "kiln_control.h"
#include "kiln_test.h"

int main(void)
{
    /* slice index 1 of axis 1 from a [2,3,2] int16 tensor -> [2,2] */
    {
        const int16_t x[12] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        const int16_t want[4] = {2, 3, 8, 9};
        int16_t y[4];
        kiln_copy_blocks(x, y, 2, 4, 4, 12, 0, 4);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* stack three [2] float tensors along axis 1 -> [2,3] */
    {
        const float a[2] = {1, 2}, b[2] = {3, 4}, c[2] = {5, 6};
        const float want[6] = {1, 3, 5, 2, 4, 6};
        float y[6];
        kiln_copy_blocks(a, y, 2, 4, 0, 4, 0, 12);
        kiln_copy_blocks(b, y, 2, 4, 0, 4, 4, 12);
        kiln_copy_blocks(c, y, 2, 4, 0, 4, 8, 12);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* degenerate sizes copy nothing */
    {
        const uint8_t x[2] = {1, 2};
        uint8_t y[2] = {7, 7};
        const uint8_t want[2] = {7, 7};
        kiln_copy_blocks(x, y, 0, 2, 0, 2, 0, 2);
        kiln_copy_blocks(x, y, 1, 0, 0, 2, 0, 2);
        kiln_copy_blocks(x, y, -3, 2, 0, 2, 0, 2);
        kiln_copy_blocks(x, y, 1, 2, -1, 2, 0, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* select: any nonzero condition byte is true; in place on either operand */
    {
        const uint8_t t = 1, f = 0, t2 = 2;
        const int32_t a[3] = {1, 2, 3}, b[3] = {-1, -2, -3};
        int32_t y[3], ya[3] = {1, 2, 3}, yb[3] = {-1, -2, -3};
        kiln_select(&t, a, b, y, sizeof y);
        KILN_CHECK_BYTES(y, a, sizeof a);
        kiln_select(&f, a, b, y, sizeof y);
        KILN_CHECK_BYTES(y, b, sizeof b);
        kiln_select(&t2, a, b, y, sizeof y);
        KILN_CHECK_BYTES(y, a, sizeof a);
        kiln_select(&f, ya, b, ya, sizeof ya);
        KILN_CHECK_BYTES(ya, b, sizeof b);
        kiln_select(&f, a, yb, yb, sizeof yb);
        KILN_CHECK_BYTES(yb, b, sizeof b);
        kiln_select(&t, a, b, y, 0);
        KILN_CHECK_BYTES(y, a, sizeof a);
    }
    KILN_TEST_END();
}
