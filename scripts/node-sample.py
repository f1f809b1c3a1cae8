#!/usr/bin/env python3
"""Prints a fixed sample of node-test case folders covering every operator Kiln supports: for each op, the first
(alphabetically) non-expanded cases containing it, up to N per op (default 2). Ops that no case passes on the host
(given the host report of `kiln test --report`) are not supported and are left out of the sample.
Used for the per-board conformance runs (`make targets-test`).

usage: node-sample.py NODE_TEST_DIR [PER_OP] [HOST_REPORT.json]"""
import json
import os
import sys

import onnx


def main():
    root = sys.argv[1]
    per_op = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    supported = None
    if len(sys.argv) > 3 and os.path.exists(sys.argv[3]):
        supported = set()
        for r in json.load(open(sys.argv[3])):
            if r["status"] == "passed":
                supported.update(op.split("::")[-1] for op in r["ops"])
    chosen = []
    count = {}
    for name in sorted(os.listdir(root)):
        p = os.path.join(root, name, "model.onnx")
        if not os.path.exists(p) or name.endswith("_expanded"):
            continue
        ops = {n.op_type for n in onnx.load(p, load_external_data=False).graph.node}
        if supported is not None and not ops <= supported:
            continue
        if any(count.get(op, 0) < per_op for op in ops):
            chosen.append(os.path.join(root, name))
            for op in ops:
                count[op] = count.get(op, 0) + 1
    print("\n".join(chosen))


if __name__ == "__main__":
    main()
