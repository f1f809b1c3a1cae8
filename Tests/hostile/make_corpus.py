#!/usr/bin/env python3
"""Generates Tests/hostile/: malformed and hostile ONNX models for `scripts/run-hostile.py`.

    python3 Tests/hostile/make_corpus.py            # rewrites Tests/hostile/cases/ and Tests/hostile/names/

cases/<name>/model.onnx (plus any side files) are models Kiln must refuse: `kiln compile` exits 2 with one line
on stderr naming the file (and node and op where there is one), and leaves no output behind. manifest.json lists,
per case, the expected exit code, substrings of the message, extra command-line arguments and set-up steps the
runner performs in its temporary copy (symlinks are made at test time, never committed).

names/<case>/ are valid models whose tensor, node and graph I/O names are hostile to a C emitter (comment
terminators, newlines, preprocessor lines, C keywords, unicode, names that collide after sanitizing, very long
names); each has a test_data_set_0 with onnxruntime's outputs, so `kiln test Tests/hostile/names` checks the C.

Everything is deterministic (fixed seeds, no timestamps): running the script twice gives the same bytes.
"""
import json
import os
import shutil
import struct
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
NAMES = os.path.join(HERE, "names")

manifest = []


# ---------------------------------------------------------------- helpers

def vi(name, dtype=TensorProto.FLOAT, shape=(1, 4)):
    return helper.make_tensor_value_info(name, dtype, list(shape) if shape is not None else None)


def model(nodes, inputs, outputs, inits=(), opset=13, ir=8, extra_opsets=()):
    g = helper.make_graph(list(nodes), "g", list(inputs), list(outputs), initializer=list(inits))
    ops = [helper.make_opsetid("", opset)] + [helper.make_opsetid(d, v) for d, v in extra_opsets]
    m = helper.make_model(g, opset_imports=ops, producer_name="kiln-hostile")
    m.ir_version = ir
    return m


def f32(name, shape, seed=0):
    rng = np.random.default_rng(seed)
    return numpy_helper.from_array(rng.standard_normal(shape).astype(np.float32), name)


def relu_model():
    """x[1,4] -> Add(b) -> Relu -> y: the base most cases break one thing of."""
    return model([helper.make_node("Add", ["x", "b"], ["s"], name="add"),
                  helper.make_node("Relu", ["s"], ["y"], name="relu")],
                 [vi("x")], [vi("y")], [f32("b", [4])])


def case(name, data, exit=2, expect=(), node=None, op=None, args=(), setup=(), files=None, note="", max_seconds=None):
    """Writes cases/<name>/model.onnx (bytes or ModelProto) and records what kiln must say about it."""
    d = os.path.join(CASES, name)
    os.makedirs(d)
    if isinstance(data, onnx.ModelProto):
        data = data.SerializeToString()
    with open(os.path.join(d, "model.onnx"), "wb") as f:
        f.write(data)
    for fname, content in (files or {}).items():
        p = os.path.join(d, fname)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(content)
    manifest.append({"case": name, "exit": exit, "expect": list(expect), "node": node, "op": op,
                     "args": list(args), "setup": list(setup), "note": note, "max_seconds": max_seconds})


def varint(n):
    out = bytearray()
    n &= (1 << 64) - 1
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out.append(b | 0x80)
        else:
            out.append(b)
            return bytes(out)


def field(num, wire, payload):
    key = varint((num << 3) | wire)
    if wire == 0:
        return key + varint(payload)
    if wire == 2:
        return key + varint(len(payload)) + payload
    if wire == 5:
        return key + payload
    raise ValueError(wire)


def external(t, location, offset=None, length=None):
    """Moves tensor t's bytes to external data at `location` (the bytes themselves are written by the caller)."""
    t.ClearField("raw_data")
    t.data_location = TensorProto.EXTERNAL
    del t.external_data[:]
    entries = [("location", location)]
    if offset is not None:
        entries.append(("offset", str(offset)))
    if length is not None:
        entries.append(("length", str(length)))
    for k, v in entries:
        e = t.external_data.add()
        e.key, e.value = k, v
    return t


def ext_model(location, **kw):
    m = relu_model()
    external(m.graph.initializer[0], location, **kw)
    return m


B_BYTES = numpy_helper.to_array(f32("b", [4])).tobytes()


# ---------------------------------------------------------------- file-level damage

