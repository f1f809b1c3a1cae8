#ifndef KILN_ATTENTION_H
#define KILN_ATTENTION_H
#include "kiln_common.h"

/* Scaled dot-product attention (ONNX Attention 23/24/25), one call for the whole node.
 *
 * Views (element strides; the last dim of every tensor is contiguous):
 *   q[b, h, i, :Dk]   at b*p[Q_SB] + h*p[Q_SH] + i*p[Q_SS]    (h < Hq, i < Sq)
 *   k[b, g, j, :Dk]   at b*p[K_SB] + g*p[K_SH] + j*p[K_SS]    (g < Hkv, j < Skv: the new keys)
 *   v[b, g, j, :Dv]   likewise with V_*
 *   y[b, h, i, :Dv]   likewise with Y_*
 *   past_k/past_v     contiguous [B, Hkv, P, Dk|Dv] (NULL when P == 0)
 *   present_k/_v      contiguous [B, Hkv, P + Skv, Dk|Dv] or NULL: past followed by the new keys/values
 *   qk                contiguous [B, Hq, Sq, P + Skv] or NULL: the scores selected by p[MODE]
 *                     (0/1: Q.K^T after softcap, 2: plus the bias, 3: the softmax probabilities)
 *   mask              NULL, bool (uint8_t) or T, read at b*M_SB + h*M_SH + i*M_SS + j*M_SJ for j < M_LEN;
 *                     keys j >= M_LEN are masked (ONNX pads a short mask with -inf / false)
 *   nonpad            NULL or int64 [B]: keys j >= nonpad[b] are masked and the causal/window frontier of
 *                     batch b is offset by nonpad[b] - Sq (otherwise by P)
 * Query head h reads key/value head h / (Hq / Hkv) (grouped-query attention).
 * Scores are (q*s)(k*s) with s = sqrt(scale) rounded to T, optionally soft-capped (softcap > 0:
 * softcap * tanh(x / softcap)), plus the additive bias (mask, causal j > i + offset, window, padding: -inf).
 * A row whose bias is all -inf gets zero probabilities (so Y = 0). Computations run in float (double for f64)
 * and round to T where ONNX's reference does. scratch holds (Dk + P + Skv) compute-type elements. */
enum {
    KILN_ATT_B, KILN_ATT_HQ, KILN_ATT_HKV, KILN_ATT_SQ, KILN_ATT_SKV, KILN_ATT_P, KILN_ATT_DK, KILN_ATT_DV,
    KILN_ATT_Q_SB, KILN_ATT_Q_SH, KILN_ATT_Q_SS, KILN_ATT_K_SB, KILN_ATT_K_SH, KILN_ATT_K_SS,
    KILN_ATT_V_SB, KILN_ATT_V_SH, KILN_ATT_V_SS, KILN_ATT_Y_SB, KILN_ATT_Y_SH, KILN_ATT_Y_SS,
    KILN_ATT_M_KIND, KILN_ATT_M_LEN, KILN_ATT_M_SB, KILN_ATT_M_SH, KILN_ATT_M_SS, KILN_ATT_M_SJ,
    KILN_ATT_CAUSAL, KILN_ATT_LEFT, KILN_ATT_RIGHT, KILN_ATT_MODE, KILN_ATT_ROUND_SOFTMAX,
    KILN_ATT_NPARAMS
};
/* p[KILN_ATT_M_KIND]: 0 no mask, 1 bool mask, 2 additive mask of type T. LEFT/RIGHT: window sizes, -1 none.
 * ROUND_SOFTMAX: 1 rounds the softmax intermediates to T (no softmax_precision given). */
enum { KILN_ATT_MASK_NONE = 0, KILN_ATT_MASK_BOOL = 1, KILN_ATT_MASK_ADD = 2 };

#define KILN_ATTENTION_DECL(SUF, T, CT)                                                                        \
    void kiln_attention_##SUF(const T *q, const T *k, const T *v, const void *mask, const T *past_k,           \
                              const T *past_v, const int64_t *nonpad, T *y, T *present_k, T *present_v, T *qk, \
                              void *scratch, const int32_t *p, CT scale_sqrt, CT softcap);
KILN_ATTENTION_DECL(f32, float, float)
KILN_ATTENTION_DECL(f64, double, double)
KILN_ATTENTION_DECL(f16, uint16_t, float)
KILN_ATTENTION_DECL(bf16, uint16_t, float)

#endif
