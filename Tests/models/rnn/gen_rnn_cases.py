#!/usr/bin/env python3
"""Generates ONNX test folders (model.onnx + test_data_set_0/) for RNN/GRU/LSTM variants, with expected outputs
from onnxruntime. Usage: gen_rnn_cases.py OUTDIR; then `kiln test OUTDIR/*`.

Cases cover: constant weights (compile-time packing) and run-time weights (packing kernel), directions, layout 1,
clip, input_forget, linear_before_reset, every activation function with explicit alpha/beta, initial states,
peepholes, and run-time sequence_lens (shorter sequences: zeros in Y past their length)."""
import os
import sys

import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

GATES = {"RNN": 1, "GRU": 3, "LSTM": 4}
NACT = {"RNN": 1, "GRU": 2, "LSTM": 3}


def case(out, name, op, S, B, I, H, direction="forward", layout=0, const_weights=True, bias=True, seq=None,
         init_h=False, init_c=False, peep=False, attrs=None, outputs=("Y", "Y_h", "Y_c"), seed=0, opset=14):
    rng = np.random.default_rng(seed)
    D = 2 if direction == "bidirectional" else 1
    G = GATES[op]
    X = rng.standard_normal((S, B, I) if layout == 0 else (B, S, I)).astype(np.float32)
    W = (rng.standard_normal((D, G * H, I)) * 0.4).astype(np.float32)
    R = (rng.standard_normal((D, G * H, H)) * 0.4).astype(np.float32)
    Bv = (rng.standard_normal((D, 2 * G * H)) * 0.4).astype(np.float32)
    state = (D, B, H) if layout == 0 else (B, D, H)
    feeds, inits, names = {"X": X}, [], ["X", "W", "R"]
    graph_inputs = [helper.make_tensor_value_info("X", TensorProto.FLOAT, X.shape)]

    def add(nm, arr, const):
        if const:
            inits.append(numpy_helper.from_array(arr, nm))
        else:
            feeds[nm] = arr
            et = TensorProto.INT32 if arr.dtype == np.int32 else TensorProto.FLOAT
            graph_inputs.append(helper.make_tensor_value_info(nm, et, arr.shape))

    add("W", W, const_weights)
    add("R", R, const_weights)
    opt = [("B", Bv if bias else None, const_weights),
           ("sequence_lens", None if seq is None else np.array(seq, np.int32), False),
           ("initial_h", (rng.standard_normal(state) * 0.5).astype(np.float32) if init_h else None, False)]
    if op == "LSTM":
        opt += [("initial_c", (rng.standard_normal(state) * 0.5).astype(np.float32) if init_c else None, False),
                ("P", (rng.standard_normal((D, 3 * H)) * 0.4).astype(np.float32) if peep else None, const_weights)]
    for nm, arr, const in opt:
        names.append(nm if arr is not None else "")
        if arr is not None:
            add(nm, arr, const)
    while names and names[-1] == "":
        names.pop()
    outs = [o if o in outputs else "" for o in (["Y", "Y_h", "Y_c"] if op == "LSTM" else ["Y", "Y_h"])]
    while outs[-1] == "":
        outs.pop()
    a = dict(hidden_size=H, direction=direction, **(attrs or {}))
    if layout:
        a["layout"] = layout
    node = helper.make_node(op, names, outs, **a)
    graph_outputs = [helper.make_tensor_value_info(o, TensorProto.FLOAT, None) for o in outs if o]
    g = helper.make_graph([node], name, graph_inputs, graph_outputs, initializer=inits)
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    model.ir_version = 8
    res = reference(model, feeds, layout)
    # Fix the output shapes in the model so Kiln checks them too.
    for vi, r in zip(g.output, res):
        vi.CopyFrom(helper.make_tensor_value_info(vi.name, TensorProto.FLOAT, r.shape))
    d = os.path.join(out, name)
    os.makedirs(os.path.join(d, "test_data_set_0"), exist_ok=True)
    onnx.save(model, os.path.join(d, "model.onnx"))
    ins = [i.name for i in g.input]
    for k, nm in enumerate(ins):
        onnx.save_tensor(numpy_helper.from_array(feeds[nm], nm), os.path.join(d, "test_data_set_0", f"input_{k}.pb"))
    for k, (vi, r) in enumerate(zip(g.output, res)):
        onnx.save_tensor(numpy_helper.from_array(r, vi.name), os.path.join(d, "test_data_set_0", f"output_{k}.pb"))


