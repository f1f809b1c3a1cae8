#!/usr/bin/env python3
"""Generates quantized (int8 / uint8 / 16x8) QDQ test models with onnxruntime's static quantizer, as `kiln test` cases.

    python3 Tests/models/make_int8_models.py OUT [--only NAME ...] [--list] [--data-sets N]

Each model starts as a float32 ONNX model written with onnx.helper + seeded numpy weights (the builders of
make_models.py, plus a DS-CNN keyword spotter and an MLP autoencoder here), goes through onnxruntime's
`quant_pre_process` (shape inference, Conv+BatchNormalization fusion) and `quantize_static` (QDQ format,
per-channel weights (`*_qop` cases: QOperator format, i.e. QLinearConv and the com.microsoft QLinear* operators),
MinMax calibration on 64 samples from the model's input distribution, no range reduction).
Like TFLite int8 models, the quantized model then takes and returns integers: the input QuantizeLinear and the
output DequantizeLinear are removed (`io_float` cases keep them). Case layout: OUT/<name>/model.onnx +
test_data_set_<k>/{input,output}_<i>.pb, inputs drawn from the same distribution as the calibration data and
quantized with the model's input parameters, outputs from onnxruntime 1.32 with its default session options (graph
optimizations on, which fuse the QDQ groups into integer kernels; 1 thread). `compare_int8.py` also compares with
onnxruntime without graph optimizations (float arithmetic between DequantizeLinear and QuantizeLinear).

With $KILN_MODELS (default ../shared/models/mlperf-tiny from the repository root) present, also writes
`mlperf_<model>_int8` cases for the four MLPerf Tiny int8 models (model.onnx is a symbolic link, never a copy;
inputs np.random.default_rng(k).integers(-128, 128) as int8 for k < --mlperf-data-sets, default 3: the seeds of
MODELS.md's check and of the float cases).

Deterministic for a given onnxruntime version.
"""
import argparse
import os
import shutil
import sys
import tempfile

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import make_models  # noqa: E402
from modelkit import Builder, calibrate_batchnorm, file_sha256, ort_session  # noqa: E402

DATA_SETS = 16
CALIBRATION_SAMPLES = 64
MLPERF = ["kws_dscnn", "vww_mobilenet", "ic_resnet8", "ad_autoencoder"]


# ================================================================ float models defined here

def kws_dscnn(b):
    """DS-CNN keyword spotting (MLPerf Tiny KWS architecture) in NCHW: MFCC [1,1,49,10] -> Conv 10x4 s2 (64) ->
    4 x (depthwise 3x3 + Relu, pointwise 1x1 + Relu) -> AveragePool 25x5 -> Flatten -> Gemm 64->12 -> Softmax."""
    b.opset = 13
    x = b.input("input", [1, 1, 49, 10])
    w = b.he((64, 1, 10, 4), 40)
    y = b.op("Conv", [x, b.init("conv1.weight", w), b.init("conv1.bias", b.small((64,)))], "/conv1",
             kernel_shape=[10, 4], strides=[2, 2], pads=[4, 1, 5, 1])
    y = b.relu(y, "relu1")                                                                          # [1,64,25,5]
    for i in range(4):
        y = b.relu(b.conv(y, 64, 64, 3, f"block{i}.dw", group=64), f"block{i}.dw_relu")
        y = b.relu(b.conv(y, 64, 64, 1, f"block{i}.pw"), f"block{i}.pw_relu")
    y = b.op("AveragePool", [y], "/pool", kernel_shape=[25, 5], strides=[25, 5])                   # [1,64,1,1]
    y = b.op("Flatten", [y], "/flatten", axis=1)
    y = b.gemm(y, 64, 12, "fc")
    b.op("Softmax", [y], "/Softmax", outputs=["probabilities"], axis=1)
    b.output("probabilities", [1, 12])
    return {"input": make_models.normal([1, 1, 49, 10])}


