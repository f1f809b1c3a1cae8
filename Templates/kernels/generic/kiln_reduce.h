#ifndef KILN_REDUCE_H
#define KILN_REDUCE_H
#include "kiln_common.h"

/* Reductions (ReduceSum, ReduceMean, ..., GlobalAveragePool, GlobalMaxPool).
 *
 * The compiler describes the input as two groups of dims: nk "kept" dims (shape ks, element strides kst in x) that
 * index the outputs in row-major order, and nr "reduced" dims (shape rs, strides rst) summed over for each output.
 * y[o] = final(acc) where acc starts at the identity and visits the reduced elements in row-major order of the
 * reduced dims (the last reduced dim innermost): this is the float summation order, so ISA-specific variants must
 * keep it. An empty reduction gives the identity: 0 for sum/l1/l2/sumsquare, 1 for prod, -inf for max/logsum/
 * logsumexp, +inf for min (lowest/highest value for integers, false/true for bool), NaN for a float mean and 0 for
 * an integer mean.
 * Integer sums and products wrap (two's complement); integer means sum in 64 bits and divide toward zero.
 * max/min propagate NaN. logsumexp is max + log(sum(exp(v - max))) (max over the same set, first pass). */
#define KILN_REDUCE_DECL(NAME, SFX, T) \
    void kiln_reduce_##NAME##_##SFX(const T *x, T *y, int32_t nk, const int32_t *ks, const int32_t *kst, int32_t nr, \
                                    const int32_t *rs, const int32_t *rst);

#define KILN_REDUCE_DECL_NUMERIC(NAME) \
    KILN_REDUCE_DECL(NAME, f32, float) \
    KILN_REDUCE_DECL(NAME, f64, double) \
    KILN_REDUCE_DECL(NAME, f16, uint16_t) \
    KILN_REDUCE_DECL(NAME, bf16, uint16_t) \
    KILN_REDUCE_DECL(NAME, i8, int8_t) \
    KILN_REDUCE_DECL(NAME, i16, int16_t) \
    KILN_REDUCE_DECL(NAME, i32, int32_t) \
    KILN_REDUCE_DECL(NAME, i64, int64_t) \
    KILN_REDUCE_DECL(NAME, u8, uint8_t) \
    KILN_REDUCE_DECL(NAME, u16, uint16_t) \
    KILN_REDUCE_DECL(NAME, u32, uint32_t) \
    KILN_REDUCE_DECL(NAME, u64, uint64_t)

#define KILN_REDUCE_DECL_FLOAT(NAME) \
    KILN_REDUCE_DECL(NAME, f32, float) \
    KILN_REDUCE_DECL(NAME, f64, double) \
    KILN_REDUCE_DECL(NAME, f16, uint16_t) \
    KILN_REDUCE_DECL(NAME, bf16, uint16_t)

KILN_REDUCE_DECL_NUMERIC(sum)
KILN_REDUCE_DECL_NUMERIC(mean)
KILN_REDUCE_DECL_NUMERIC(max)
KILN_REDUCE_DECL_NUMERIC(min)
KILN_REDUCE_DECL_NUMERIC(prod)
KILN_REDUCE_DECL_NUMERIC(l1)
KILN_REDUCE_DECL_NUMERIC(sumsquare)
KILN_REDUCE_DECL_FLOAT(l2)
KILN_REDUCE_DECL_FLOAT(logsum)
KILN_REDUCE_DECL_FLOAT(logsumexp)
KILN_REDUCE_DECL(max, bool, uint8_t)
KILN_REDUCE_DECL(min, bool, uint8_t)

#endif
