#ifndef KILN_COPY_H
#define KILN_COPY_H
#include "kiln_common.h"

/* Copies `bytes` bytes; src and dst may overlap. */
void kiln_copy(const void *src, void *dst, int32_t bytes);

#endif