def file_cases():
    case("empty", b"", expect=["file is empty"])
    rng = np.random.default_rng(1234)
    case("random_bytes", rng.integers(0, 256, 4096, dtype=np.uint8).tobytes(), expect=["not an ONNX model"])
    case("text_file", b"ir_version: 8\ngraph {\n  node { op_type: \"Relu\" }\n}\n", expect=["not an ONNX model"],
         note="protobuf text format is not the binary format")
    good = relu_model().SerializeToString()
    case("truncated", good[: len(good) * 2 // 3], expect=["not an ONNX model"])
    case("truncated_one_byte", good[:-1], expect=["not an ONNX model"])
    case("tensor_proto_not_model", f32("w", [3, 3]).SerializeToString(), expect=["not an ONNX model"],
         note="a serialized TensorProto: valid protobuf of the wrong message")
    case("graph_proto_not_model", relu_model().graph.SerializeToString(), expect=["not an ONNX model"],
         note="a bare GraphProto, as some tools write")
    # ModelProto.graph (field 7) sent as a varint instead of a length-delimited message.
    case("wrong_wire_type_graph", field(1, 0, 8) + field(7, 0, 5), expect=["not an ONNX model"])
    # ModelProto.ir_version (field 1, int64) sent as a length-delimited string.
    case("wrong_wire_type_ir_version", field(1, 2, b"eight") + relu_model().SerializeToString()[2:],
         expect=["ir_version is missing"], note="protobuf keeps a field of the wrong wire type as unknown")
    m = relu_model()
    m.ir_version = 99
    case("ir_version_too_new", m, expect=["ONNX IR version 99 is newer than Kiln reads"])
    case("model_is_fifo", relu_model(), expect=["not a regular file"], setup=[{"fifo": "model.onnx"}],
         note="a FIFO would block a reader forever")
    case("no_graph", field(1, 0, 8) + field(2, 2, b"kiln-hostile"), expect=["has no graph"])
    # A length prefix far beyond the end of the file.
    case("length_overflow", field(1, 0, 8) + varint((7 << 3) | 2) + varint(1 << 62) + b"\x00" * 16,
         expect=["not an ONNX model"])
    # An 11-byte varint (longer than 64 bits).
    case("overlong_varint", varint((1 << 3) | 0) + b"\xff" * 10 + b"\x01", expect=["not an ONNX model"])
    # Subgraphs nested 200 deep (If.then_branch): beyond the decoder's depth limit, not a stack overflow.
    # (Built as raw bytes: Python's protobuf refuses such depth itself.)
    g = helper.make_graph([helper.make_node("Relu", ["x"], ["y"])], "leaf", [], [vi("y")]).SerializeToString()
    for k in range(200):
        attr = field(1, 2, b"then_branch") + field(20, 0, 5) + field(6, 2, g)
        node = field(1, 2, b"c") + field(2, 2, b"y") + field(4, 2, b"If") + field(5, 2, attr)
        g = field(1, 2, node) + field(2, 2, b"g%d" % k)
    m = field(1, 0, 8) + field(8, 2, field(2, 0, 13)) + field(7, 2, g)
    case("nesting_too_deep", m, expect=["not an ONNX model"])


# ---------------------------------------------------------------- graph structure

def graph_cases():
    case("cycle", model([helper.make_node("Add", ["x", "z"], ["y"], name="a"),
                         helper.make_node("Relu", ["y"], ["z"], name="r")], [vi("x")], [vi("y")]),
         expect=["cycle"], node="a", op="Add")
    case("self_loop", model([helper.make_node("Add", ["x", "y"], ["y"], name="selfish")], [vi("x")], [vi("y")]),
         expect=["cycle"], node="selfish", op="Add")
    case("undefined_input", model([helper.make_node("Relu", ["nope"], ["y"], name="r")], [vi("x")], [vi("y")]),
         expect=["'nope' is not defined"], node="r", op="Relu")
    m = relu_model()
    m.graph.initializer.append(f32("b", [4], seed=1))
    case("duplicate_initializer", m, expect=["initializer 'b' is defined more than once"])
    m = relu_model()
    m.graph.input.append(vi("x"))
    case("duplicate_graph_input", m, expect=["graph input 'x' is listed more than once"])
    case("multiple_producers", model([helper.make_node("Relu", ["x"], ["y"], name="r1"),
                                      helper.make_node("Neg", ["x"], ["y"], name="r2")], [vi("x")], [vi("y")]),
         expect=["'y' is already produced"], node="r2", op="Neg")
    case("output_overwrites_input", model([helper.make_node("Relu", ["x"], ["x"], name="r")], [vi("x")], [vi("x")]),
         expect=["'x' is already produced"], node="r", op="Relu")
    m = relu_model()
    m.graph.node[1].output[0] = "b"
    case("output_overwrites_initializer", m, expect=["'b' is already produced"], node="relu", op="Relu")
    m = relu_model()
    m.graph.output[0].name = "ghost"
    case("missing_graph_output", m, expect=["graph output 'ghost' is not produced"])
    m = relu_model()
    del m.graph.output[:]
    case("no_graph_outputs", m, expect=["graph has no outputs"])
    m = relu_model()
    m.graph.input[0].name = ""
    m.graph.node[0].input[0] = ""
    case("empty_input_name", m, expect=["graph input has an empty name"])
    m = relu_model()
    m.graph.node[1].op_type = ""
    case("empty_op_type", m, expect=["empty op_type"], node="relu", op="")
    case("too_few_inputs", model([helper.make_node("Add", ["x"], ["y"], name="half_add")], [vi("x")], [vi("y")]),
         expect=["input 1 is missing"], node="half_add", op="Add")
    case("too_many_outputs", model([helper.make_node("Relu", ["x"], ["y", "z"], name="two")], [vi("x")],
                                   [vi("y"), vi("z")]),
         expect=["the node has 2 outputs, the operator produces 1"], node="two", op="Relu")
    m = relu_model()
    m.graph.node[1].name = "line1\nline2\r\x1b[31mred"
    m.graph.node[1].op_type = "Evil\nOp"
    case("newline_in_names_of_bad_node", m, exit=2, expect=["line1\\nline2\\r\\x1b[31mred", "Evil\\nOp"],
         note="the one-line message must escape control characters")
    m = relu_model()
    m.graph.output[0].CopyFrom(vi("y", TensorProto.FLOAT, [1, 5]))
    case("declared_output_shape_wrong", m, expect=["declared float32[1x5] but computes float32[1x4]"])


# ---------------------------------------------------------------- types and shapes

def shape_cases():
    case("rank_mismatch_add", model([helper.make_node("Add", ["x", "w"], ["y"], name="badd")],
                                    [vi("x", shape=[2, 3])], [vi("y", shape=None)], [f32("w", [4, 5])]),
         expect=["broadcast"], node="badd", op="Add")
    case("conv_channel_mismatch", model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv", kernel_shape=[3, 3])],
                                        [vi("x", shape=[1, 3, 8, 8])], [vi("y", shape=None)], [f32("w", [4, 2, 3, 3])]),
         expect=["channel"], node="conv", op="Conv")
    case("conv_rank_mismatch", model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv")],
                                     [vi("x", shape=[1, 3, 8, 8])], [vi("y", shape=None)], [f32("w", [4, 3, 3])]),
         expect=["rank"], node="conv", op="Conv")
    case("conv_zero_stride", model([helper.make_node("Conv", ["x", "w"], ["y"], name="conv", strides=[0, 1])],
                                   [vi("x", shape=[1, 3, 8, 8])], [vi("y", shape=None)], [f32("w", [4, 3, 3, 3])]),
         expect=["stride"], node="conv", op="Conv")
    case("gemm_shape_conflict", model([helper.make_node("Gemm", ["x", "w"], ["y"], name="fc")],
                                      [vi("x", shape=[2, 3])], [vi("y", shape=None)], [f32("w", [4, 5])]),
         node="fc", op="Gemm")
    case("gemm_rank_3", model([helper.make_node("Gemm", ["x", "w"], ["y"], name="fc")],
                              [vi("x", shape=[1, 2, 3])], [vi("y", shape=None)], [f32("w", [3, 5])]),
         expect=["rank"], node="fc", op="Gemm")
    shape = numpy_helper.from_array(np.array([4, 2], dtype=np.int64), "shape")
    case("reshape_count_conflict", model([helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs")],
                                         [vi("x", shape=[2, 3])], [vi("y", shape=None)], [shape]),
         expect=["6"], node="rs", op="Reshape")
    shape = numpy_helper.from_array(np.array([-1, -1], dtype=np.int64), "shape")
    case("reshape_two_minus_one", model([helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs")],
                                        [vi("x", shape=[2, 3])], [vi("y", shape=None)], [shape]),
         expect=["-1"], node="rs", op="Reshape")
    shape = numpy_helper.from_array(np.array([1 << 31, 1 << 31, 1 << 31], dtype=np.int64), "shape")
    case("reshape_huge", model([helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs")],
                               [vi("x", shape=[2, 3])], [vi("y", shape=None)], [shape]),
         node="rs", op="Reshape")
    case("concat_conflict", model([helper.make_node("Concat", ["x", "w"], ["y"], name="cat", axis=0)],
                                  [vi("x", shape=[2, 3])], [vi("y", shape=None)], [f32("w", [2, 4])]),
         node="cat", op="Concat")
    case("concat_axis_out_of_range", model([helper.make_node("Concat", ["x", "w"], ["y"], name="cat", axis=7)],
                                           [vi("x", shape=[2, 3])], [vi("y", shape=None)], [f32("w", [2, 3])]),
         expect=["axis 7"], node="cat", op="Concat")
    case("matmul_conflict", model([helper.make_node("MatMul", ["x", "w"], ["y"], name="mm")],
                                  [vi("x", shape=[2, 3])], [vi("y", shape=None)], [f32("w", [4, 5])]),
         node="mm", op="MatMul")
    case("transpose_bad_perm", model([helper.make_node("Transpose", ["x"], ["y"], name="t", perm=[0, 0])],
                                     [vi("x", shape=[2, 3])], [vi("y", shape=None)]),
         expect=["perm"], node="t", op="Transpose")
    case("negative_input_dim", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=[1, -3])], [vi("y", shape=None)]),
         expect=["invalid or too large shape"])
    case("huge_input_dims", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=[1 << 40, 1 << 40])],
                                  [vi("y", shape=None)]),
         expect=["invalid or too large shape"])
    case("zero_dim_reshape", model([helper.make_node("Reshape", ["x", "shape"], ["y"], name="rs")],
                                   [vi("x", shape=[0, 4])], [vi("y", shape=None)],
                                   [numpy_helper.from_array(np.array([2, 2], dtype=np.int64), "shape")]),
         node="rs", op="Reshape", note="a zero-size input cannot become 4 elements")
    m = relu_model()
    t = m.graph.initializer[0]
    del t.dims[:]
    t.dims.extend([-1, -4])
    case("negative_initializer_dims", m, expect=["initializer 'b'", "negative dimension"])
    m = relu_model()
    t = m.graph.initializer[0]
    del t.dims[:]
    t.dims.extend([1 << 31, 1 << 31, 1 << 31])
    case("initializer_count_overflow", m, expect=["initializer 'b'", "more than"])
    m = relu_model()
    t = m.graph.initializer[0]
    t.data_type = TensorProto.DOUBLE
    del t.dims[:]
    t.dims.extend([1 << 61])
    t.raw_data = b""
    case("initializer_bytes_overflow", m, expect=["initializer 'b'", "more than"],
         note="2^61 float64 elements: the byte count overflows 64 bits")
    m = relu_model()
    m.graph.initializer[0].raw_data = B_BYTES[:-3]
    case("raw_data_short", m, expect=["raw_data holds 13 bytes", "needs 16"])
    m = relu_model()
    m.graph.initializer[0].raw_data = B_BYTES + b"\x00" * 4
    case("raw_data_long", m, expect=["raw_data holds 20 bytes", "needs 16"])
    m = relu_model()
    t = m.graph.initializer[0]
    t.ClearField("raw_data")
    t.float_data.extend([1.0, 2.0, 3.0])
    case("float_data_short", m, expect=["float_data holds 3 values", "needs 4"])
    m = relu_model()
    t = m.graph.initializer[0]
    t.ClearField("raw_data")
    case("no_tensor_data", m, expect=["float_data holds 0 values"])
    m = relu_model()
    m.graph.initializer[0].data_type = TensorProto.STRING
    case("string_initializer", m, expect=["STRING", "not supported"])
    m = relu_model()
    m.graph.initializer[0].data_type = 99
    case("unknown_dtype_code", m, expect=["data type 99"])
    case("string_input", model([helper.make_node("Identity", ["x"], ["y"])], [vi("x", TensorProto.STRING, [2])],
                               [vi("y", TensorProto.STRING, [2])]),
         expect=["graph input 'x'", "STRING"])
    shape = numpy_helper.from_array(np.array([1 << 20, 1 << 20], dtype=np.int64), "shape")
    case("constant_of_shape_huge", model([helper.make_node("ConstantOfShape", ["shape"], ["y"], name="cos")],
                                         [], [vi("y", shape=None)], [shape]),
         expect=["too large"], node="cos", op="ConstantOfShape")
    idx = numpy_helper.from_array(np.array([7], dtype=np.int64), "idx")
    case("gather_index_out_of_range", model([helper.make_node("Gather", ["w", "idx"], ["y"], name="ga", axis=0)],
                                            [], [vi("y", shape=None)], [f32("w", [3, 2]), idx]),
         node="ga", op="Gather", note="a constant, folded Gather with an out-of-range index")