def reference(model, feeds, layout):
    """onnxruntime's outputs. onnxruntime has no layout=1 kernels: run the layout 0 model on transposed tensors."""
    if layout == 1:
        model = onnx.ModelProto.FromString(model.SerializeToString())
        node = model.graph.node[0]
        for a in list(node.attribute):
            if a.name == "layout":
                node.attribute.remove(a)
        feeds = dict(feeds)
        for k in ("X", "initial_h", "initial_c"):
            if k in feeds:
                feeds[k] = np.ascontiguousarray(feeds[k].transpose(1, 0, 2))
        for vi in model.graph.input:
            if vi.name in ("X", "initial_h", "initial_c"):
                vi.CopyFrom(helper.make_tensor_value_info(vi.name, TensorProto.FLOAT, feeds[vi.name].shape))
    sess = ort.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    res = sess.run(None, feeds)
    if layout == 1:
        names = [o.name for o in model.graph.output]
        res = [r.transpose(2, 0, 1, 3) if nm == "Y" else r.transpose(1, 0, 2) for nm, r in zip(names, res)]
        res = [np.ascontiguousarray(r) for r in res]
    return res


def main():
    out = sys.argv[1]
    acts_ab = dict(activation_alpha=[0.7, 0.3, 0.9], activation_beta=[0.2, 0.6])
    for op in ("RNN", "GRU", "LSTM"):
        p = op.lower()
        case(out, f"{p}_const_fwd", op, 5, 2, 3, 4)
        case(out, f"{p}_runtime_bidi", op, 5, 2, 3, 4, direction="bidirectional", const_weights=False, init_h=True,
             init_c=True, peep=True)
        case(out, f"{p}_const_bidi_layout1", op, 4, 3, 2, 5, direction="bidirectional", layout=1, init_h=True,
             init_c=True, peep=True, seed=1)
        case(out, f"{p}_reverse_seqlens", op, 6, 3, 3, 4, direction="reverse", seq=[6, 2, 0], init_h=True, seed=2)
        case(out, f"{p}_bidi_seqlens_layout1", op, 5, 3, 2, 3, direction="bidirectional", layout=1, seq=[1, 5, 3],
             init_h=True, init_c=True, seed=3)
        case(out, f"{p}_clip", op, 5, 2, 3, 4, attrs=dict(clip=0.4), seed=4)
        case(out, f"{p}_nobias_yh_only", op, 3, 1, 2, 3, bias=False, outputs=("Y_h",), seed=5)
        case(out, f"{p}_opset7", op, 4, 2, 3, 3, opset=7, seed=6)
    # every activation function (with and without explicit coefficients) in the RNN's f slot
    for k, act in enumerate(["Sigmoid", "Tanh", "Relu", "Affine", "LeakyRelu", "ThresholdedRelu", "ScaledTanh",
                             "HardSigmoid", "Elu", "Softsign", "Softplus"]):
        case(out, f"rnn_act_{act.lower()}", "RNN", 4, 2, 3, 4, attrs=dict(activations=[act], activation_alpha=[0.6],
             activation_beta=[0.3]), seed=10 + k)
    for act in ["LeakyRelu", "HardSigmoid", "Elu"]:  # defaults that onnxruntime shares with the ONNX spec
        case(out, f"rnn_act_{act.lower()}_default", "RNN", 4, 2, 3, 4, attrs=dict(activations=[act]), seed=30)
    case(out, "gru_acts_lbr", "GRU", 5, 2, 3, 4, direction="bidirectional",
         attrs=dict(activations=["HardSigmoid", "LeakyRelu", "Sigmoid", "ScaledTanh"], linear_before_reset=1,
                    **acts_ab), seed=40)
    case(out, "gru_lbr_runtime", "GRU", 5, 2, 3, 4, const_weights=False, attrs=dict(linear_before_reset=1), seed=41)
    case(out, "lstm_acts", "LSTM", 5, 2, 3, 4, direction="bidirectional", peep=True,
         attrs=dict(activations=["HardSigmoid", "Elu", "Softsign", "Sigmoid", "Affine", "Tanh"], **acts_ab), seed=42)
    case(out, "lstm_input_forget", "LSTM", 5, 2, 3, 4, peep=True, init_c=True, attrs=dict(input_forget=1), seed=43)
    case(out, "lstm_clip_peep_bidi", "LSTM", 5, 2, 3, 4, direction="bidirectional", peep=True, init_c=True,
         init_h=True, attrs=dict(clip=0.5), seed=44)
    # realistic GRU: input 16, hidden 32, seq 20, bidirectional, constant weights
    case(out, "gru_realistic_bidi", "GRU", 20, 1, 16, 32, direction="bidirectional", attrs=dict(linear_before_reset=1),
         seed=50)
    case(out, "lstm_realistic", "LSTM", 20, 2, 16, 32, seed=51)


if __name__ == "__main__":
    main()
