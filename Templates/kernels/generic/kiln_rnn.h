#ifndef KILN_RNN_H
#define KILN_RNN_H
#include "kiln_common.h"

/* Shared pieces of the recurrent kernels (RNN, GRU, LSTM).
 *
 * Packed weights: for each direction, G*H rows (gates in ONNX order), each row holding the W row (I floats),
 * the R row (H floats) and one bias (Wb + Rb, summed in float). The whole direction block is read front to back
 * once per time step. GRU with linear_before_reset keeps its recurrent h-gate bias Rbh apart: H more floats after
 * the rows (and Wbh alone in the rows' h-gate bias). `kiln_rnn_pack_f32` builds this layout at run time when the
 * weights are not constants; the compiler builds the same bytes at compile time otherwise.
 *
 * Parameter table `prm` (int32) shared by the three kernels:
 *   0 S seq_length, 1 B batch, 2 I input_size, 3 H hidden_size, 4 D num_directions, 5 d this direction,
 *   6 reverse (1: walk time backwards), 7 layout (0: X [S,B,I], 1: X [B,S,I]), 8 flag (LSTM input_forget,
 *   GRU linear_before_reset), 9..11 activation kinds (f, g, h), 12 has_clip.
 * Float table `fprm`: 0 clip, 1..3 alpha of f, g, h, 4..6 beta of f, g, h. */

enum {
    KILN_RNN_SIGMOID = 0, KILN_RNN_TANH = 1, KILN_RNN_RELU = 2, KILN_RNN_AFFINE = 3, KILN_RNN_LEAKY_RELU = 4,
    KILN_RNN_THRESHOLDED_RELU = 5, KILN_RNN_SCALED_TANH = 6, KILN_RNN_HARD_SIGMOID = 7, KILN_RNN_ELU = 8,
    KILN_RNN_SOFTSIGN = 9, KILN_RNN_SOFTPLUS = 10
};

enum {
    KILN_RNN_P_S = 0, KILN_RNN_P_B, KILN_RNN_P_I, KILN_RNN_P_H, KILN_RNN_P_D, KILN_RNN_P_DIR, KILN_RNN_P_REVERSE,
    KILN_RNN_P_LAYOUT, KILN_RNN_P_FLAG, KILN_RNN_P_ACT0, KILN_RNN_P_ACT1, KILN_RNN_P_ACT2, KILN_RNN_P_HAS_CLIP,
    KILN_RNN_P_COUNT
};

/* Activation `kind` with its alpha/beta; unknown kinds give the identity. */
float kiln_rnn_act(int32_t kind, float x, float alpha, float beta);

/* Clamps to [-clip, clip] when has_clip (NaN passes through). */
static inline float kiln_rnn_clip(float x, int32_t has_clip, float clip)
{
    if (!has_clip) return x;
    return x < -clip ? -clip : (x > clip ? clip : x);
}

/* Floats in one packed direction block. */
static inline size_t kiln_rnn_packed_floats(int32_t G, int32_t I, int32_t H, int32_t separate_rbh)
{
    return (size_t)G * (size_t)H * ((size_t)I + (size_t)H + 1u) + (separate_rbh ? (size_t)H : 0u);
}

/* Packs ONNX W [D, G*H, I], R [D, G*H, H] and optional B [D, 2*G*H] into `out` (D packed blocks).
 * separate_rbh (GRU with linear_before_reset): gate 2's recurrent bias is stored after the rows instead of summed. */
void kiln_rnn_pack_f32(const float *w, const float *r, const float *b, float *out, int32_t D, int32_t G, int32_t I,
                       int32_t H, int32_t separate_rbh);

/* Sequence length of batch entry `b`: seq_lens[b] clamped to [0, S], or S without seq_lens. */
static inline int32_t kiln_rnn_length(const int32_t *seq_lens, int32_t b, int32_t S)
{
    int32_t n;
    if (!seq_lens) return S;
    n = seq_lens[b];
    return n < 0 ? 0 : (n > S ? S : n);
}

/* Element offset of X[t, b, :] (layout 0) or X[b, t, :] (layout 1). */
static inline size_t kiln_rnn_x_offset(const int32_t *p, int32_t t, int32_t b)
{
    if (p[KILN_RNN_P_LAYOUT] == 0) return ((size_t)t * (size_t)p[KILN_RNN_P_B] + (size_t)b) * (size_t)p[KILN_RNN_P_I];
    return ((size_t)b * (size_t)p[KILN_RNN_P_S] + (size_t)t) * (size_t)p[KILN_RNN_P_I];
}

/* Element offset of Y[t, d, b, :] (layout 0) or Y[b, t, d, :] (layout 1). */
static inline size_t kiln_rnn_y_offset(const int32_t *p, int32_t t, int32_t b)
{
    const size_t D = (size_t)p[KILN_RNN_P_D], d = (size_t)p[KILN_RNN_P_DIR], H = (size_t)p[KILN_RNN_P_H];
    if (p[KILN_RNN_P_LAYOUT] == 0) return (((size_t)t * D + d) * (size_t)p[KILN_RNN_P_B] + (size_t)b) * H;
    return (((size_t)b * (size_t)p[KILN_RNN_P_S] + (size_t)t) * D + d) * H;
}

/* Element offset of a state tensor (initial_h, Y_h...): [d, b, :] (layout 0) or [b, d, :] (layout 1). */
static inline size_t kiln_rnn_state_offset(const int32_t *p, int32_t b)
{
    const size_t D = (size_t)p[KILN_RNN_P_D], d = (size_t)p[KILN_RNN_P_DIR], H = (size_t)p[KILN_RNN_P_H];
    if (p[KILN_RNN_P_LAYOUT] == 0) return (d * (size_t)p[KILN_RNN_P_B] + (size_t)b) * H;
    return ((size_t)b * D + d) * H;
}

/* acc + dot(row[0..I), x) + dot(row[I..I+H), h): one packed row without its bias. */
static inline float kiln_rnn_row(const float *row, const float *x, const float *h, int32_t I, int32_t H, float acc)
{
    int32_t k;
    for (k = 0; k < I; k++) acc += row[k] * x[k];
    for (k = 0; k < H; k++) acc += row[I + k] * h[k];
    return acc;
}

/* Simple RNN, one direction: Ht = f(clip(W Xt + R Ht-1 + Wb + Rb)).
 * wp: packed weights (G = 1) of all directions; seq_lens, h0, y, yh may be NULL.
 * scratch: 2*H floats. Steps past a batch entry's length write zeros to y; yh gets the state after its last step
 * (zeros for an empty sequence, as onnxruntime does). */
void kiln_rnn_f32(const float *x, const float *wp, const int32_t *seq_lens, const float *h0, float *y, float *yh,
                  float *scratch, const int32_t *prm, const float *fprm);

#endif