# ---------------------------------------------------------------- external data

def external_cases():
    secret = b"SECRET" * 10 + B_BYTES  # any file outside the model's folder
    os.makedirs(CASES, exist_ok=True)
    with open(os.path.join(CASES, "secret.bin"), "wb") as f:
        f.write(b"\x00" * 16)
    case("external_dotdot", ext_model("../secret.bin"), expect=["external data", "escapes the model's folder"])
    case("external_dotdot_nested", ext_model("sub/../../secret.bin"), files={"sub/keep.bin": B_BYTES},
         expect=["external data", "escapes the model's folder"])
    case("external_absolute", ext_model("/etc/passwd"), expect=["external data", "absolute"])
    case("external_windows_drive", ext_model("C:\\Windows\\win.ini"), expect=["external data", "absolute"])
    case("external_backslash_dotdot", ext_model("..\\secret.bin"), expect=["external data", "escapes"])
    case("external_symlink_file", ext_model("link.bin"), expect=["external data", "outside the model's folder"],
         setup=[{"symlink": "link.bin", "to": "../secret.bin"}])
    case("external_symlink_absolute", ext_model("link.bin"), expect=["external data", "outside the model's folder"],
         setup=[{"symlink": "link.bin", "to": "/etc/hostname"}])
    case("external_symlink_dir", ext_model("up/secret.bin"), expect=["external data", "outside the model's folder"],
         setup=[{"symlink": "up", "to": ".."}])
    case("external_fifo", ext_model("w.bin"), expect=["external data file 'w.bin' is not a regular file"],
         setup=[{"fifo": "w.bin"}])
    case("external_huge_length", ext_model("w.bin", length=1 << 62), files={"w.bin": B_BYTES},
         expect=["external data range offset 0 length 4611686018427387904 is outside"])
    case("external_missing", ext_model("missing.bin"), expect=["external data", "does not exist"])
    case("external_is_directory", ext_model("sub"), files={"sub/x.bin": B_BYTES},
         expect=["external data file 'sub' is not a regular file"])
    case("external_no_location", ext_model(""), expect=["external data has no location"])
    case("external_offset_past_end", ext_model("w.bin", offset=1000), files={"w.bin": B_BYTES},
         expect=["external data offset 1000 is past the end of 'w.bin' (16 bytes)"])
    case("external_length_past_end", ext_model("w.bin", offset=8, length=16), files={"w.bin": B_BYTES},
         expect=["external data range offset 8 length 16"])
    case("external_bad_offset", ext_model("w.bin", offset="12abc"), files={"w.bin": B_BYTES},
         expect=["offset '12abc' is not a non-negative integer"])
    case("external_negative_length", ext_model("w.bin", length=-4), files={"w.bin": B_BYTES},
         expect=["length '-4' is not a non-negative integer"])
    case("external_short_file", ext_model("w.bin"), files={"w.bin": B_BYTES[:12]},
         expect=["external data holds 12 bytes, the tensor needs 16"])
    case("external_nul_in_location", ext_model("w.bin\x00../../etc/passwd"), files={"w.bin": B_BYTES},
         expect=["external data"])


