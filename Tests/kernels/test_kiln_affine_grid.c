#include "kiln_affine_grid.h"
#include "kiln_test.h"

int main(void)
{
    const int32_t dims[2] = {2, 2};
    float y[8];
    /* identity: (x, y) of each pixel */
    {
        const float theta[6] = {1, 0, 0, 0, 1, 0};
        const float wa[8] = {-1, -1, 1, -1, -1, 1, 1, 1};
        const float wn[8] = {-0.5f, -0.5f, 0.5f, -0.5f, -0.5f, 0.5f, 0.5f, 0.5f};
        kiln_affine_grid_f32(theta, y, 1, 2, dims, 1);
        KILN_CHECK_BYTES(y, wa, sizeof wa);
        kiln_affine_grid_f32(theta, y, 1, 2, dims, 0);
        KILN_CHECK_BYTES(y, wn, sizeof wn);
    }
    /* swap axes and translate by (1, 2) */
    {
        const float theta[6] = {0, 1, 1, 1, 0, 2};
        const float want[8] = {0, 1, 0, 3, 2, 1, 2, 3};
        kiln_affine_grid_f32(theta, y, 1, 2, dims, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* 3-D, a single voxel: the center is 0, so only the translation remains */
    {
        const int32_t d3[3] = {1, 1, 1};
        const double theta[12] = {1, 0, 0, 5, 0, 1, 0, 6, 0, 0, 1, 7};
        const double want[3] = {5, 6, 7};
        double y3[3];
        kiln_affine_grid_f64(theta, y3, 1, 3, d3, 0);
        KILN_CHECK_BYTES(y3, want, sizeof want);
    }
    KILN_TEST_END();
}
