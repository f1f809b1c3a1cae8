#include "kiln_einsum.h"
#include "kiln_test.h"

int main(void)
{
    const double a[6] = {1, 2, 3, 4, 5, 6}; /* [2,3] */
    const double b[3] = {1, 10, 100};
    double y[6];
    /* "ij,j->i" */
    {
        const int32_t os[1] = {2}, sao[1] = {3}, sbo[1] = {0}, rs[1] = {3}, sar[1] = {1}, sbr[1] = {1};
        const double r[2] = {321, 654};
        kiln_einsum_f64(a, b, y, 1, os, sao, sbo, 1, rs, sar, sbr);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    /* "ij->ji" (single operand, nothing summed) */
    {
        const int32_t os[2] = {3, 2}, sao[2] = {1, 3}, z[2] = {0, 0};
        const double r[6] = {1, 4, 2, 5, 3, 6};
        kiln_einsum_f64(a, 0, y, 2, os, sao, z, 0, z, z, z);
        KILN_CHECK_BYTES(y, r, sizeof r);
    }
    /* "ii->i" diagonal of a 2x2 (strides summed: 2 + 1) */
    {
        const float m[4] = {1, 2, 3, 4};
        float d[2];
        const int32_t os[1] = {2}, sao[1] = {3}, z[1] = {0};
        kiln_einsum_f32(m, 0, d, 1, os, sao, z, 0, z, z, z);
        KILN_CHECK(d[0] == 1 && d[1] == 4);
    }
    KILN_TEST_END();
}
