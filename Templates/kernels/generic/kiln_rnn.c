#include "kiln_rnn.h"
#include <math.h>

float kiln_rnn_act(int32_t kind, float x, float alpha, float beta)
{
    switch (kind) {
    case KILN_RNN_SIGMOID:
        /* 1 / (1 + e^-x), evaluated so that e^(large) never overflows for either sign */
        if (x >= 0.0f) return 1.0f / (1.0f + expf(-x));
        {
            float e = expf(x);
            return e / (1.0f + e);
        }
    case KILN_RNN_TANH: return tanhf(x);
    case KILN_RNN_RELU: return x > 0.0f ? x : 0.0f;
    case KILN_RNN_AFFINE: return alpha * x + beta;
    case KILN_RNN_LEAKY_RELU: return x >= 0.0f ? x : alpha * x;
    case KILN_RNN_THRESHOLDED_RELU: return x >= alpha ? x : 0.0f;
    case KILN_RNN_SCALED_TANH: return alpha * tanhf(beta * x);
    case KILN_RNN_HARD_SIGMOID: {
        float v = alpha * x + beta;
        return v < 0.0f ? 0.0f : (v > 1.0f ? 1.0f : v);
    }
    case KILN_RNN_ELU: return x >= 0.0f ? x : alpha * (expf(x) - 1.0f);
    case KILN_RNN_SOFTSIGN: return x / (1.0f + fabsf(x));
    case KILN_RNN_SOFTPLUS:
        /* log(1 + e^x) = max(x, 0) + log1p(e^-|x|) */
        return (x > 0.0f ? x : 0.0f) + log1pf(expf(-fabsf(x)));
    default: return x;
    }
}

void kiln_rnn_pack_f32(const float *w, const float *r, const float *b, float *out, int32_t D, int32_t G, int32_t I,
                       int32_t H, int32_t separate_rbh)
{
    const size_t GH = (size_t)G * (size_t)H, row = (size_t)I + (size_t)H + 1u;
    int32_t d;
    size_t j, k;
    for (d = 0; d < D; d++) {
        const float *wd = w + (size_t)d * GH * (size_t)I;
        const float *rd = r + (size_t)d * GH * (size_t)H;
        const float *bd = b ? b + (size_t)d * 2u * GH : NULL;
        float *o = out + (size_t)d * kiln_rnn_packed_floats(G, I, H, separate_rbh);
        for (j = 0; j < GH; j++) {
            float *orow = o + j * row;
            int split = separate_rbh && j >= 2u * (size_t)H && j < 3u * (size_t)H;
            for (k = 0; k < (size_t)I; k++) orow[k] = wd[j * (size_t)I + k];
            for (k = 0; k < (size_t)H; k++) orow[(size_t)I + k] = rd[j * (size_t)H + k];
            orow[row - 1u] = bd ? (split ? bd[j] : bd[j] + bd[GH + j]) : 0.0f;
        }
        if (separate_rbh) {
            for (k = 0; k < (size_t)H; k++) o[GH * row + k] = bd ? bd[GH + 2u * (size_t)H + k] : 0.0f;
        }
    }
}

void kiln_rnn_f32(const float *x, const float *wp, const int32_t *seq_lens, const float *h0, float *y, float *yh,
                  float *scratch, const int32_t *prm, const float *fprm)
{
    const int32_t S = prm[KILN_RNN_P_S], B = prm[KILN_RNN_P_B], I = prm[KILN_RNN_P_I], H = prm[KILN_RNN_P_H];
    const int32_t reverse = prm[KILN_RNN_P_REVERSE], act = prm[KILN_RNN_P_ACT0], has_clip = prm[KILN_RNN_P_HAS_CLIP];
    const float clip = fprm[0], alpha = fprm[1], beta = fprm[4];
    const size_t row = (size_t)I + (size_t)H + 1u;
    const float *w = wp + (size_t)prm[KILN_RNN_P_DIR] * kiln_rnn_packed_floats(1, I, H, 0);
    float *h = scratch, *pre = scratch + H;
    int32_t b, s, t, j;
    for (b = 0; b < B; b++) {
        const int32_t len = kiln_rnn_length(seq_lens, b, S);
        const size_t so = kiln_rnn_state_offset(prm, b);
        /* like onnxruntime, an empty sequence has zero final states */
        for (j = 0; j < H; j++) h[j] = h0 && len > 0 ? h0[so + (size_t)j] : 0.0f;
        for (s = 0; s < len; s++) {
            const float *xt;
            t = reverse ? len - 1 - s : s;
            xt = x + kiln_rnn_x_offset(prm, t, b);
            for (j = 0; j < H; j++) {
                const float *r = w + (size_t)j * row;
                pre[j] = kiln_rnn_row(r, xt, h, I, H, r[row - 1u]);
            }
            for (j = 0; j < H; j++) h[j] = kiln_rnn_act(act, kiln_rnn_clip(pre[j], has_clip, clip), alpha, beta);
            if (y) memcpy(y + kiln_rnn_y_offset(prm, t, b), h, (size_t)H * sizeof *h);
        }
        if (y) {
            for (t = len; t < S; t++) memset(y + kiln_rnn_y_offset(prm, t, b), 0, (size_t)H * sizeof *y);
        }
        if (yh) memcpy(yh + so, h, (size_t)H * sizeof *h);
    }
}
