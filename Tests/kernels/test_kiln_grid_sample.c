#include "kiln_grid_sample.h"
#include "kiln_test.h"

int main(void)
{
    const float x[4] = {1, 2, 3, 4};
    const int32_t in[2] = {2, 2}, out1[2] = {1, 3};
    float y[3];
    /* align_corners: corners are pixel centers; the middle is the mean */
    {
        const float grid[6] = {-1, -1, 1, 1, 0, 0};
        const float want[3] = {1, 4, 2.5f};
        kiln_grid_sample_f32(x, grid, y, 1, 1, 2, in, out1, 1, 0, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* nearest outside the image: zeros padding gives 0, border clamps; (x, y) = (1, -1) is pixel (0, 1) */
    {
        const float grid[6] = {3, 3, 1, -1, -3, 0};
        const float wz[3] = {0, 2, 0}, wb[3] = {4, 2, 1};
        kiln_grid_sample_f32(x, grid, y, 1, 1, 2, in, out1, 0, 0, 1);
        KILN_CHECK_BYTES(y, wz, sizeof wz);
        kiln_grid_sample_f32(x, grid, y, 1, 1, 2, in, out1, 0, 1, 1);
        KILN_CHECK_BYTES(y, wb, sizeof wb);
    }
    /* cubic at a pixel center reads that pixel exactly */
    {
        const float grid[6] = {-1, -1, 1, -1, 1, 1};
        const float want[3] = {1, 2, 4};
        kiln_grid_sample_f32(x, grid, y, 1, 1, 2, in, out1, 2, 0, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* 1-D reflection: coordinate 3 in [0, 2] reflects to 1; NaN reads zeros */
    {
        const float x1[3] = {1, 2, 3};
        const int32_t in1[1] = {3}, o1[1] = {2};
        float grid[2] = {2, 0};
        float y1[2];
        uint32_t nan_bits = 0x7fc00000u;
        memcpy(&grid[1], &nan_bits, sizeof nan_bits);
        kiln_grid_sample_f32(x1, grid, y1, 1, 1, 1, in1, o1, 1, 2, 1);
        KILN_CHECK(y1[0] == 2.0f);
        kiln_grid_sample_f32(x1, grid, y1, 1, 1, 1, in1, o1, 1, 0, 1);
        KILN_CHECK(y1[1] == 0.0f);
    }
    /* align_corners 0: the corner pixel center is at +-(1 - 1/n) = +-0.5 */
    {
        const float grid[6] = {-0.5f, -0.5f, 0.5f, 0.5f, -0.5f, 0.5f};
        const float want[3] = {1, 4, 3};
        kiln_grid_sample_f32(x, grid, y, 1, 1, 2, in, out1, 1, 0, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
