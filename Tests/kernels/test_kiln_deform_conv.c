#include "kiln_deform_conv.h"
#include "kiln_test.h"

int main(void)
{
    const float x[4] = {1, 2, 3, 4}, w[1] = {2};
    /* 1x1 kernel over a 2x2 image: N C H W OC OH OW KH KW sh sw dh dw ph pw group offset_group */
    const int32_t p[KILN_DC_NPARAMS] = {1, 1, 2, 2, 1, 2, 2, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1};
    float y[4];
    /* zero offsets: a plain 1x1 convolution, plus bias */
    {
        const float off[8] = {0}, bias[1] = {1};
        const float want[4] = {3, 5, 7, 9};
        kiln_deform_conv_f32(x, w, off, bias, 0, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* offset (0.5, 0.5) at pixel (0, 0) samples 2.5; offset +1 row at pixel (1, 0) leaves the image (0);
     * the mask halves pixel (0, 1) */
    {
        float off[8] = {0};
        const float mask[4] = {1, 0.5f, 1, 1};
        const float want[4] = {5, 2, 0, 8};
        off[0] = 0.5f;     /* dh at (0, 0) */
        off[4 + 0] = 0.5f; /* dw at (0, 0) */
        off[2] = 1.0f;     /* dh at (1, 0) */
        kiln_deform_conv_f32(x, w, off, 0, mask, y, p);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
