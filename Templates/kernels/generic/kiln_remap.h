#ifndef KILN_REMAP_H
#define KILN_REMAP_H
#include "kiln_move.h"

/* Table-driven gather copy (Pad in every mode, Tile, nearest Resize, CenterCropPad, Compress...): y has `rank`
 * dims `shape` followed by a contiguous run of `run` elements. `tables` holds, for each dim d in turn, shape[d]
 * element offsets into x; a y run starts at the sum of its dims' entries. A negative entry in any dim means "no
 * source": the run is filled with *fill (zero bytes when fill is NULL). rank 0 copies one run from x. */
#define KILN_REMAP_DECL(W, T) \
    void kiln_remap_b##W(const void *x, void *y, int32_t rank, const int32_t *shape, const int32_t *tables, \
                         int32_t run, const void *fill);
KILN_FOR_WIDTHS(KILN_REMAP_DECL)

#endif
