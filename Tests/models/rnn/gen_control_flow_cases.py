#!/usr/bin/env python3
"""Generates ONNX test folders for If / Loop / Scan (expanded by Kiln's expand-control-flow pass), with expected
outputs from onnxruntime. Usage: gen_control_flow_cases.py OUTDIR; then `kiln test OUTDIR/*`.
Only operators every Kiln branch has (Add, Relu, Identity, Constant, Gemm) appear besides the control flow, so
this runs before the other operator families are merged."""
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

F, I64, BOOL = TensorProto.FLOAT, TensorProto.INT64, TensorProto.BOOL
H = helper


def vi(name, et, shape):
    return H.make_tensor_value_info(name, et, shape)


def save(out, name, graph, feeds_list, opset=17):
    model = H.make_model(graph, opset_imports=[H.make_opsetid("", opset)])
    model.ir_version = 8

    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    d = os.path.join(out, name)
    for k, feeds in enumerate(feeds_list):
        res = sess.run(None, feeds)
        if k == 0:  # static output shapes in the model
            for o, r in zip(graph.output, res):
                o.CopyFrom(vi(o.name, o.type.tensor_type.elem_type, r.shape))
            os.makedirs(d, exist_ok=True)
            onnx.save(H.make_model(graph, opset_imports=[H.make_opsetid("", opset)], ir_version=8),
                      os.path.join(d, "model.onnx"))
        ds = os.path.join(d, f"test_data_set_{k}")
        os.makedirs(ds, exist_ok=True)
        for j, i in enumerate(graph.input):
            onnx.save_tensor(numpy_helper.from_array(feeds[i.name], i.name), os.path.join(ds, f"input_{j}.pb"))
        for j, (o, r) in enumerate(zip(graph.output, res)):
            onnx.save_tensor(numpy_helper.from_array(r, o.name), os.path.join(ds, f"output_{j}.pb"))


def const(name, arr):
    return H.make_node("Constant", [], [name], value=numpy_helper.from_array(np.asarray(arr), name + "_v"))