# ---------------------------------------------------------------- operators, opsets, attributes

def op_cases():
    case("unknown_op", model([helper.make_node("FrobnicateTensor", ["x"], ["y"], name="weird")], [vi("x")], [vi("y")]),
         expect=["not supported"], node="weird", op="FrobnicateTensor")
    case("unknown_domain", model([helper.make_node("Relu", ["x"], ["y"], name="r", domain="com.evil")], [vi("x")],
                                 [vi("y")], extra_opsets=[("com.evil", 1)]),
         expect=["domain 'com.evil'", "not supported"], node="r", op="com.evil::Relu")
    case("opset_too_new", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x")], [vi("y")], opset=99),
         expect=["ai.onnx opset 99 is not supported"])
    case("opset_zero", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x")], [vi("y")], opset=0),
         expect=["ai.onnx opset 0 is not supported"])
    case("opset_huge", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x")], [vi("y")], opset=(1 << 63) - 1),
         expect=["is not supported"])
    n = helper.make_node("Conv", ["x", "w"], ["y"], name="conv")
    n.attribute.append(helper.make_attribute("strides", 1.5))
    case("attribute_wrong_type", model([n], [vi("x", shape=[1, 3, 8, 8])], [vi("y", shape=None)], [f32("w", [4, 3, 3, 3])]),
         expect=["attribute 'strides' must be INTS", "FLOAT"], node="conv", op="Conv")
    n = helper.make_node("Transpose", ["x"], ["y"], name="t")
    n.attribute.append(helper.make_attribute("perm", "0,1"))
    case("attribute_string_for_ints", model([n], [vi("x", shape=[2, 3])], [vi("y", shape=None)]),
         expect=["attribute 'perm' must be INTS", "STRING"], node="t", op="Transpose")
    n = helper.make_node("Softmax", ["x"], ["y"], name="sm", axis=1)
    n.attribute.append(helper.make_attribute("axis", 0))
    case("attribute_twice", model([n], [vi("x")], [vi("y")]),
         expect=["attribute 'axis' is given twice"], node="sm", op="Softmax")
    n = helper.make_node("Relu", ["x"], ["y"], name="r")
    a = n.attribute.add()
    a.name = "mystery"
    case("attribute_without_value", model([n], [vi("x")], [vi("y")]),
         expect=["attribute 'mystery' has no type and no value"], node="r", op="Relu")
    n = helper.make_node("Concat", ["x", "x"], ["y"], name="cat")
    n.attribute.append(helper.make_attribute("axis", 1 << 62))
    case("attribute_huge_axis", model([n], [vi("x")], [vi("y", shape=None)]),
         expect=["axis"], node="cat", op="Concat")
    split = numpy_helper.from_array(np.array([3, 3], dtype=np.int64), "split")
    case("split_sizes_conflict", model([helper.make_node("Split", ["x", "split"], ["a", "b"], name="sp", axis=1)],
                                       [vi("x")], [vi("a", shape=None), vi("b", shape=None)], [split]),
         node="sp", op="Split")
    ints = lambda name, v: numpy_helper.from_array(np.array(v, dtype=np.int64), name)
    # Found by the structured fuzzer: Clip-6 with integer input and (invalid) bound inputs trapped in folding;
    # Compress with an axis on a scalar indexed an empty shape.
    case("clip6_int64_with_bound_inputs", model([helper.make_node("Clip", ["c", "lo", "hi"], ["y"], name="clip")],
                                                [], [vi("y", TensorProto.INT64, None)],
                                                [ints("c", [1, 5, 9]), ints("lo", []), ints("hi", [])], opset=6),
         expect=["float types"], node="clip", op="Clip")
    case("compress_scalar_with_axis", model([helper.make_node("Compress", ["x", "cond"], ["y"], name="cmp", axis=0)],
                                            [vi("x", shape=[])], [vi("y", shape=None)],
                                            [numpy_helper.from_array(np.array([True]), "cond")]),
         expect=["rank >= 1"], node="cmp", op="Compress")
    # Found by a 1,000,000-run structured fuzz: Tile-1 (tiles, axis) on a scalar wrote past an empty repeats list.
    case("tile1_scalar_input", model([helper.make_node("Tile", ["x", "t", "a"], ["y"], name="tl")],
                                     [vi("x", shape=[])], [vi("y", shape=None)], [ints("t", 2), ints("a", 0)], opset=5),
         expect=["rank 1 or more"], node="tl", op="Tile")
    case("slice_zero_step", model([helper.make_node("Slice", ["x", "st", "en", "ax", "sp"], ["y"], name="sl")],
                                  [vi("x")], [vi("y", shape=None)],
                                  [ints("st", [0]), ints("en", [4]), ints("ax", [1]), ints("sp", [0])]),
         expect=["step"], node="sl", op="Slice")


