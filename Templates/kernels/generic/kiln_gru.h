#ifndef KILN_GRU_H
#define KILN_GRU_H
#include "kiln_rnn.h"

/* GRU, one direction (ONNX gate order z, r, h; activations f, g):
 *   zt = f(clip(Wz Xt + Rz Ht-1 + bz))   rt = f(clip(Wr Xt + Rr Ht-1 + br))
 *   ht = g(clip(Wh Xt + Rh (rt*Ht-1) + Wbh + Rbh))          linear_before_reset = 0
 *   ht = g(clip(Wh Xt + Wbh + rt*(Rh Ht-1 + Rbh)))          linear_before_reset = 1 (Rbh kept apart in the pack)
 *   Ht = (1 - zt)*ht + zt*Ht-1
 * wp: packed weights (G = 3, see kiln_rnn.h; separate Rbh when linear_before_reset) of all directions;
 * seq_lens, h0, y, yh may be NULL. scratch: 4*H floats. Steps past a batch entry's length write zeros to y; an
 * empty sequence has zero final states (as in onnxruntime). */
void kiln_gru_f32(const float *x, const float *wp, const int32_t *seq_lens, const float *h0, float *y, float *yh,
                  float *scratch, const int32_t *prm, const float *fprm);

#endif
