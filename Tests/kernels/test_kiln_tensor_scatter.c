#include "kiln_tensor_scatter.h"
#include "kiln_test.h"

int main(void)
{
    const float past[4] = {1, 2, 3, 4}, upd[2] = {9, 8};
    const int64_t idx[1] = {3};
    float y[4];
    /* circular: positions 3 and 0 */
    {
        const float want[4] = {8, 2, 3, 9};
        kiln_tensor_scatter_b32(past, upd, idx, y, 1, 1, 4, 2, 1, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* linear: position 4 is past the end and dropped */
    {
        const float want[4] = {1, 2, 3, 9};
        kiln_tensor_scatter_b32(past, upd, idx, y, 1, 1, 4, 2, 1, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* in place, no indices (0), rows of two int64 elements; a negative circular index wraps */
    {
        int64_t cache[4] = {1, 2, 3, 4};
        const int64_t u[2] = {7, 8}, neg[1] = {-1};
        const int64_t want[4] = {7, 8, 3, 4}, want2[4] = {7, 8, 7, 8};
        kiln_tensor_scatter_b64(cache, u, 0, cache, 1, 1, 2, 1, 2, 0);
        KILN_CHECK_BYTES(cache, want, sizeof want);
        kiln_tensor_scatter_b64(cache, u, neg, cache, 1, 1, 2, 1, 2, 1);
        KILN_CHECK_BYTES(cache, want2, sizeof want2);
    }
    KILN_TEST_END();
}