# ---------------------------------------------------------------- inputs and command line

def input_cases():
    case("symbolic_dim", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=["N", 4])], [vi("y", shape=None)]),
         expect=["symbolic dim 0 'N'", "--input-shape x="])
    m = model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=[1, 4])], [vi("y", shape=None)])
    m.graph.input[0].type.tensor_type.shape.dim[1].Clear()
    case("unknown_dim", m, expect=["unknown dim 1"])
    case("input_without_shape", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=None)],
                                      [vi("y", shape=None)]),
         expect=["has no shape"])
    case("input_shape_wrong_rank", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=["N", 4])],
                                         [vi("y", shape=None)]),
         args=["--input-shape", "x=2x4x5"], expect=["has rank 3, the model declares rank 2"])
    case("input_shape_conflicts_fixed_dim", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=["N", 4])],
                                                  [vi("y", shape=None)]),
         args=["--input-shape", "x=2x5"], expect=["sets dim 1 to 5, the model fixes it to 4"])
    case("input_shape_unknown_input", relu_model(), args=["--input-shape", "nope=1x4"],
         expect=["'nope', which is not a graph input"])
    case("input_shape_huge", model([helper.make_node("Relu", ["x"], ["y"])], [vi("x", shape=["N", 4])],
                                   [vi("y", shape=None)]),
         args=["--input-shape", "x=99999999999x4"], expect=["invalid or too large shape"])


