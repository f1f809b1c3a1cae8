#include "kiln_lstm.h"

void kiln_lstm_f32(const float *x, const float *wp, const int32_t *seq_lens, const float *h0, const float *c0,
                   const float *p, float *y, float *yh, float *yc, float *scratch, const int32_t *prm,
                   const float *fprm)
{
    const int32_t S = prm[KILN_RNN_P_S], B = prm[KILN_RNN_P_B], I = prm[KILN_RNN_P_I], H = prm[KILN_RNN_P_H];
    const int32_t reverse = prm[KILN_RNN_P_REVERSE], input_forget = prm[KILN_RNN_P_FLAG];
    const int32_t af = prm[KILN_RNN_P_ACT0], ag = prm[KILN_RNN_P_ACT1], ah = prm[KILN_RNN_P_ACT2];
    const int32_t has_clip = prm[KILN_RNN_P_HAS_CLIP];
    const float clip = fprm[0];
    const size_t row = (size_t)I + (size_t)H + 1u, d = (size_t)prm[KILN_RNN_P_DIR];
    const float *w = wp + d * kiln_rnn_packed_floats(4, I, H, 0);
    const float *pi = p ? p + d * 3u * (size_t)H : NULL;
    const float *po = pi ? pi + H : NULL, *pf = pi ? pi + 2 * H : NULL;
    float *h = scratch, *c = scratch + H, *gates = scratch + 2 * H;
    int32_t b, s, t, j;
    for (b = 0; b < B; b++) {
        const int32_t len = kiln_rnn_length(seq_lens, b, S);
        const size_t so = kiln_rnn_state_offset(prm, b);
        for (j = 0; j < H; j++) {
            /* like onnxruntime, an empty sequence has zero final states */
            h[j] = h0 && len > 0 ? h0[so + (size_t)j] : 0.0f;
            c[j] = c0 && len > 0 ? c0[so + (size_t)j] : 0.0f;
        }
        for (s = 0; s < len; s++) {
            const float *xt;
            t = reverse ? len - 1 - s : s;
            xt = x + kiln_rnn_x_offset(prm, t, b);
            for (j = 0; j < 4 * H; j++) {
                const float *r = w + (size_t)j * row;
                gates[j] = kiln_rnn_row(r, xt, h, I, H, r[row - 1u]);
            }
            for (j = 0; j < H; j++) {
                float it = gates[j], ot = gates[H + j], ft = gates[2 * H + j], ct = gates[3 * H + j], cn;
                if (pi) {
                    it += pi[j] * c[j];
                    ft += pf[j] * c[j];
                }
                it = kiln_rnn_act(af, kiln_rnn_clip(it, has_clip, clip), fprm[1], fprm[4]);
                ft = input_forget ? 1.0f - it : kiln_rnn_act(af, kiln_rnn_clip(ft, has_clip, clip), fprm[1], fprm[4]);
                ct = kiln_rnn_act(ag, kiln_rnn_clip(ct, has_clip, clip), fprm[2], fprm[5]);
                cn = ft * c[j] + it * ct;
                if (po) ot += po[j] * cn;
                ot = kiln_rnn_act(af, kiln_rnn_clip(ot, has_clip, clip), fprm[1], fprm[4]);
                c[j] = cn;
                h[j] = ot * kiln_rnn_act(ah, cn, fprm[3], fprm[6]);
            }
            if (y) memcpy(y + kiln_rnn_y_offset(prm, t, b), h, (size_t)H * sizeof *h);
        }
        if (y) {
            for (t = len; t < S; t++) memset(y + kiln_rnn_y_offset(prm, t, b), 0, (size_t)H * sizeof *y);
        }
        if (yh) memcpy(yh + so, h, (size_t)H * sizeof *h);
        if (yc) memcpy(yc + so, c, (size_t)H * sizeof *c);
    }
}