def main():
    out = sys.argv[1]
    rng = np.random.default_rng(0)
    x = rng.standard_normal((2, 3)).astype(np.float32)

    # If, condition known only at run time, same output types: both branches + select (two data sets).
    then_g = H.make_graph([const("c1", np.full((2, 3), 0.5, np.float32)), H.make_node("Add", ["x", "c1"], ["t"])],
                          "then", [], [vi("t", F, [2, 3])])
    else_g = H.make_graph([H.make_node("Relu", ["x"], ["e"])], "else", [], [vi("e", F, [2, 3])])
    g = H.make_graph([H.make_node("If", ["cond"], ["y"], then_branch=then_g, else_branch=else_g),
                      H.make_node("Relu", ["y"], ["z"])], "if_runtime",
                     [vi("cond", BOOL, []), vi("x", F, [2, 3])], [vi("z", F, None)])
    save(out, "cf_if_runtime", g, [{"cond": np.array(True), "x": x}, {"cond": np.array(False), "x": x}])

    # If with a constant condition: only the taken branch, whose output shape differs from the other's.
    then_g = H.make_graph([H.make_node("Relu", ["x"], ["t"])], "then", [], [vi("t", F, [2, 3])])
    else_g = H.make_graph([const("e", np.zeros((4,), np.float32))], "else", [], [vi("e", F, [4])])
    g = H.make_graph([const("c", np.array(True)), H.make_node("If", ["c"], ["y"], then_branch=then_g, else_branch=else_g)],
                     "if_const", [vi("x", F, [2, 3])], [vi("y", F, None)])
    save(out, "cf_if_const_cond", g, [{"x": x}])

    # If whose branches differ in shape and whose condition is a graph input: frozen from the test data.
    g = H.make_graph([H.make_node("If", ["cond"], ["y"], then_branch=then_g, else_branch=else_g)],
                     "if_frozen", [vi("cond", BOOL, []), vi("x", F, [2, 3])], [vi("y", F, None)])
    save(out, "cf_if_frozen_cond", g, [{"cond": np.array(False), "x": x}])

    # Loop: trip count and condition are graph inputs (frozen), carried y, scan output, outer value x.
    body = H.make_graph([H.make_node("Identity", ["cond_in"], ["cond_out"]),
                         H.make_node("Add", ["y_in", "x"], ["y_out"]),
                         H.make_node("Relu", ["y_out"], ["scan"])], "body",
                        [vi("i", I64, []), vi("cond_in", BOOL, []), vi("y_in", F, [2, 3])],
                        [vi("cond_out", BOOL, []), vi("y_out", F, [2, 3]), vi("scan", F, [2, 3])])
    g = H.make_graph([H.make_node("Loop", ["M", "cond", "y0"], ["y", "s"], body=body)], "loop",
                     [vi("M", I64, []), vi("cond", BOOL, []), vi("y0", F, [2, 3]), vi("x", F, [2, 3])],
                     [vi("y", F, None), vi("s", F, None)])
    save(out, "cf_loop_basic", g, [{"M": np.array(4, np.int64), "cond": np.array(True), "y0": -x, "x": x * 0.7}])

    # Loop without condition input; trip count computed from a graph input (frozen through two Adds);
    # the body uses the iteration number, a body initializer and a main-graph initializer.
    body = H.make_graph([H.make_node("Identity", ["cond_in"], ["cond_out"]),
                         H.make_node("Add", ["i", "k"], ["ik"]),
                         H.make_node("Add", ["acc_in", "ik"], ["acc_out"]),
                         H.make_node("Gemm", ["v_in", "w"], ["v_out"]),
                         H.make_node("Identity", ["ik"], ["iters"])], "body",
                        [vi("i", I64, []), vi("cond_in", BOOL, []), vi("acc_in", I64, []), vi("v_in", F, [1, 3])],
                        [vi("cond_out", BOOL, []), vi("acc_out", I64, []), vi("v_out", F, [1, 3]), vi("iters", I64, [])],
                        initializer=[numpy_helper.from_array(np.array(10, np.int64), "k")])
    w = (rng.standard_normal((3, 3)) * 0.5).astype(np.float32)
    g = H.make_graph([const("one", np.array(1, np.int64)), H.make_node("Add", ["n", "one"], ["n1"]),
                      H.make_node("Add", ["n1", "one"], ["M"]),
                      H.make_node("Loop", ["M", "", "acc0", "v0"], ["acc", "v", "iters"], body=body)], "loop2",
                     [vi("n", I64, []), vi("acc0", I64, []), vi("v0", F, [1, 3])],
                     [vi("acc", I64, None), vi("v", F, None), vi("iters", I64, None)],
                     initializer=[numpy_helper.from_array(w, "w")])
    save(out, "cf_loop_computed_trip_count", g,
         [{"n": np.array(2, np.int64), "acc0": np.array(5, np.int64), "v0": x[:1].copy()}])

    # Loop that runs no iteration: loop-carried values pass through, scan outputs are empty... and an If inside
    # the body of a second loop, with a run-time condition from the main graph.
    then_g = H.make_graph([H.make_node("Add", ["y_in", "x"], ["t"])], "then", [], [vi("t", F, [2, 3])])
    else_g = H.make_graph([H.make_node("Relu", ["y_in"], ["e"])], "else", [], [vi("e", F, [2, 3])])
    body = H.make_graph([H.make_node("Identity", ["cond_in"], ["cond_out"]),
                         H.make_node("If", ["flag"], ["y_out"], then_branch=then_g, else_branch=else_g),
                         H.make_node("Identity", ["y_out"], ["scan"])], "body",
                        [vi("i", I64, []), vi("cond_in", BOOL, []), vi("y_in", F, [2, 3])],
                        [vi("cond_out", BOOL, []), vi("y_out", F, [2, 3]), vi("scan", F, [2, 3])])
    g = H.make_graph([const("M", np.array(3, np.int64)), const("T", np.array(True)),
                      H.make_node("Loop", ["M", "T", "y0"], ["y", "s"], body=body)], "loop_if",
                     [vi("flag", BOOL, []), vi("y0", F, [2, 3]), vi("x", F, [2, 3])],
                     [vi("y", F, None), vi("s", F, None)])
    save(out, "cf_loop_nested_if", g, [{"flag": np.array(True), "y0": -x, "x": x},
                                       {"flag": np.array(False), "y0": -x, "x": x}])

    # Scan (opset 9+): two scan inputs on different axes, one reversed; outputs on axis 1, one reversed.
    body = H.make_graph([H.make_node("Add", ["s_in", "a"], ["s1"]), H.make_node("Add", ["s1", "b"], ["s_out"]),
                         H.make_node("Relu", ["s_out"], ["o1"]), H.make_node("Identity", ["a"], ["o2"])], "body",
                        [vi("s_in", F, [3]), vi("a", F, [3]), vi("b", F, [3])],
                        [vi("s_out", F, [3]), vi("o1", F, [3]), vi("o2", F, [3])])
    A = rng.standard_normal((4, 3)).astype(np.float32)
    Bm = rng.standard_normal((3, 4)).astype(np.float32)
    g = H.make_graph([H.make_node("Scan", ["s0", "A", "B"], ["s", "o1", "o2"], body=body, num_scan_inputs=2,
                                  scan_input_axes=[0, 1], scan_input_directions=[0, 1], scan_output_axes=[1, -1],
                                  scan_output_directions=[1, 0])], "scan_axes",
                     [vi("s0", F, [3]), vi("A", F, [4, 3]), vi("B", F, [3, 4])],
                     [vi("s", F, None), vi("o1", F, None), vi("o2", F, None)])
    save(out, "cf_scan_axes_directions", g, [{"s0": x[0].copy(), "A": A, "B": Bm}])

    # Nesting: a Loop whose body runs a Scan whose body uses a main-graph value (x) and a Loop-body value (y_in).
    scan_body = H.make_graph([H.make_node("Add", ["acc_in", "r"], ["a1"]), H.make_node("Add", ["a1", "y_in"], ["a2"]),
                              H.make_node("Add", ["a2", "xrow"], ["acc_out"])], "scan_body",
                             [vi("acc_in", F, [3]), vi("r", F, [3])], [vi("acc_out", F, [3])])
    body = H.make_graph([H.make_node("Identity", ["cond_in"], ["cond_out"]),
                         H.make_node("Scan", ["y_in", "rows"], ["y_out"], body=scan_body, num_scan_inputs=1),
                         H.make_node("Relu", ["y_out"], ["scan"])], "body",
                        [vi("i", I64, []), vi("cond_in", BOOL, []), vi("y_in", F, [3])],
                        [vi("cond_out", BOOL, []), vi("y_out", F, [3]), vi("scan", F, [3])])
    g = H.make_graph([const("M", np.array(2, np.int64)),
                      H.make_node("Loop", ["M", "", "y0"], ["y", "s"], body=body)], "nested",
                     [vi("y0", F, [3]), vi("rows", F, [2, 3]), vi("xrow", F, [3])],
                     [vi("y", F, None), vi("s", F, None)])
    save(out, "cf_loop_scan_nested", g, [{"y0": x[0].copy(), "rows": x * 0.25, "xrow": x[1].copy()}])

    # Loop that runs no iteration: loop-carried values pass through, the scan output is empty.
    body = H.make_graph([H.make_node("Identity", ["cond_in"], ["cond_out"]),
                         H.make_node("Add", ["y_in", "x"], ["y_out"]),
                         H.make_node("Relu", ["y_out"], ["scan"])], "body",
                        [vi("i", I64, []), vi("cond_in", BOOL, []), vi("y_in", F, [2, 3])],
                        [vi("cond_out", BOOL, []), vi("y_out", F, [2, 3]), vi("scan", F, [2, 3])])
    g = H.make_graph([const("M", np.array(0, np.int64)), H.make_node("Loop", ["M", "", "y0"], ["y", "s"], body=body),
                      H.make_node("Relu", ["y"], ["z"])], "loop0",
                     [vi("y0", F, [2, 3]), vi("x", F, [2, 3])], [vi("z", F, None), vi("s", F, None)])
    save(out, "cf_loop_zero_trip", g, [{"y0": -x, "x": x}])

    # Three levels: Loop body -> Scan body -> If branches that use values of every enclosing graph.
    then_g = H.make_graph([H.make_node("Add", ["acc_in", "y_in"], ["t"])], "then", [], [vi("t", F, [3])])
    else_g = H.make_graph([H.make_node("Add", ["acc_in", "xrow"], ["e0"]), H.make_node("Add", ["e0", "r"], ["e"])],
                          "else", [], [vi("e", F, [3])])
    scan_body = H.make_graph([H.make_node("If", ["flag"], ["acc_out"], then_branch=then_g, else_branch=else_g)],
                             "scan_body", [vi("acc_in", F, [3]), vi("r", F, [3])], [vi("acc_out", F, [3])])
    body = H.make_graph([H.make_node("Identity", ["cond_in"], ["cond_out"]),
                         H.make_node("Relu", ["y_in"], ["y_r"]),
                         H.make_node("Scan", ["y_r", "rows"], ["y_out"], body=scan_body, num_scan_inputs=1)], "body",
                        [vi("i", I64, []), vi("cond_in", BOOL, []), vi("y_in", F, [3])],
                        [vi("cond_out", BOOL, []), vi("y_out", F, [3])])
    g = H.make_graph([const("M", np.array(3, np.int64)),
                      H.make_node("Loop", ["M", "", "y0"], ["y"], body=body)], "deep",
                     [vi("flag", BOOL, []), vi("y0", F, [3]), vi("rows", F, [2, 3]), vi("xrow", F, [3])],
                     [vi("y", F, None)])
    save(out, "cf_deep_nesting", g, [{"flag": np.array(f), "y0": x[0].copy(), "rows": x * 0.25, "xrow": x[1].copy()}
                                     for f in (True, False)])

    # Scan-8: batch axis, reversed scan input.
    body = H.make_graph([H.make_node("Add", ["s_in", "v"], ["s_out"]), H.make_node("Identity", ["s_out"], ["o"])],
                        "body", [vi("s_in", F, [3]), vi("v", F, [3])], [vi("s_out", F, [3]), vi("o", F, [3])])
    X8 = rng.standard_normal((2, 4, 3)).astype(np.float32)
    g = H.make_graph([H.make_node("Scan", ["", "s0", "X"], ["s", "o"], body=body, num_scan_inputs=1, directions=[1])],
                     "scan8", [vi("s0", F, [2, 3]), vi("X", F, [2, 4, 3])], [vi("s", F, None), vi("o", F, None)])
    save(out, "cf_scan8_batch_reverse", g, [{"s0": x, "X": X8}], opset=8)


if __name__ == "__main__":
    main()
