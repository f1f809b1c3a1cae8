#include "kiln_reverse_sequence.h"

void kiln_reverse_sequence(const void *x, const int64_t *lens, void *y, int32_t batch, int32_t time,
                           int32_t batch_axis, int32_t row_bytes)
{
    const unsigned char *src = (const unsigned char *)x;
    unsigned char *dst = (unsigned char *)y;
    int32_t b, t;
    if (row_bytes <= 0) return;
    for (b = 0; b < batch; b++) {
        int64_t len = lens[b];
        if (len < 0) len = 0;
        if (len > time) len = time;
        for (t = 0; t < time; t++) {
            int32_t from = t < len ? (int32_t)len - 1 - t : t;
            size_t to_row = batch_axis == 0 ? (size_t)b * (size_t)time + (size_t)t : (size_t)t * (size_t)batch + (size_t)b;
            size_t from_row =
                batch_axis == 0 ? (size_t)b * (size_t)time + (size_t)from : (size_t)from * (size_t)batch + (size_t)b;
            memcpy(dst + to_row * (size_t)row_bytes, src + from_row * (size_t)row_bytes, (size_t)row_bytes);
        }
    }
}
