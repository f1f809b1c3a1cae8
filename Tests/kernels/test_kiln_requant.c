#include "kiln_requant.h"
#include "kiln_test.h"

/* independent reference: floor division, then round half to even */
static int64_t ref_round(int64_t p, int n)
{
    int64_t d, q, r;
    if (n >= 63) return 0;
    d = (int64_t)1 << n;
    q = p / d;
    r = p % d;
    if (r < 0) { r += d; q -= 1; }
    if (2 * r > d || (2 * r == d && (q & 1))) q++;
    if (q > (1 << 30)) q = 1 << 30;
    if (q < -(1 << 30)) q = -(1 << 30);
    return q;
}

int main(void)
{
    /* multiplier 0.5 = 2^30 * 2^-31: ties go to even */
    KILN_CHECK(kiln_requant(1, 1 << 30, 31) == 0);
    KILN_CHECK(kiln_requant(3, 1 << 30, 31) == 2);
    KILN_CHECK(kiln_requant(5, 1 << 30, 31) == 2);
    KILN_CHECK(kiln_requant(-1, 1 << 30, 31) == 0);
    KILN_CHECK(kiln_requant(-3, 1 << 30, 31) == -2);
    KILN_CHECK(kiln_requant(-5, 1 << 30, 31) == -2);
    KILN_CHECK(kiln_requant(7, 1 << 30, 31) == 4);
    /* multiplier 0.75 = 3*2^29 * 2^-31: 2 * 0.75 = 1.5 -> 2; 10 * 0.75 = 7.5 -> 8; -10 -> -8; 1 -> 0.75 -> 1 */
    KILN_CHECK(kiln_requant(2, 3 << 29, 31) == 2);
    KILN_CHECK(kiln_requant(10, 3 << 29, 31) == 8);
    KILN_CHECK(kiln_requant(-10, 3 << 29, 31) == -8);
    KILN_CHECK(kiln_requant(1, 3 << 29, 31) == 1);
    /* saturation to +-2^30; huge and tiny shifts */
    KILN_CHECK(kiln_requant(INT32_MAX, INT32_MAX, 1) == (1 << 30));
    KILN_CHECK(kiln_requant(INT32_MIN, INT32_MAX, 1) == -(1 << 30));
    KILN_CHECK(kiln_requant(INT32_MIN, INT32_MIN + 1, 1) == (1 << 30));
    KILN_CHECK(kiln_requant(INT32_MAX, INT32_MAX, 63) == 0);
    KILN_CHECK(kiln_requant(INT32_MAX, INT32_MAX, 127) == 0);
    KILN_CHECK(kiln_requant(INT32_MIN, INT32_MIN + 1, 62) == 1);  /* (2^62 - 2^31) / 2^62: just below 1 -> 1 */
    KILN_CHECK(kiln_requant(123, 0, 1) == 0);
    KILN_CHECK(kiln_requant(100, 1 << 30, 0) == (1 << 30)); /* n <= 0: no shift, saturates */
    /* 64-bit accumulators: exact in range, halved beyond int32 */
    KILN_CHECK(kiln_requant64(3, 1 << 30, 31) == 2);
    KILN_CHECK(kiln_requant64((int64_t)1 << 40, 1 << 30, 31 + 20) == (1 << 19));
    KILN_CHECK(kiln_requant64(-((int64_t)1 << 40), 1 << 30, 31 + 20) == -(1 << 19));
    KILN_CHECK(kiln_requant64(INT64_MAX, 1 << 30, 2) == (1 << 30));
    KILN_CHECK(kiln_requant64(INT64_MIN, 1 << 30, 2) == -(1 << 30));
    KILN_CHECK(kiln_requant64(INT64_MIN, -(1 << 30), 2) == (1 << 30));
    KILN_CHECK(kiln_round_shift(INT64_MAX / 2, 62) == 1);
    /* sweep against the reference */
    {
        uint32_t s = 12345u;
        int k;
        for (k = 0; k < 200000; k++) {
            int32_t acc, m, n;
            s = s * 1664525u + 1013904223u;
            acc = (int32_t)(s >> 8) - (1 << 23);
            if (k % 7 == 0) acc = (int32_t)s;
            s = s * 1664525u + 1013904223u;
            m = (int32_t)((s >> 1) | (1u << 30));
            if (k & 1) m = -m;
            s = s * 1664525u + 1013904223u;
            n = 1 + (int32_t)(s % 70u);
            if (kiln_requant(acc, m, n) != ref_round((int64_t)acc * m, n)) {
                printf("mismatch acc %ld m %ld n %ld: %ld vs %ld\n", (long)acc, (long)m, (long)n,
                       (long)kiln_requant(acc, m, n), (long)ref_round((int64_t)acc * m, n));
                kiln_test_failures++;
                break;
            }
        }
    }
    KILN_CHECK(kiln_clamp_i32(5, -3, 3) == 3 && kiln_clamp_i32(-5, -3, 3) == -3 && kiln_clamp_i32(1, -3, 3) == 1);
    KILN_TEST_END();
}
