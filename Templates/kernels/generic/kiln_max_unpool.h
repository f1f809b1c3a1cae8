#ifndef KILN_MAX_UNPOOL_H
#define KILN_MAX_UNPOOL_H
#include "kiln_common.h"

/* MaxUnpool: y (shape out[0..rank-1]) is zero except that x[e] is written at the flat index idx[e] of the
 * unpooled shape `in` (in[d] <= out[d]; that tensor sits in the low corner of y). Later elements win ties;
 * indices outside [0, prod(in)) are ignored. Elements are moved by width (b8/b16/b32/b64). */
#define KILN_MAX_UNPOOL_DECL(W, T)                                                                             \
    void kiln_max_unpool_##W(const void *xv, const int64_t *idx, void *yv, int32_t n, int32_t rank, const int32_t *in, \
                             const int32_t *out);
KILN_MAX_UNPOOL_DECL(b8, uint8_t)
KILN_MAX_UNPOOL_DECL(b16, uint16_t)
KILN_MAX_UNPOOL_DECL(b32, uint32_t)
KILN_MAX_UNPOOL_DECL(b64, uint64_t)

#endif
