#include "kiln_remap.h"
#include "kiln_test.h"

int main(void)
{
    /* constant pad of a 1-D int32 tensor by 1/2 with value 7 (negative table entries read the fill) */
    {
        const int32_t x[3] = {1, -2, 3}, fill = 7, want[6] = {7, 1, -2, 3, 7, 7};
        const int32_t shape[1] = {6}, tables[6] = {-1, 0, 1, 2, -1, -1};
        int32_t y[6];
        kiln_remap_b32(x, y, 1, shape, tables, 1, &fill);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* NULL fill is zero bytes; a fill in an outer dim fills the whole row; rows of run=2 use memcpy */
    {
        const uint16_t x[4] = {1, 2, 3, 4}, want[8] = {0, 0, 0, 0, 3, 4, 1, 2};
        const int32_t shape[2] = {2, 2}, tables[4] = {-1, 0, 2, 0};
        uint16_t y[8];
        kiln_remap_b16(x, y, 2, shape, tables, 2, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* reflect pad of [a b c] by 2 on both sides: c b a b c b a, 64-bit elements */
    {
        const double x[3] = {1.5, -2.5, 3.5}, want[7] = {3.5, -2.5, 1.5, -2.5, 3.5, -2.5, 1.5};
        const int32_t shape[1] = {7}, tables[7] = {2, 1, 0, 1, 2, 1, 0};
        double y[7];
        kiln_remap_b64(x, y, 1, shape, tables, 1, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* tile a 2x2 bool tensor to 2x4 (offsets premultiplied by the input strides) */
    {
        const uint8_t x[4] = {1, 0, 0, 1}, want[8] = {1, 0, 1, 0, 0, 1, 0, 1};
        const int32_t shape[2] = {2, 4}, tables[6] = {0, 2, 0, 1, 0, 1};
        uint8_t y[8];
        kiln_remap_b8(x, y, 2, shape, tables, 1, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* rank 0 copies one run from the start of x */
    {
        const float x[2] = {5, 6}, want[2] = {5, 6};
        const int32_t none[1] = {0};
        float y[2];
        kiln_remap_b32(x, y, 0, none, none, 2, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