def mlp_autoencoder(b):
    """MLPerf Tiny AD-style autoencoder without BatchNormalization, as exported from PyTorch for N-D input:
    MatMul + Add bias (+ Relu): 640 -> 128 -> 128 -> 8 -> 128 -> 128 -> 640."""
    b.opset = 13
    x = b.input("input", [1, 640])
    dims = [640, 128, 128, 8, 128, 128, 640]
    y = x
    for i in range(len(dims) - 1):
        y = b.linear(y, dims[i], dims[i + 1], f"dense{i}")
        if i < len(dims) - 2:
            y = b.relu(y, f"relu{i}")
    b.nodes[-1].output[0] = "reconstruction"
    b.output("reconstruction", [1, 640])
    return {"input": make_models.normal([1, 640])}


def mixed_cnn(b):
    """Operators beyond the classic CNNs, for the QDQ forms and onnxruntime's QOperator format (QLinearConv,
    com.microsoft QLinearAdd/Mul/Sigmoid/LeakyRelu/AveragePool/GlobalAveragePool/Concat, QLinearMatMul):
    Conv + LeakyRelu, MaxPool, depthwise + Relu, pointwise, residual Add, a Sigmoid gate (Mul of two activations),
    AveragePool 3x3 s2 pad 1 (count_include_pad 0), a strided Conv branch, Concat, GlobalAveragePool, Flatten,
    MatMul + Add."""
    b.opset = 13
    x = b.input("input", [1, 3, 32, 32])
    y = b.op("LeakyRelu", [b.conv(x, 3, 16, 3, "stem")], "/stem", alpha=0.1)                      # [1,16,32,32]
    p = b.op("MaxPool", [y], "/pool", kernel_shape=[2, 2], strides=[2, 2])                        # [1,16,16,16]
    y = b.relu(b.conv(p, 16, 16, 3, "dw", group=16), "dw_relu")
    y = b.conv(y, 16, 16, 1, "pw")
    y = b.op("Add", [y, p], "/residual")
    gate = b.op("Sigmoid", [b.conv(y, 16, 16, 1, "gate")], "/gate")
    y = b.op("Mul", [y, gate], "/gated")
    a = b.op("AveragePool", [y], "/avg", kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1])   # [1,16,8,8]
    c = b.relu(b.conv(y, 16, 8, 3, "branch", stride=2), "branch_relu")                            # [1,8,8,8]
    y = b.op("Concat", [a, c], "/concat", axis=1)                                                  # [1,24,8,8]
    y = b.op("GlobalAveragePool", [y], "/gap")
    y = b.op("Flatten", [y], "/flatten", axis=1)
    y = b.linear(y, 24, 10, "fc")
    b.nodes[-1].output[0] = "logits"
    b.output("logits", [1, 10])
    return {"input": make_models.normal([1, 3, 32, 32])}


def from_make_models(name):
    fn, _ = make_models.MODELS[name]
    return fn


# name: (builder, seed, activation type, options)
CASES = {
    "kws_dscnn_s8": (kws_dscnn, 201, "QInt8", {}),
    "kws_dscnn_16x8": (kws_dscnn, 201, "QInt16", {}),
    "mobilenetv2_s8": (from_make_models("mobilenetv2_block"), 101, "QInt8", {}),
    "mobilenetv2_u8": (from_make_models("mobilenetv2_block"), 101, "QUInt8", {}),
    "resnet_s8": (from_make_models("resnet_block"), 102, "QInt8", {}),
    "mlp_autoencoder_s8": (mlp_autoencoder, 206, "QInt8", {"optimize": False}),
    "unet_s8": (from_make_models("unet_nearest"), 107, "QInt8", {}),
    "audio_conv1d_s8": (from_make_models("audio_conv1d"), 109, "QInt8", {}),
    "imu_mlp_s8_io_float": (from_make_models("imu_mlp"), 110, "QInt8", {"io_float": True}),
    "mixed_cnn_s8": (mixed_cnn, 211, "QInt8", {"optimize": False}),
    "mixed_cnn_s8_qop": (mixed_cnn, 211, "QInt8", {"optimize": False, "format": "QOperator"}),
    "mixed_cnn_u8_qop": (mixed_cnn, 211, "QUInt8", {"optimize": False, "format": "QOperator"}),
}


# ================================================================ quantization

