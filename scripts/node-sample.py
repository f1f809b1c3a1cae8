#!/usr/bin/env python3
"""Prints a fixed sample of node-test case folders that covers every operator appearing in the in-scope cases:
for each op, the first (alphabetically) non-expanded cases containing it, up to N per op (default 2).
Used for the per-board conformance runs (`make targets-test`)."""
import os
import sys

import onnx


def main():
    root = sys.argv[1]
    per_op = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    chosen = []
    count = {}
    for name in sorted(os.listdir(root)):
        p = os.path.join(root, name, "model.onnx")
        if not os.path.exists(p) or name.endswith("_expanded"):
            continue
        ops = {n.op_type for n in onnx.load(p, load_external_data=False).graph.node}
        if any(count.get(op, 0) < per_op for op in ops):
            chosen.append(os.path.join(root, name))
            for op in ops:
                count[op] = count.get(op, 0) + 1
    print("\n".join(chosen))


if __name__ == "__main__":
    main()
