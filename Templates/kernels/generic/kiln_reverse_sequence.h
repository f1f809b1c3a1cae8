#ifndef KILN_REVERSE_SEQUENCE_H
#define KILN_REVERSE_SEQUENCE_H
#include "kiln_common.h"

/* ReverseSequence for every element type. x is [batch, time, row] when batch_axis is 0 and [time, batch, row]
 * otherwise, rows of row_bytes bytes. For batch b the first lens[b] time steps are reversed, the rest copied;
 * lengths are clamped to [0, time]. y must not alias x. */
void kiln_reverse_sequence(const void *x, const int64_t *lens, void *y, int32_t batch, int32_t time,
                           int32_t batch_axis, int32_t row_bytes);

#endif
