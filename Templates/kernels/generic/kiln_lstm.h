#ifndef KILN_LSTM_H
#define KILN_LSTM_H
#include "kiln_rnn.h"

/* LSTM, one direction (ONNX gate order i, o, f, c; activations f, g, h; peepholes P [D, 3H] in order i, o, f):
 *   it = f(clip(Wi Xt + Ri Ht-1 + Pi*Ct-1 + bi))
 *   ft = f(clip(Wf Xt + Rf Ht-1 + Pf*Ct-1 + bf))      (1 - it with input_forget)
 *   ct = g(clip(Wc Xt + Rc Ht-1 + bc))                 Ct = ft*Ct-1 + it*ct
 *   ot = f(clip(Wo Xt + Ro Ht-1 + Po*Ct + bo))         Ht = ot*h(Ct)
 * wp: packed weights (G = 4, see kiln_rnn.h) of all directions; seq_lens, h0, c0, p, y, yh, yc may be NULL.
 * scratch: 6*H floats. Steps past a batch entry's length write zeros to y; an empty sequence has zero final states
 * (as in onnxruntime). */
void kiln_lstm_f32(const float *x, const float *wp, const int32_t *seq_lens, const float *h0, const float *c0,
                   const float *p, float *y, float *yh, float *yc, float *scratch, const int32_t *prm,
                   const float *fprm);

#endif
