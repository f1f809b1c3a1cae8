#include "kiln_ml.h"
#include "kiln_test.h"

int main(void)
{
    /* Binarizer: strictly greater; NaN gives 0 */
    {
        float x[4] = {0.5f, 1, 1.5f, 0}, y[4];
        const float want[4] = {0, 0, 1, 0};
        uint32_t nan_bits = 0x7fc00000u;
        memcpy(&x[3], &nan_bits, sizeof nan_bits);
        kiln_binarizer_f32(x, y, 4, 1.0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    {
        const int64_t x[3] = {-5, 2, 3};
        const int64_t want[3] = {0, 0, 1};
        int64_t y[3];
        kiln_binarizer_i64(x, y, 3, 2.0);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* one tree: x0 <= 1 -> leaf 0 (target 0, weight 10), else leaf 1 (target 1, weight 20); sum */
    {
        const float x[2] = {0.5f, 2};
        const int32_t roots[1] = {0}, nodes[7] = {0, 0, -1, -2, 0, 0, 0}, targets[2] = {0, 1};
        const double values[3] = {1.0, 10, 20};
        const float want[4] = {10, 0, 0, 20};
        float y[4];
        kiln_tree_ensemble_f32(x, y, 2, 1, 2, 1, roots, 1, nodes, targets, values, 1, 1, 1);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* set membership {3, 4} and two copies of the tree averaged; min aggregation starts at the largest float */
    {
        const double x[2] = {4, 5};
        const int32_t roots[2] = {0, 0}, nodes[7] = {0, 6, -1, -2, 0, 0, 2}, targets[2] = {0, 0};
        const double values[5] = {0, 3, 4, 10, 20};
        const double want[2] = {10, 20};
        double y[2];
        kiln_tree_ensemble_f64(x, y, 2, 1, 1, 2, roots, 1, nodes, targets, values, 1, 3, 0);
        KILN_CHECK_BYTES(y, want, sizeof want);
        kiln_tree_ensemble_f64(x, y, 2, 1, 1, 2, roots, 1, nodes, targets, values, 1, 3, 2);
        KILN_CHECK_BYTES(y, want, sizeof want);
    }
    /* a cycle (node 0 -> node 0) stops after n_nodes steps and adds nothing */
    {
        const float x[1] = {0};
        const int32_t roots[1] = {0}, nodes[7] = {0, 0, 0, 0, 0, 0, 0}, targets[1] = {0};
        const double values[2] = {1.0, 5};
        float y[1];
        kiln_tree_ensemble_f32(x, y, 1, 1, 1, 1, roots, 1, nodes, targets, values, 1, 1, 1);
        KILN_CHECK(y[0] == 0.0f);
    }
    KILN_TEST_END();
}
