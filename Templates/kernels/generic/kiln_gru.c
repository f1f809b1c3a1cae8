#include "kiln_gru.h"

void kiln_gru_f32(const float *x, const float *wp, const int32_t *seq_lens, const float *h0, float *y, float *yh,
                  float *scratch, const int32_t *prm, const float *fprm)
{
    const int32_t S = prm[KILN_RNN_P_S], B = prm[KILN_RNN_P_B], I = prm[KILN_RNN_P_I], H = prm[KILN_RNN_P_H];
    const int32_t reverse = prm[KILN_RNN_P_REVERSE], lbr = prm[KILN_RNN_P_FLAG];
    const int32_t af = prm[KILN_RNN_P_ACT0], ag = prm[KILN_RNN_P_ACT1], has_clip = prm[KILN_RNN_P_HAS_CLIP];
    const float clip = fprm[0];
    const size_t row = (size_t)I + (size_t)H + 1u;
    const float *w = wp + (size_t)prm[KILN_RNN_P_DIR] * kiln_rnn_packed_floats(3, I, H, lbr);
    const float *rbh = w + 3u * (size_t)H * row; /* only read when lbr */
    float *h = scratch, *gates = scratch + H;
    int32_t b, s, t, j, k;
    for (b = 0; b < B; b++) {
        const int32_t len = kiln_rnn_length(seq_lens, b, S);
        const size_t so = kiln_rnn_state_offset(prm, b);
        /* like onnxruntime, an empty sequence has zero final states */
        for (j = 0; j < H; j++) h[j] = h0 && len > 0 ? h0[so + (size_t)j] : 0.0f;
        for (s = 0; s < len; s++) {
            const float *xt;
            t = reverse ? len - 1 - s : s;
            xt = x + kiln_rnn_x_offset(prm, t, b);
            /* z and r */
            for (j = 0; j < 2 * H; j++) {
                const float *r = w + (size_t)j * row;
                float v = kiln_rnn_row(r, xt, h, I, H, r[row - 1u]);
                gates[j] = kiln_rnn_act(af, kiln_rnn_clip(v, has_clip, clip), fprm[1], fprm[4]);
            }
            /* candidate h */
            for (j = 0; j < H; j++) {
                const float *r = w + (size_t)(2 * H + j) * row;
                float v = r[row - 1u], rec = 0.0f;
                for (k = 0; k < I; k++) v += r[k] * xt[k];
                if (lbr) {
                    rec = rbh[j];
                    for (k = 0; k < H; k++) rec += r[I + k] * h[k];
                    v += gates[H + j] * rec;
                } else {
                    for (k = 0; k < H; k++) rec += r[I + k] * (gates[H + k] * h[k]);
                    v += rec;
                }
                gates[2 * H + j] = kiln_rnn_act(ag, kiln_rnn_clip(v, has_clip, clip), fprm[2], fprm[5]);
            }
            for (j = 0; j < H; j++) {
                const float z = gates[j];
                h[j] = (1.0f - z) * gates[2 * H + j] + z * h[j];
            }
            if (y) memcpy(y + kiln_rnn_y_offset(prm, t, b), h, (size_t)H * sizeof *h);
        }
        if (y) {
            for (t = len; t < S; t++) memset(y + kiln_rnn_y_offset(prm, t, b), 0, (size_t)H * sizeof *y);
        }
        if (yh) memcpy(yh + so, h, (size_t)H * sizeof *h);
    }
}
