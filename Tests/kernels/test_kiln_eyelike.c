#include "kiln_eyelike.h"
#include "kiln_test.h"

int main(void)
{
    const float one = 1;
    float y[6];
    const float k0[6] = {1, 0, 0, 0, 1, 0}, k1[6] = {0, 1, 0, 0, 0, 1}, km1[6] = {0, 0, 0, 1, 0, 0};
    const float none[6] = {0};
    kiln_eyelike(y, 2, 3, 0, 4, &one);
    KILN_CHECK_BYTES(y, k0, sizeof k0);
    kiln_eyelike(y, 2, 3, 1, 4, &one);
    KILN_CHECK_BYTES(y, k1, sizeof k1);
    kiln_eyelike(y, 2, 3, -1, 4, &one);
    KILN_CHECK_BYTES(y, km1, sizeof km1);
    kiln_eyelike(y, 2, 3, INT32_MAX, 4, &one);
    KILN_CHECK_BYTES(y, none, sizeof none);
    {
        const uint8_t t = 1, want[4] = {1, 0, 0, 1};
        uint8_t b[4];
        kiln_eyelike(b, 2, 2, 0, 1, &t);
        KILN_CHECK_BYTES(b, want, sizeof want);
    }
    KILN_TEST_END();
}
