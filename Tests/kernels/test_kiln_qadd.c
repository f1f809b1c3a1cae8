#include "kiln_qadd.h"
#include "kiln_qref.h"
#include "kiln_test.h"

int main(void)
{
    {
        /* Add, same scales (MA = MB = 2^30, shift 30): a - za + b - zb + zy, saturating; ties cannot occur */
        const int8_t a[4] = {10, -100, 127, 0}, b[4] = {5, -100, 127, -1};
        const int32_t shape[1] = {4}, s1[1] = {1};
        const int32_t q[KILN_QA_NPARAMS] = {2, -3, 1, 1 << 30, 1 << 30, 30, -128, 127};
        const int8_t want[4] = {17, -128, 127, 1}; /* 8+8+1, -102-97+1, 125+130+1, -2+2+1 */
        int8_t y[4];
        kiln_qadd_s8(a, b, y, 1, shape, s1, s1, q);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* Add with a_scale / y_scale = 0.5 and b_scale / y_scale = 0.25 (shift 31): 0.5 u + 0.25 v rounded half to even;
         * broadcasting b [1] over a [2, 2] (strides 0), relu-like clamp lo = zy */
        const uint8_t a[4] = {1, 3, 5, 0}, b[1] = {2};
        const int32_t shape[1] = {4}, sa[1] = {1}, sb[1] = {0};
        const int32_t q[KILN_QA_NPARAMS] = {0, 0, 10, 1 << 30, 1 << 29, 31, 10, 255};
        const uint8_t want[4] = {11, 12, 13, 10}; /* 0.5+0.5=1, 1.5+0.5=2, 2.5+0.5=3, 0+0.5 -> 0 (even) */
        uint8_t y[4];
        kiln_qadd_u8(a, b, y, 1, shape, sa, sb, q);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* Mul: (a - za) * (b - zb) * 2^-2, int16 with products beyond int16 */
        const int16_t a[3] = {300, -300, 32767}, b[3] = {300, 301, 32767};
        const int32_t shape[1] = {3}, s1[1] = {1};
        const int32_t q[KILN_QA_NPARAMS] = {0, 1, -7, 1 << 30, 0, 32, -32768, 32767};
        const int16_t want[3] = {22418, -22507, 32767}; /* 89700/4 = 22425 - 7; -90000/4 = -22500 - 7; saturate */
        int16_t y[3];
        kiln_qmul_s16(a, b, y, 1, shape, s1, s1, q);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        /* 2-D broadcast [2,3] + [1,3] and [2,3] * [2,1], in place, against the reference */
        int8_t a[6] = {-128, -5, 0, 7, 100, 127}, b[3] = {-1, 2, 3}, c[2] = {4, -9}, y[6];
        const int32_t shape[2] = {2, 3}, sa[2] = {3, 1}, sb[2] = {0, 1}, sc[2] = {1, 0};
        const int32_t qa[KILN_QA_NPARAMS] = {3, -2, 0, 1518500250, 1073741824 + 12345, 31, -100, 100};
        const int32_t qm[KILN_QA_NPARAMS] = {3, 1, -4, 1987654321, 0, 36, -128, 127};
        int i;
        kiln_qadd_s8(a, b, y, 2, shape, sa, sb, qa);
        for (i = 0; i < 6; i++) {
            const int64_t want = qref_clamp(qref_round((int64_t)(a[i] - 3) * qa[3] + (int64_t)(b[i % 3] + 2) * qa[4], 31), -100, 100);
            KILN_CHECK(y[i] == want);
        }
        kiln_qmul_s8(a, c, a, 2, shape, sa, sc, qm);
        for (i = 0; i < 6; i++) {
            const int8_t orig[6] = {-128, -5, 0, 7, 100, 127};
            const int64_t want = qref_clamp(qref_round((int64_t)(orig[i] - 3) * (c[i / 3] - 1) * qm[3], 36) - 4, -128, 127);
            KILN_CHECK(a[i] == want);
        }
    }
    KILN_TEST_END();
}
