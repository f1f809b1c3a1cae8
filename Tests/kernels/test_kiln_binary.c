#include "kiln_binary.h"
#include "kiln_test.h"

int main(void)
{
    /* [2,3] + [3] broadcast */
    const float a[6] = {1, 2, 3, 4, 5, 6}, b[3] = {10, 20, 30};
    const float want[6] = {11, 22, 33, 14, 25, 36};
    float y[6];
    const int32_t shape[2] = {2, 3}, sa[2] = {3, 1}, sb[2] = {0, 1};
    const int8_t i8a[4] = {127, -128, 100, -7}, i8b[4] = {1, -1, 0, 2};
    const int8_t i8sum[4] = {-128, 127, 100, -5}, i8div[4] = {127, -128, 0, -3};
    int8_t i8y[4];
    const int32_t n4[1] = {4}, s1[1] = {1};
    kiln_add_f32(a, b, y, 2, shape, sa, sb);
    KILN_CHECK_BYTES(y, want, sizeof want);
    /* integer add wraps, division by zero gives 0, truncation toward zero */
    kiln_add_i8(i8a, i8b, i8y, 1, n4, s1, s1);
    KILN_CHECK_BYTES(i8y, i8sum, sizeof i8sum);
    kiln_div_i8(i8a, i8b, i8y, 1, n4, s1, s1);
    KILN_CHECK_BYTES(i8y, i8div, sizeof i8div);
    /* in place: y aliases a */
    {
        float inplace[6] = {1, 2, 3, 4, 5, 6};
        kiln_add_f32(inplace, b, inplace, 2, shape, sa, sb);
        KILN_CHECK_BYTES(inplace, want, sizeof want);
    }
    KILN_TEST_END();
}
