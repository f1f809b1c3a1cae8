#include "kiln_gru.h"
#include "kiln_test.h"

/* H=1, I=1, one step from h0 = 0.5 with x = 0.5; f = HardSigmoid(0.5, 0.5), g = Affine(1, 0).
 * W (z, r, h) = [1, 0.5, 2], R = [0.5, -1, 0.25], Wb = [-1, 0.5, 0.25], Rb = [0.5, 0, 1]
 *   z = f(-0.5 + 0.5 + 0.25) = f(0.25) = 0.625        r = f(0.5 + 0.25 - 0.5) = f(0.25) = 0.625
 *   linear_before_reset 0: h~ = (1.25 + 1) + 0.25*(0.625*0.5) = 2.328125
 *     H = 0.375*2.328125 + 0.625*0.5 = 1.185546875
 *   linear_before_reset 1: h~ = (0.25 + 1) + 0.625*(1 + 0.25*0.5) = 1.953125
 *     H = 0.375*1.953125 + 0.3125 = 1.044921875 */
int main(void)
{
    const float w[3] = {1.0f, 0.5f, 2.0f}, r[3] = {0.5f, -1.0f, 0.25f};
    const float b[6] = {-1.0f, 0.5f, 0.25f, 0.5f, 0.0f, 1.0f};
    const float x[1] = {0.5f}, h0[1] = {0.5f};
    const float fprm[7] = {0, 0.5f, 1.0f, 0, 0.5f, 0.0f, 0};
    float wp[13], scratch[4], y[2], yh[1];
    /* packed rows [w, r, bias]: z [1, 0.5, -0.5], r [0.5, -1, 0.5], h [2, 0.25, 1.25] (lbr 0) */
    const float pack0[9] = {1.0f, 0.5f, -0.5f, 0.5f, -1.0f, 0.5f, 2.0f, 0.25f, 1.25f};
    /* lbr 1: h row keeps Wbh = 0.25, Rbh = 1 follows the rows */
    const float pack1[10] = {1.0f, 0.5f, -0.5f, 0.5f, -1.0f, 0.5f, 2.0f, 0.25f, 0.25f, 1.0f};
    kiln_rnn_pack_f32(w, r, b, wp, 1, 3, 1, 1, 0);
    KILN_CHECK_BYTES(wp, pack0, sizeof pack0);
    {
        const int32_t prm[KILN_RNN_P_COUNT] = {1, 1, 1, 1, 1, 0, 0, 0, 0, KILN_RNN_HARD_SIGMOID, KILN_RNN_AFFINE, 0, 0};
        const float want[1] = {1.185546875f};
        kiln_gru_f32(x, wp, NULL, h0, y, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, want, sizeof want);
        KILN_CHECK_BYTES(yh, want, sizeof want);
    }
    kiln_rnn_pack_f32(w, r, b, wp, 1, 3, 1, 1, 1);
    KILN_CHECK_BYTES(wp, pack1, sizeof pack1);
    {
        const int32_t prm[KILN_RNN_P_COUNT] = {1, 1, 1, 1, 1, 0, 0, 0, 1, KILN_RNN_HARD_SIGMOID, KILN_RNN_AFFINE, 0, 0};
        const float want[1] = {1.044921875f};
        kiln_gru_f32(x, wp, NULL, h0, NULL, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(yh, want, sizeof want);
    }
    /* S=2 with sequence length 1 (layout 0, B=1): step 1 is padding, so Y[1] = 0 and Y_h is the step-0 state;
     * reverse walks only the valid prefix, so it gives the same numbers here. */
    {
        const float x2[2] = {0.5f, 100.0f};
        const int32_t lens[1] = {1};
        int32_t prm[KILN_RNN_P_COUNT] = {2, 1, 1, 1, 1, 0, 0, 0, 1, KILN_RNN_HARD_SIGMOID, KILN_RNN_AFFINE, 0, 0};
        const float want[2] = {1.044921875f, 0.0f};
        kiln_gru_f32(x2, wp, lens, h0, y, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, want, sizeof want);
        KILN_CHECK_BYTES(yh, want, sizeof yh);
        prm[KILN_RNN_P_REVERSE] = 1;
        kiln_gru_f32(x2, wp, lens, h0, y, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    KILN_TEST_END();
}
