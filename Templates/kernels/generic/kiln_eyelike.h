#ifndef KILN_EYELIKE_H
#define KILN_EYELIKE_H
#include "kiln_common.h"

/* EyeLike for every element type: y is rows x cols elements of elem_bytes bytes, zero except (i, i + k),
 * which hold the elem_bytes bytes at `one`. */
void kiln_eyelike(void *y, int32_t rows, int32_t cols, int32_t k, int32_t elem_bytes, const void *one);

#endif