class Reader:
    """onnxruntime CalibrationDataReader over a list of feed dicts."""

    def __init__(self, feeds):
        self.feeds = list(feeds)
        self.i = 0

    def get_next(self):
        if self.i >= len(self.feeds):
            return None
        self.i += 1
        return self.feeds[self.i - 1]

    def rewind(self):
        self.i = 0


def quantize(model, calib, activation, tmp, optimize=True, fmt="QDQ"):
    from onnxruntime.quantization import CalibrationMethod, QuantFormat, QuantType, quantize_static
    from onnxruntime.quantization.shape_inference import quant_pre_process
    f32 = os.path.join(tmp, "f32.onnx")
    pre = os.path.join(tmp, "pre.onnx")
    out = os.path.join(tmp, "q.onnx")
    onnx.save(model, f32)
    quant_pre_process(f32, pre, skip_symbolic_shape=True, skip_optimization=not optimize)
    quantize_static(pre, out, Reader(calib), quant_format=getattr(QuantFormat, fmt), per_channel=True, reduce_range=False,
                    activation_type=getattr(QuantType, activation), weight_type=QuantType.QInt8,
                    calibrate_method=CalibrationMethod.MinMax)
    return onnx.load(out)


def strip_io(model):
    """Makes the quantized model take and return integers: the input QuantizeLinear and output DequantizeLinear go.
    Returns the model and, per input, the (scale, zero point, dtype) to quantize float data with."""
    g = model.graph
    consts = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    input_q = {}
    for inp in list(g.input):
        qs = [n for n in g.node if n.op_type == "QuantizeLinear" and n.input[0] == inp.name]
        if len(qs) != 1 or any(inp.name in n.input for n in g.node if n is not qs[0]):
            continue
        q = qs[0]
        scale = consts[q.input[1]]
        zp = consts[q.input[2]]
        for n in g.node:
            for i, v in enumerate(n.input):
                if v == q.output[0]:
                    n.input[i] = inp.name
        g.node.remove(q)
        inp.type.tensor_type.elem_type = helper.np_dtype_to_tensor_dtype(zp.dtype)
        input_q[inp.name] = (float(scale), int(zp), zp.dtype)
    for out in g.output:
        dqs = [n for n in g.node if n.op_type == "DequantizeLinear" and n.output[0] == out.name]
        if len(dqs) != 1:
            continue
        dq = dqs[0]
        src = dq.input[0]
        zp = consts[dq.input[2]]
        for n in g.node:
            for i, v in enumerate(n.output):
                if v == src:
                    n.output[i] = out.name
            for i, v in enumerate(n.input):
                if v == src:
                    n.input[i] = out.name
        g.node.remove(dq)
        out.type.tensor_type.elem_type = helper.np_dtype_to_tensor_dtype(zp.dtype)
    del g.value_info[:]
    return model, input_q


def quantize_input(x, q):
    scale, zp, dtype = q
    info = np.iinfo(dtype)
    return np.clip(np.rint(x / np.float32(scale)) + zp, info.min, info.max).astype(dtype)


def write_tensor(array, name, path):
    with open(path, "wb") as f:
        f.write(numpy_helper.from_array(np.ascontiguousarray(array), name).SerializeToString())


def write_case(out_dir, name, model, datasets, model_source=None):
    case = os.path.join(out_dir, name)
    if os.path.isdir(case):
        shutil.rmtree(case)
    os.makedirs(case)
    path = os.path.join(case, "model.onnx")
    if model_source:
        os.symlink(os.path.abspath(model_source), path)
    else:
        onnx.checker.check_model(model, full_check=True)
        onnx.save(model, path)
    sess = ort_session(model if model_source is None else model_source, optimized=True)
    in_names = [i.name for i in sess.get_inputs()]
    out_names = [o.name for o in sess.get_outputs()]
    for k, feeds in enumerate(datasets):
        outs = sess.run(None, feeds)
        ds = os.path.join(case, f"test_data_set_{k}")
        os.makedirs(ds)
        for i, n in enumerate(in_names):
            write_tensor(feeds[n], n, os.path.join(ds, f"input_{i}.pb"))
        for i, (n, v) in enumerate(zip(out_names, outs)):
            write_tensor(v, n, os.path.join(ds, f"output_{i}.pb"))


