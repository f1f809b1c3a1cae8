#include "kiln_rnn.h"
#include "kiln_test.h"
#include <math.h>

/* Values are dyadic so every sum and product is exact in float and the expectations are bit-exact. */
int main(void)
{
    /* D=1, G=1, I=1, H=2: W [1,2,1], R [1,2,2], B [1,4] = Wb [0.5,-1], Rb [0.25,0] */
    const float w[2] = {1.0f, 0.5f}, r[4] = {0.5f, 0.0f, 0.25f, 1.0f}, bias[4] = {0.5f, -1.0f, 0.25f, 0.0f};
    const float packed_want[8] = {1.0f, 0.5f, 0.0f, 0.75f, 0.5f, 0.25f, 1.0f, -1.0f};
    const float packed_nobias[8] = {1.0f, 0.5f, 0.0f, 0.0f, 0.5f, 0.25f, 1.0f, 0.0f};
    float packed[8], scratch[4];
    KILN_CHECK(kiln_rnn_packed_floats(1, 1, 2, 0) == 8u);
    KILN_CHECK(kiln_rnn_packed_floats(3, 1, 2, 1) == 26u);
    kiln_rnn_pack_f32(w, r, bias, packed, 1, 1, 1, 2, 0);
    KILN_CHECK_BYTES(packed, packed_want, sizeof packed_want);
    kiln_rnn_pack_f32(w, r, NULL, packed, 1, 1, 1, 2, 0);
    KILN_CHECK_BYTES(packed, packed_nobias, sizeof packed_nobias);
    kiln_rnn_pack_f32(w, r, bias, packed, 1, 1, 1, 2, 0);

    /* forward, layout 0, Relu: S=2, B=1, x = [1, 2], h0 = 0
     * t0: pre = [0.75+1, -1+0.5] -> h = [1.75, 0]
     * t1: pre = [0.75+2+0.875+0, -1+1+0.4375+0] -> h = [3.625, 0.4375] */
    {
        const float x[2] = {1.0f, 2.0f};
        const int32_t prm[KILN_RNN_P_COUNT] = {2, 1, 1, 2, 1, 0, 0, 0, 0, KILN_RNN_RELU, 0, 0, 0};
        const float fprm[7] = {0};
        const float y_want[4] = {1.75f, 0.0f, 3.625f, 0.4375f}, yh_want[2] = {3.625f, 0.4375f};
        float y[4], yh[2];
        kiln_rnn_f32(x, packed, NULL, NULL, y, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, y_want, sizeof y_want);
        KILN_CHECK_BYTES(yh, yh_want, sizeof yh_want);
        /* only Y_h requested */
        memset(yh, 0, sizeof yh);
        kiln_rnn_f32(x, packed, NULL, NULL, NULL, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(yh, yh_want, sizeof yh_want);
    }
    /* clip 1 before Relu: t0: [1.75 -> 1, -0.5 -> 0]; t1: pre = [0.75+2+0.5 -> 1, -1+1+0.25] = [1, 0.25] */
    {
        const float x[2] = {1.0f, 2.0f};
        const int32_t prm[KILN_RNN_P_COUNT] = {2, 1, 1, 2, 1, 0, 0, 0, 0, KILN_RNN_RELU, 0, 0, 1};
        const float fprm[7] = {1.0f, 0, 0, 0, 0, 0, 0};
        const float yh_want[2] = {1.0f, 0.25f};
        float yh[2];
        kiln_rnn_f32(x, packed, NULL, NULL, NULL, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(yh, yh_want, sizeof yh_want);
    }
    /* backward half of a bidirectional layer (D=2, d=1), layout 1, seq_lens {2, -5} (-5 clamps to 0):
     * batch 0 walks t=1 (x=2) then t=0 (x=1) from h0 = [0.5, 0]:
     *   t1: pre = [0.75+2+0.25+0, -1+1+0.125+0] -> [3, 0.125]
     *   t0: pre = [0.75+1+1.5+0, -1+0.5+0.75+0.125] -> [3.25, 0.375]; t2 is padding -> 0
     * batch 1 is empty: Y zeros and Y_h zero (not h0). Direction 0's slots stay untouched. */
    {
        float wp2[16];
        const float x[6] = {1.0f, 2.0f, 4.0f, 1.0f, 1.0f, 1.0f};
        const int32_t lens[2] = {2, -5};
        const float h0[8] = {9.0f, 9.0f, 0.5f, 0.0f, 9.0f, 9.0f, 1.0f, 1.0f};
        const int32_t prm[KILN_RNN_P_COUNT] = {3, 2, 1, 2, 2, 1, 1, 1, 0, KILN_RNN_RELU, 0, 0, 0};
        const float fprm[7] = {0};
        const float S7 = -7.0f;
        const float y_want[24] = {S7, S7, 3.25f, 0.375f, S7, S7, 3.0f, 0.125f, S7, S7, 0, 0,
                                  S7, S7, 0, 0, S7, S7, 0, 0, S7, S7, 0, 0};
        const float yh_want[8] = {S7, S7, 3.25f, 0.375f, S7, S7, 0, 0};
        float y[24], yh[8];
        int i;
        for (i = 0; i < 8; i++) wp2[i] = 100.0f; /* direction 0 block: must not be read */
        memcpy(wp2 + 8, packed, sizeof packed);
        for (i = 0; i < 24; i++) y[i] = S7;
        for (i = 0; i < 8; i++) yh[i] = S7;
        kiln_rnn_f32(x, wp2, lens, h0, y, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(y, y_want, sizeof y_want);
        KILN_CHECK_BYTES(yh, yh_want, sizeof yh_want);
    }
    /* sequence length above S clamps to S */
    {
        const float x[2] = {1.0f, 2.0f};
        const int32_t lens[1] = {2147483647};
        const int32_t prm[KILN_RNN_P_COUNT] = {2, 1, 1, 2, 1, 0, 0, 0, 0, KILN_RNN_RELU, 0, 0, 0};
        const float fprm[7] = {0};
        const float yh_want[2] = {3.625f, 0.4375f};
        float yh[2];
        kiln_rnn_f32(x, packed, lens, NULL, NULL, yh, scratch, prm, fprm);
        KILN_CHECK_BYTES(yh, yh_want, sizeof yh_want);
    }
    /* activations at exactly representable points */
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SIGMOID, 0.0f, 0, 0) == 0.5f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SIGMOID, -200.0f, 0, 0) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SIGMOID, 200.0f, 0, 0) == 1.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_TANH, 0.0f, 0, 0) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_TANH, 100.0f, 0, 0) == 1.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_RELU, -3.0f, 0, 0) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_RELU, 3.0f, 0, 0) == 3.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_AFFINE, 3.0f, 0.5f, -1.0f) == 0.5f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_LEAKY_RELU, -4.0f, 0.25f, 0) == -1.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_LEAKY_RELU, 4.0f, 0.25f, 0) == 4.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_THRESHOLDED_RELU, 0.5f, 1.0f, 0) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_THRESHOLDED_RELU, 1.0f, 1.0f, 0) == 1.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SCALED_TANH, 0.0f, 2.0f, 3.0f) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SCALED_TANH, 100.0f, 2.0f, 3.0f) == 2.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_HARD_SIGMOID, 1.0f, 0.2f, 0.5f) == 0.2f * 1.0f + 0.5f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_HARD_SIGMOID, 10.0f, 0.2f, 0.5f) == 1.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_HARD_SIGMOID, -10.0f, 0.2f, 0.5f) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_ELU, 0.0f, 2.0f, 0) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_ELU, 2.0f, 2.0f, 0) == 2.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_ELU, -200.0f, 2.0f, 0) == -2.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SOFTSIGN, 3.0f, 0, 0) == 0.75f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SOFTSIGN, -1.0f, 0, 0) == -0.5f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SOFTPLUS, 100.0f, 0, 0) == 100.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SOFTPLUS, -200.0f, 0, 0) == 0.0f);
    KILN_CHECK(kiln_rnn_act(KILN_RNN_SOFTPLUS, 1000.0f, 0, 0) == 1000.0f); /* no overflow to inf */
    KILN_CHECK(kiln_rnn_act(99, -2.5f, 0, 0) == -2.5f);                    /* unknown kind: identity */
    KILN_CHECK(isnan(kiln_rnn_act(KILN_RNN_SIGMOID, NAN, 0, 0)));
    KILN_CHECK(isnan(kiln_rnn_act(KILN_RNN_TANH, NAN, 0, 0)));
    KILN_CHECK(isnan(kiln_rnn_clip(NAN, 1, 1.0f)));
    KILN_CHECK(kiln_rnn_clip(-5.0f, 1, 2.0f) == -2.0f);
    KILN_CHECK(kiln_rnn_clip(-5.0f, 0, 2.0f) == -5.0f);
    KILN_TEST_END();
}
