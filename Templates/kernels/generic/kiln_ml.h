#ifndef KILN_ML_H
#define KILN_ML_H
#include "kiln_common.h"

/* ai.onnx.ml Binarizer: y = x > threshold ? 1 : 0 (NaN gives 0). */
void kiln_binarizer_f32(const float *x, float *y, int32_t n, double threshold);
void kiln_binarizer_f64(const double *x, double *y, int32_t n, double threshold);
void kiln_binarizer_i32(const int32_t *x, int32_t *y, int32_t n, double threshold);
void kiln_binarizer_i64(const int64_t *x, int64_t *y, int32_t n, double threshold);

/* ai.onnx.ml TreeEnsemble: x [rows, F], y [rows, n_targets]. Node k is nodes[7k .. 7k+6] = {feature, mode,
 * true next, false next, missing tracks true, first member, member count}; a next >= 0 is a node, -1 - j is
 * leaf j (target leaf_target[j], weight values[weights_at + j]). Split k is values[k]; set members are
 * values[members_at + first ...]. Modes: 0 <=, 1 <, 2 >=, 3 >, 4 ==, 5 !=, 6 member. Tree t starts at roots[t]
 * (a negative root is a leaf). aggregate: 0 average, 1 sum, 2 min, 3 max. Comparisons are done in double;
 * a walk stops after n_nodes steps (the compiler rejects cycles). */
#define KILN_TREE_ENSEMBLE_DECL(SUF, T)                                                                        \
    void kiln_tree_ensemble_##SUF(const T *x, T *y, int32_t rows, int32_t F, int32_t n_targets, int32_t n_trees, \
                                  const int32_t *roots, int32_t n_nodes, const int32_t *nodes,                  \
                                  const int32_t *leaf_target, const double *values, int32_t members_at,         \
                                  int32_t weights_at, int32_t aggregate);
KILN_TREE_ENSEMBLE_DECL(f32, float)
KILN_TREE_ENSEMBLE_DECL(f64, double)

#endif