def build_case(name, data_sets):
    fn, seed, activation, opts = CASES[name]
    b = Builder(name, 13, seed)
    gens = fn(b)
    m = b.model(doc=(fn.__doc__ or "").strip())
    rng = np.random.default_rng(seed + 1000)
    if any(n.op_type == "BatchNormalization" for n in m.graph.node):
        probe = [{k: g(rng) for k, g in gens.items()} for _ in range(8)]
        m = calibrate_batchnorm(m, probe, np.random.default_rng(seed + 2000))
    if activation == "QInt16":   # int16 QuantizeLinear/DequantizeLinear are standard ops from opset 21
        m = onnx.version_converter.convert_version(m, 21)
        m.ir_version = 10
    calib = [{k: g(rng) for k, g in gens.items()} for _ in range(CALIBRATION_SAMPLES)]
    floats = [{k: g(rng) for k, g in gens.items()} for _ in range(data_sets)]
    with tempfile.TemporaryDirectory() as tmp:
        q = quantize(m, calib, activation, tmp, optimize=opts.get("optimize", True), fmt=opts.get("format", "QDQ"))
    q.graph.name = name
    q.producer_name = "kiln-tests-int8-models"
    if opts.get("io_float"):
        return q, floats
    q, input_q = strip_io(q)
    datasets = [{k: quantize_input(v, input_q[k]) if k in input_q else v for k, v in f.items()} for f in floats]
    return q, datasets


def models_dir():
    return os.environ.get("KILN_MODELS") or os.path.normpath(os.path.join(ROOT, "..", "shared", "models", "mlperf-tiny"))


def write_mlperf(out_dir, data_sets):
    src = models_dir()
    if not os.path.isdir(src):
        print(f"skipping MLPerf Tiny models: KILN_MODELS={src} not found")
        return 0
    n = 0
    for m in MLPERF:
        path = os.path.join(src, f"{m}_int8.onnx")
        if not os.path.isfile(path):
            print(f"skipping {m}: {path} not found")
            continue
        model = onnx.load(path)
        inits = {t.name for t in model.graph.initializer}
        inp = next(i for i in model.graph.input if i.name not in inits)
        shape = [d.dim_value for d in inp.type.tensor_type.shape.dim]
        datasets = [{inp.name: np.random.default_rng(k).integers(-128, 128, shape).astype(np.int8)} for k in range(data_sets)]
        case = f"mlperf_{m}_int8"
        write_case(out_dir, case, model, datasets, model_source=path)
        with open(os.path.join(out_dir, case, "SOURCE.txt"), "w") as fh:
            fh.write(f"{os.path.abspath(path)}\nsha256 {file_sha256(path)}\n"
                     f"input {inp.name} {shape}: np.random.default_rng(k).integers(-128, 128) as int8\n")
        print(f"{case}: {data_sets} data sets")
        n += 1
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="?", help="output folder (one sub-folder per case)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="generate only these cases (mlperf for the MLPerf ones)")
    ap.add_argument("--list", action="store_true", help="list the case names and exit")
    ap.add_argument("--data-sets", type=int, default=DATA_SETS, help=f"data sets per case (default {DATA_SETS})")
    ap.add_argument("--mlperf-data-sets", type=int, default=3, help="data sets per MLPerf Tiny case (default 3)")
    args = ap.parse_args()
    names = args.only or list(CASES) + ["mlperf"]
    unknown = [n for n in names if n not in CASES and n != "mlperf"]
    if unknown:
        ap.error(f"unknown case(s): {', '.join(unknown)}; available: {', '.join(CASES)}, mlperf")
    if args.list:
        print("\n".join(names))
        return 0
    if not args.out:
        ap.error("the output folder is required")
    os.makedirs(args.out, exist_ok=True)
    for n in names:
        if n == "mlperf":
            write_mlperf(args.out, args.mlperf_data_sets)
            continue
        q, datasets = build_case(n, args.data_sets)
        write_case(args.out, n, q, datasets)
        from collections import Counter
        ops = Counter(x.op_type for x in q.graph.node)
        print(f"{n}: {len(q.graph.node)} nodes ({', '.join(f'{k} {v}' for k, v in sorted(ops.items()))}), "
              f"{len(datasets)} data sets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
