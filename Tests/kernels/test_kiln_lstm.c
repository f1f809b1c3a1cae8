#include "kiln_lstm.h"
#include "kiln_test.h"

/* H=1, I=1, one step, x = 1, h0 = 0.5, c0 = 1; f = HardSigmoid(0.5, 0.5), g = Affine(1, 0), h = Affine(0.5, 0).
 * W (i, o, f, c) = [0.5, 1, -0.5, 2], R = [0.25, 0.5, 0.5, -1], Wb = [0, 0.5, 1, 0], Rb = [0.25, -0.5, 0, 0.5],
 * P (i, o, f) = [-0.5, -0.5, -0.25]
 *   i = f(0.25 + 0.5 + 0.125 - 0.5) = f(0.375) = 0.6875     f = f(1 - 0.5 + 0.25 - 0.25) = f(0.5) = 0.75
 *   c~ = 0.5 + 2 - 0.5 = 2                                 C = 0.75*1 + 0.6875*2 = 2.125
 *   o = f(0 + 1 + 0.25 - 0.5*2.125) = f(0.1875) = 0.59375   H = 0.59375 * (0.5*2.125) = 0.630859375
 * input_forget: f = 1 - i = 0.3125, C = 0.3125 + 1.375 = 1.6875, o = f(1.25 - 0.84375) = 0.703125,
 *   H = 0.703125 * 0.84375 = 0.59326171875 */
int main(void)
{
    const float w[4] = {0.5f, 1.0f, -0.5f, 2.0f}, r[4] = {0.25f, 0.5f, 0.5f, -1.0f};
    const float b[8] = {0.0f, 0.5f, 1.0f, 0.0f, 0.25f, -0.5f, 0.0f, 0.5f};
    const float p[3] = {-0.5f, -0.5f, -0.25f};
    const float x[1] = {1.0f}, h0[1] = {0.5f}, c0[1] = {1.0f};
    const float fprm[7] = {0, 0.5f, 1.0f, 0.5f, 0.5f, 0.0f, 0.0f};
    int32_t prm[KILN_RNN_P_COUNT] = {1, 1, 1, 1, 1, 0, 0, 0, 0, KILN_RNN_HARD_SIGMOID, KILN_RNN_AFFINE, KILN_RNN_AFFINE, 0};
    float wp[12], scratch[6], y[1], yh[1], yc[1];
    const float pack[12] = {0.5f, 0.25f, 0.25f, 1.0f, 0.5f, 0.0f, -0.5f, 0.5f, 1.0f, 2.0f, -1.0f, 0.5f};
    kiln_rnn_pack_f32(w, r, b, wp, 1, 4, 1, 1, 0);
    KILN_CHECK_BYTES(wp, pack, sizeof pack);
    {
        const float hw[1] = {0.630859375f}, cw[1] = {2.125f};
        kiln_lstm_f32(x, wp, NULL, h0, c0, p, y, yh, yc, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, hw, sizeof hw);
        KILN_CHECK_BYTES(yh, hw, sizeof hw);
        KILN_CHECK_BYTES(yc, cw, sizeof cw);
    }
    {
        const float hw[1] = {0.59326171875f}, cw[1] = {1.6875f};
        prm[KILN_RNN_P_FLAG] = 1;
        kiln_lstm_f32(x, wp, NULL, h0, c0, p, NULL, yh, yc, scratch, prm, fprm);
        KILN_CHECK_BYTES(yh, hw, sizeof hw);
        KILN_CHECK_BYTES(yc, cw, sizeof cw);
        prm[KILN_RNN_P_FLAG] = 0;
    }
    /* no peepholes, no initial state, Sigmoid/Tanh/Tanh with all-zero weights: gates 0.5, c~ 0, so C = 0, H = 0 */
    {
        const float zero[12] = {0};
        const float z[1] = {0.0f};
        int32_t prm2[KILN_RNN_P_COUNT] = {1, 1, 1, 1, 1, 0, 0, 0, 0, KILN_RNN_SIGMOID, KILN_RNN_TANH, KILN_RNN_TANH, 0};
        kiln_lstm_f32(x, zero, NULL, NULL, NULL, NULL, y, yh, yc, scratch, prm2, fprm);
        KILN_CHECK_BYTES(yh, z, sizeof z);
        KILN_CHECK_BYTES(yc, z, sizeof z);
    }
    /* empty sequence: zero final states even with initial ones */
    {
        const int32_t lens[1] = {0};
        const float z[1] = {0.0f};
        kiln_lstm_f32(x, wp, lens, h0, c0, p, y, yh, yc, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, z, sizeof z);
        KILN_CHECK_BYTES(yh, z, sizeof z);
        KILN_CHECK_BYTES(yc, z, sizeof z);
    }
    KILN_TEST_END();
}