# ---------------------------------------------------------------- resource limits

def limit_cases():
    # Tiny models with gigabyte-sized results: refused by the RAM limit in well under a second, without the
    # compiler folding them or building index tables of that size first.
    giga = [16384, 16384]
    ints = lambda name, v: numpy_helper.from_array(np.array(v, dtype=np.int64), name)
    scalar = lambda name, v: numpy_helper.from_array(np.array(v, dtype=np.float32), name)
    blowups = {
        "blowup_constant_of_shape": ([helper.make_node("ConstantOfShape", ["s"], ["y"], name="cos",
                                                       value=helper.make_tensor("v", TensorProto.FLOAT, [1], [1.0]))],
                                     [ints("s", giga)]),
        "blowup_range": ([helper.make_node("Range", ["a", "b", "c"], ["y"], name="range")],
                         [scalar("a", 0), scalar("b", 1 << 28), scalar("c", 1)]),
        "blowup_expand": ([helper.make_node("Expand", ["w", "s"], ["y"], name="expand")],
                          [f32("w", [1]), ints("s", giga)]),
        "blowup_tile": ([helper.make_node("Tile", ["w", "s"], ["y"], name="tile")], [f32("w", [1, 1]), ints("s", giga)]),
    }
    for name, (nodes, inits) in blowups.items():
        case(name, model(nodes, [], [vi("y", shape=None)], inits), args=["--target", "cortex-m4"],
             expect=["needs 1073741824 bytes of RAM", "cortex-m4"], node=nodes[0].name, op=nodes[0].op_type,
             max_seconds=20)
    # The same at run time (input x is not constant), and an empty result with a giant dim.
    case("blowup_expand_runtime", model([helper.make_node("Expand", ["x", "s"], ["y"], name="expand")],
                                        [vi("x", shape=[1])], [vi("y", shape=None)], [ints("s", [1 << 28])]),
         args=["--target", "cortex-m4"], expect=["needs 1073741824 bytes of RAM"], node="expand", op="Expand",
         max_seconds=20)
    case("empty_tensor_giant_dim", model([helper.make_node("Expand", ["x", "s"], ["y"], name="expand")],
                                         [vi("x", shape=[1])], [vi("y", shape=None)], [ints("s", [0, 1 << 28])]),
         expect=["no elements, but a dim of 268435456"], node="expand", op="Expand", max_seconds=20)

    big = model([helper.make_node("Add", ["x", "w"], ["y"], name="add")], [vi("x", shape=[64, 64])],
                [vi("y", shape=[64, 64])], [f32("w", [64, 64])])
    case("over_max_ram", big, args=["--max-ram", "20000"], expect=["the arena needs 32768 bytes", "20000"])
    case("tensor_over_max_ram", big, args=["--max-ram", "4096"], expect=["output 'y' (float32[64x64]) needs 16384 bytes"],
         node="add", op="Add")
    case("over_max_flash", big, args=["--max-flash", "1024"], expect=["weights need 16384 bytes", "1024"])
    # A 1 MiB activation: fine on the host, far more than a Cortex-M3 board's RAM.
    act = model([helper.make_node("Relu", ["x"], ["y"], name="r")], [vi("x", shape=[1, 512, 32, 32])],
                [vi("y", shape=None)])
    case("over_target_ram", act, args=["--target", "cortex-m3"], expect=["arena needs", "cortex-m3"])


