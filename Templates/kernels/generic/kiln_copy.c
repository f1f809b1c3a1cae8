#include "kiln_copy.h"

void kiln_copy(const void *src, void *dst, int32_t bytes)
{
    if (bytes > 0 && src != dst) memmove(dst, src, (size_t)bytes);
}
