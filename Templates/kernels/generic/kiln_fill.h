#ifndef KILN_FILL_H
#define KILN_FILL_H
#include "kiln_move.h"

/* Sets the n elements of y to *value (ConstantOfShape, Dropout's mask). */
#define KILN_FILL_DECL(W, T) void kiln_fill_b##W(void *y, int32_t n, const void *value);
KILN_FOR_WIDTHS(KILN_FILL_DECL)

#endif
