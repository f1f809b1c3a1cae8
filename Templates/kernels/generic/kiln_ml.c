#include "kiln_ml.h"
#include <float.h>

#define KILN_BINARIZER_DEF(SUF, T)                                                  \
    void kiln_binarizer_##SUF(const T *x, T *y, int32_t n, double threshold)        \
    {                                                                               \
        int32_t i;                                                                  \
        for (i = 0; i < n; i++) y[i] = (T)((double)x[i] > threshold ? 1 : 0);       \
    }
KILN_BINARIZER_DEF(f32, float)
KILN_BINARIZER_DEF(f64, double)
KILN_BINARIZER_DEF(i32, int32_t)
KILN_BINARIZER_DEF(i64, int64_t)

static int kiln_tree_test(double v, const int32_t *node, const double *values, int32_t k, int32_t members_at)
{
    const double s = values[k];
    int32_t m;
    if (v != v && node[4]) return 1;
    switch (node[1]) {
    case 0: return v <= s;
    case 1: return v < s;
    case 2: return v >= s;
    case 3: return v > s;
    case 4: return v == s;
    case 5: return v != s;
    default:
        for (m = 0; m < node[6]; m++)
            if (v == values[members_at + node[5] + m]) return 1;
        return 0;
    }
}

#define KILN_TREE_ENSEMBLE_DEF(SUF, T, MAXV)                                                                   \
    void kiln_tree_ensemble_##SUF(const T *x, T *y, int32_t rows, int32_t F, int32_t n_targets, int32_t n_trees, \
                                  const int32_t *roots, int32_t n_nodes, const int32_t *nodes,                  \
                                  const int32_t *leaf_target, const double *values, int32_t members_at,         \
                                  int32_t weights_at, int32_t aggregate)                                        \
    {                                                                                                          \
        int32_t r, t, k;                                                                                       \
        for (r = 0; r < rows; r++) {                                                                           \
            const T *xr = x + (size_t)r * (size_t)F;                                                           \
            T *yr = y + (size_t)r * (size_t)n_targets;                                                         \
            for (k = 0; k < n_targets; k++) yr[k] = aggregate == 2 ? (T)(MAXV) : aggregate == 3 ? (T)-(MAXV) : (T)0; \
            for (t = 0; t < n_trees; t++) {                                                                    \
                int32_t at = roots[t], steps = 0, leaf, tid;                                                   \
                T w;                                                                                           \
                while (at >= 0 && steps <= n_nodes) {                                                          \
                    const int32_t *node = nodes + (size_t)at * 7;                                              \
                    at = kiln_tree_test((double)xr[node[0]], node, values, at, members_at) ? node[2] : node[3]; \
                    steps++;                                                                                   \
                }                                                                                              \
                if (at >= 0) continue;                                                                         \
                leaf = -1 - at;                                                                                \
                tid = leaf_target[leaf];                                                                       \
                w = (T)values[weights_at + leaf];                                                              \
                if (aggregate == 0) yr[tid] += w / (T)n_trees;                                                 \
                else if (aggregate == 1) yr[tid] += w;                                                         \
                else if (aggregate == 2) { if (w < yr[tid]) yr[tid] = w; }                                     \
                else if (w > yr[tid]) yr[tid] = w;                                                             \
            }                                                                                                  \
        }                                                                                                      \
    }
KILN_TREE_ENSEMBLE_DEF(f32, float, FLT_MAX)
KILN_TREE_ENSEMBLE_DEF(f64, double, DBL_MAX)