# ---------------------------------------------------------------- valid models, hostile names

def names_cases():
    """Valid models whose names attack the C emitter; outputs from onnxruntime."""
    import onnxruntime as ort
    specs = {
        "comment_terminators": ["*/ int evil; /*", "/* open", "// line\\", "??/", "end\\"],
        "newlines_and_preprocessor": ["a\nb", "#include <stdio.h>", "\n#define model_invoke exit\n", "x\r\n#pragma once"],
        "c_keywords": ["int", "return", "static", "main", "NULL", "model_invoke", "model_w", "model_w_int", "_Bool"],
        "unicode": ["вес", "重み", "poids\u200b", "\u202eevil", "\U0001F525", "naïve"],
        "collisions": ["a-b", "a.b", "a b", "a_b", "a__b", "a/b", "A_B", "a_b_2"],
        "very_long": ["w" * 5000, "w" * 4999 + "x", "q" * 47 + "_", "q" * 48, "q" * 49],
    }
    for cname, names in specs.items():
        # x -> (+ w0) -> (* w1) -> ... -> Relu -> y; one initializer per hostile name, nodes named alike too.
        x_name = names[0] + "_in"
        y_name = names[-1] + "_out"
        cur = x_name
        nodes, inits = [], []
        rng = np.random.default_rng(len(cname))
        for k, nm in enumerate(names):
            inits.append(numpy_helper.from_array(rng.standard_normal([4]).astype(np.float32), nm))
            out = f"{nm}#{k}" if k + 1 < len(names) else "pre_" + y_name
            nodes.append(helper.make_node("Add" if k % 2 == 0 else "Mul", [cur, nm], [out], name=nm + " node"))
            cur = out
        nodes.append(helper.make_node("Relu", [cur], [y_name], name=names[0]))
        # A second output that is a constant (copied into the arena at run time) with a hostile name too.
        nodes.append(helper.make_node("Identity", [names[1]], [names[1] + "*/const"], name="*/"))
        m = model(nodes, [vi(x_name, shape=[2, 4])], [vi(y_name, shape=[2, 4]), vi(names[1] + "*/const", shape=[4])], inits)
        onnx.checker.check_model(m, full_check=True)
        d = os.path.join(NAMES, cname)
        ds = os.path.join(d, "test_data_set_0")
        os.makedirs(ds)
        with open(os.path.join(d, "model.onnx"), "wb") as f:
            f.write(m.SerializeToString())
        so = ort.SessionOptions()
        so.intra_op_num_threads = 1
        so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
        sess = ort.InferenceSession(m.SerializeToString(), so, providers=["CPUExecutionProvider"])
        xv = np.random.default_rng(7).standard_normal([2, 4]).astype(np.float32)
        outs = sess.run(None, {x_name: xv})
        with open(os.path.join(ds, "input_0.pb"), "wb") as f:
            f.write(numpy_helper.from_array(xv, x_name).SerializeToString())
        for i, (o, ov) in enumerate(zip(m.graph.output, outs)):
            with open(os.path.join(ds, f"output_{i}.pb"), "wb") as f:
                f.write(numpy_helper.from_array(ov, o.name).SerializeToString())


def main():
    for d in (CASES, NAMES):
        shutil.rmtree(d, ignore_errors=True)
    os.makedirs(CASES)
    file_cases()
    graph_cases()
    shape_cases()
    external_cases()
    op_cases()
    input_cases()
    limit_cases()
    names_cases()
    with open(os.path.join(HERE, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(manifest)} hostile cases in {CASES}, {len(os.listdir(NAMES))} hostile-name models in {NAMES}")


if __name__ == "__main__":
    sys.exit(main())
