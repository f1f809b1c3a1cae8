#ifndef KILN_LINEAR_ATTENTION_H
#define KILN_LINEAR_ATTENTION_H
#include "kiln_common.h"

/* LinearAttention: a recurrent state S[dk, dv] per (batch, kv head), carried over the T time steps:
 *   gated:  S *= exp(decay_t)                        (decay per head: [B, T, Hkv]; per key dim: [B, T, Hkv*dk])
 *   delta:  v_t = beta_t * (v_t - S^T k_t)           (beta [B, T, Hkv] or [B, T, 1])
 *   S += k_t (outer) v_t;   y_t[h] = scale * q_t[h]^T S   for each query head h of the group.
 * q [B, T, Hq*dk], k [B, T, Hkv*dk], v [B, T, Hkv*dv], y [B, T, Hq*dv]; past (NULL: zeros) and present
 * [B, Hkv, dk, dv] (present may be NULL). p = {B, T, Hq, Hkv, dk, dv, decay_kind, beta_kind} with decay_kind
 * 0 none / 1 per head / 2 per key dim, beta_kind 0 none / 1 per head / 2 one for all heads. Computed in float
 * (double for f64); scratch holds dk*dv + dv of those. */
#define KILN_LINEAR_ATTENTION_DECL(SUF, T, CT)                                                                  \
    void kiln_linear_attention_##SUF(const T *q, const T *k, const T *v, const T *past, const T *decay,        \
                                     const T *beta, T *y, T *present, void *scratch, const int32_t *p, CT scale);
KILN_LINEAR_ATTENTION_DECL(f32, float, float)
KILN_LINEAR_ATTENTION_DECL(f64, double, double)
KILN_LINEAR_ATTENTION_DECL(f16, uint16_t, float)
KILN_LINEAR_ATTENTION_DECL(bf16, uint16_t, float)

#endif
