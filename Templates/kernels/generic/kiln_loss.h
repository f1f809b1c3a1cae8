#ifndef KILN_LOSS_H
#define KILN_LOSS_H
#include "kiln_common.h"

/* NegativeLogLikelihoodLoss over x [N, C, D] (D = product of the extra dims) and target [N, D]:
 *     w(n,d) = 0 when target == ignore_index or target is outside [0, C), else weight[target] (1 without weights)
 *     loss(n,d) = -x[n, target, d] * w(n,d)            (0 when w is 0)
 * reduction 0 (none) writes the N*D losses, 1 (sum) their sum, 2 (mean) sum(loss) / sum(w), all sums in (n, d)
 * order. float16/bfloat16 compute in float. SoftmaxCrossEntropyLoss is kiln_logsoftmax followed by this. */
enum { KILN_LOSS_NONE = 0, KILN_LOSS_SUM = 1, KILN_LOSS_MEAN = 2 };

#define KILN_LOSS_DECL(SFX, T)                                                                              \
    void kiln_nllloss_##SFX##_i64(const T *x, const int64_t *target, const T *weight, T *y, int32_t n,        \
                                  int32_t c, int32_t d, int64_t ignore_index, int32_t reduction);             \
    void kiln_nllloss_##SFX##_i32(const T *x, const int32_t *target, const T *weight, T *y, int32_t n,        \
                                  int32_t c, int32_t d, int64_t ignore_index, int32_t reduction);

KILN_LOSS_DECL(f32, float)
KILN_LOSS_DECL(f64, double)
KILN_LOSS_DECL(f16, uint16_t)
KILN_LOSS_DECL(bf16, uint16_t)

#endif
