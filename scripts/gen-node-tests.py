#!/usr/bin/env python3
"""Generates the ONNX backend node tests from the pinned onnx package into a cache folder.

Each case becomes DIR/<name>/model.onnx + test_data_set_0/{input,output}_<i>.pb, the layout `kiln test` reads.
Only in-scope cases are written: every graph input and output is a tensor of a numeric or bool type
(float32/64, float16, bfloat16, int8-64, uint8-64, bool), and no training or random operator is used.
`DIR/SCOPE.txt` lists what was left out and why.
"""
import argparse
import os
import sys
import warnings

import onnx
from onnx import TensorProto as T
from onnx import numpy_helper
from onnx.backend.test.case import node

IN_SCOPE_TYPES = {T.FLOAT, T.DOUBLE, T.FLOAT16, T.BFLOAT16, T.INT8, T.INT16, T.INT32, T.INT64,
                  T.UINT8, T.UINT16, T.UINT32, T.UINT64, T.BOOL}
TRAINING_OPS = {"Adagrad", "Adam", "Momentum", "Gradient"}
RANDOM_OPS = {"RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike", "Multinomial", "Bernoulli"}


def scope_reason(case):
    g = case.model.graph
    ops = {n.op_type for n in g.node}
    if ops & TRAINING_OPS:
        return "training op"
    if ops & RANDOM_OPS:
        return "random op"
    for vi in list(g.input) + list(g.output):
        t = vi.type
        if t.WhichOneof("value") != "tensor_type":
            return "non-tensor value (%s)" % t.WhichOneof("value")
        if t.tensor_type.elem_type not in IN_SCOPE_TYPES:
            return "type %s" % T.DataType.Name(t.tensor_type.elem_type)
    return None


def write_tensor(value, proto_type, name, path):
    if isinstance(value, onnx.TensorProto):
        t = value
    else:
        t = numpy_helper.from_array(value, name)
    t.name = name
    with open(path, "wb") as f:
        f.write(t.SerializeToString())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out", help="cache folder")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    stamp = os.path.join(args.out, "VERSION")
    want = "onnx %s\n" % onnx.__version__
    if os.path.exists(stamp) and open(stamp).read() == want:
        print("node tests for %s already in %s" % (want.strip(), args.out))
        return 0
    os.makedirs(args.out, exist_ok=True)
    cases = node.collect_testcases(None)
    skipped = []
    written = 0
    for case in sorted(cases, key=lambda c: c.name):
        reason = scope_reason(case)
        if reason:
            skipped.append((case.name, reason))
            continue
        d = os.path.join(args.out, case.name)
        ds = os.path.join(d, "test_data_set_0")
        os.makedirs(ds, exist_ok=True)
        with open(os.path.join(d, "model.onnx"), "wb") as f:
            f.write(case.model.SerializeToString())
        g = case.model.graph
        inputs, outputs = case.data_sets[0]
        for i, v in enumerate(inputs):
            write_tensor(v, None, g.input[i].name, os.path.join(ds, "input_%d.pb" % i))
        for i, v in enumerate(outputs):
            write_tensor(v, None, g.output[i].name, os.path.join(ds, "output_%d.pb" % i))
        written += 1
    with open(os.path.join(args.out, "SCOPE.txt"), "w") as f:
        f.write("onnx %s: %d node test cases, %d in scope, %d out of scope\n" % (onnx.__version__, len(cases), written, len(skipped)))
        for name, reason in skipped:
            f.write("%s\t%s\n" % (name, reason))
    with open(stamp, "w") as f:
        f.write(want)
    print("wrote %d in-scope node tests (%d out of scope) to %s" % (written, len(skipped), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
