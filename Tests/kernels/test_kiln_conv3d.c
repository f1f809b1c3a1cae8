#include "kiln_conv2d.h"
#include "kiln_conv3d.h"
#include "kiln_test.h"

int main(void)
{
    float x[2 * 3 * 7 * 8], w[4 * 3 * 9], bias[4], y[1000], want[1000];
    int i;
    for (i = 0; i < 2 * 3 * 7 * 8; i++) x[i] = (float)((i * 31) % 17) * 0.25f - 2.0f;
    for (i = 0; i < 4 * 3 * 9; i++) w[i] = (float)((i * 7) % 11) * 0.5f - 2.5f;
    for (i = 0; i < 4; i++) bias[i] = (float)i - 1.5f;
    /* a 3-D conv with D = 1 gives the same bits as the 2-D kernel (same summation order) */
    {
        const int32_t p2[KILN_CONV_NPARAMS] = {2, 3, 7, 8, 4, 4, 8, 3, 3, 2, 1, 1, 1, 1, 1, 1, KILN_ACT_RELU};
        const int32_t p3[KILN_CONV3_NPARAMS] = {2, 3, 1, 7, 8, 4, 1, 4, 8, 1, 3, 3, 1, 2, 1,
                                                1, 1, 1, 0, 1, 1, 1, KILN_ACT_RELU};
        kiln_conv2d_f32(x, w, bias, want, p2, 0, 0);
        kiln_conv3d_f32(x, w, bias, y, p3, 0, 0);
        KILN_CHECK_BYTES(y, want, 2 * 4 * 4 * 8 * sizeof(float));
    }
    /* transposed 1-D: x = [1, 2], w = [1, 1], stride 1 -> [1, 3, 2]; stride 2 -> [1, 1, 2, 2]; pad 1 -> [3] */
    {
        const float tx[2] = {1, 2}, tw[2] = {1, 1}, r1[3] = {1, 3, 2}, r2[4] = {1, 1, 2, 2}, r3[1] = {3};
        const int32_t q1[KILN_CONV3_NPARAMS] = {1, 1, 1, 1, 2, 1, 1, 1, 3, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0};
        const int32_t q2[KILN_CONV3_NPARAMS] = {1, 1, 1, 1, 2, 1, 1, 1, 4, 1, 1, 2, 1, 1, 2, 1, 1, 1, 0, 0, 0, 1, 0};
        const int32_t q3[KILN_CONV3_NPARAMS] = {1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 0};
        float o[4];
        kiln_convtranspose_f32(tx, tw, 0, o, q1, 0, 0);
        KILN_CHECK_BYTES(o, r1, sizeof r1);
        kiln_convtranspose_f32(tx, tw, 0, o, q2, 0, 0);
        KILN_CHECK_BYTES(o, r2, sizeof r2);
        kiln_convtranspose_f32(tx, tw, 0, o, q3, 0, 0);
        KILN_CHECK_BYTES(o, r3, sizeof r3);
    }
    KILN_TEST_END();
}
