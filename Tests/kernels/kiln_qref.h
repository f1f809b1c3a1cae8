/* Reference arithmetic for the quantized kernel tests: exact rounding written the obvious way. */
#ifndef KILN_QREF_H
#define KILN_QREF_H
#include <stdint.h>

static uint32_t kiln_qref_seed = 1u;
static inline int32_t qref_rnd(int32_t lo, int32_t hi) /* inclusive */
{
    kiln_qref_seed = kiln_qref_seed * 1664525u + 1013904223u;
    return lo + (int32_t)((kiln_qref_seed >> 8) % (uint32_t)(hi - lo + 1));
}

/* round(p / 2^n), half to even (no saturation) */
static inline int64_t qref_round(int64_t p, int n)
{
    int64_t d, q, r;
    if (n <= 0) return p;
    if (n >= 63) return 0;
    d = (int64_t)1 << n;
    q = p / d;
    r = p % d;
    if (r < 0) { r += d; q -= 1; }
    if (2 * r > d || (2 * r == d && (q & 1))) q++;
    return q;
}

static inline int64_t qref_clamp(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : (v > hi ? hi : v); }

#endif
