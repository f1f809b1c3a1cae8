#include "kiln_fill.h"

#define KILN_FILL_DEF(W, T)                                \
    void kiln_fill_b##W(void *y, int32_t n, const void *value) \
    {                                                      \
        T *dst = (T *)y;                                   \
        T v;                                               \
        int32_t i;                                         \
        memcpy(&v, value, sizeof v);                       \
        for (i = 0; i < n; i++) dst[i] = v;                \
    }

KILN_FOR_WIDTHS(KILN_FILL_DEF)
