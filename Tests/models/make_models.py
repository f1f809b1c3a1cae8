#!/usr/bin/env python3
"""Generates realistic float32 test models (the kinds firmware teams ship) as `kiln test` cases.

    python3 Tests/models/make_models.py OUT [--only NAME ...] [--list] [--markdown] [--no-reference]

Each model is built with onnx.helper and seeded numpy weights (He / Glorot scaled; BatchNormalization statistics
measured on sample inputs, then perturbed), checked with onnx.checker (full_check) and run with onnxruntime
(1 thread, ORT_DISABLE_ALL) to produce the expected outputs of 3 data sets: OUT/<name>/model.onnx and
OUT/<name>/test_data_set_<k>/{input,output}_<i>.pb. Before writing, every data set is also run with onnxruntime's
graph optimizations on (must agree within rtol 1e-3 / atol 1e-4, else the model is numerically fragile and the
script fails) and with onnx.reference (differences are reported as warnings). Deterministic: regenerating gives
identical files. See Tests/models/README.md for what each model contains.
"""
import argparse
import os
import sys

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np
from onnx import TensorProto

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from modelkit import Builder, calibrate_batchnorm, describe, write_case  # noqa: E402

DATA_SETS = 3
CALIBRATION_SAMPLES = 8
MODELS = {}


def model(name, seed):
    """Registers a builder `fn(b) -> input_generators` under `name`; `b` is a Builder seeded with `seed`."""
    def wrap(fn):
        MODELS[name] = (fn, seed)
        return fn
    return wrap


def normal(shape, mean=0.0, std=1.0):
    return lambda rng: (mean + std * rng.standard_normal(shape)).astype(np.float32)


def uniform(shape, lo, hi):
    return lambda rng: rng.uniform(lo, hi, shape).astype(np.float32)


# ================================================================ models

@model("mobilenetv2_block", seed=101)
def mobilenetv2_block(b):
    """MobileNetV2-like: inverted residual blocks (1x1 expand, 3x3 depthwise, 1x1 linear projection), Clip(0,6),
    residual Adds, a two-branch Concat, GlobalAveragePool, Flatten, Gemm. BatchNorm folded into Conv (as exported)."""
    b.opset = 13
    x = b.input("input", [1, 3, 32, 32])
    y = b.clip6(b.conv(x, 3, 16, 3, "features.0.conv", stride=2), "features.0.act")           # [1,16,16,16]

    def inverted_residual(x, cin, cout, expand, stride, scope):
        hidden = cin * expand
        y = x
        if expand != 1:
            y = b.clip6(b.conv(y, cin, hidden, 1, f"{scope}.expand"), f"{scope}.expand_act")
        y = b.clip6(b.conv(y, hidden, hidden, 3, f"{scope}.dw", stride=stride, group=hidden), f"{scope}.dw_act")
        y = b.conv(y, hidden, cout, 1, f"{scope}.project")
        if stride == 1 and cin == cout:
            y = b.op("Add", [x, y], f"/{scope}")
        return y

    y = inverted_residual(y, 16, 16, 1, 1, "features.1")                                          # [1,16,16,16]
    y = inverted_residual(y, 16, 24, 4, 2, "features.2")                                          # [1,24,8,8]
    y = inverted_residual(y, 24, 24, 4, 1, "features.3")                                          # [1,24,8,8]
    a = b.clip6(b.conv(y, 24, 16, 1, "mix.a"), "mix.a_act")
    c = b.clip6(b.conv(y, 24, 24, 5, "mix.b_dw", group=24), "mix.b_dw_act")
    c = b.clip6(b.conv(c, 24, 16, 1, "mix.b_pw"), "mix.b_pw_act")
    y = b.op("Concat", [a, c], "/mix", axis=1)                                                     # [1,32,8,8]
    y = b.clip6(b.conv(y, 32, 64, 1, "head.conv"), "head.act")
    y = b.op("GlobalAveragePool", [y], "/pool")
    y = b.op("Flatten", [y], "/flatten", axis=1)
    y = b.op("Gemm", [y, b.init("classifier.weight", b.glorot((10, 64), 64, 10)),
                      b.init("classifier.bias", b.small((10,)))], "/classifier", outputs=["logits"], transB=1)
    b.output("logits", [1, 10])
    return {"input": normal([1, 3, 32, 32])}


@model("resnet_block", seed=102)
def resnet_block(b):
    """ResNet-style: stem Conv+BN+Relu, a basic block with identity shortcut, a stride-2 basic block with a 1x1
    Conv+BN projection shortcut; unfused BatchNormalization everywhere; GlobalAveragePool, Flatten, Gemm."""
    b.opset = 13
    x = b.input("input", [1, 3, 32, 32])
    y = b.relu(b.bn(b.conv(x, 3, 16, 3, "conv1", bias=False), 16, "bn1"), "relu")

    def basic(x, cin, cout, stride, scope):
        y = b.relu(b.bn(b.conv(x, cin, cout, 3, f"{scope}.conv1", stride=stride, bias=False), cout, f"{scope}.bn1"),
                   f"{scope}.relu1")
        y = b.bn(b.conv(y, cout, cout, 3, f"{scope}.conv2", bias=False), cout, f"{scope}.bn2")
        sc = x
        if stride != 1 or cin != cout:
            sc = b.bn(b.conv(x, cin, cout, 1, f"{scope}.downsample.0", stride=stride, bias=False), cout,
                      f"{scope}.downsample.1")
        return b.relu(b.op("Add", [y, sc], f"/{scope}"), f"{scope}.relu2")

    y = basic(y, 16, 16, 1, "layer1.0")                                                            # [1,16,32,32]
    y = basic(y, 16, 32, 2, "layer2.0")                                                            # [1,32,16,16]
    y = b.op("GlobalAveragePool", [y], "/avgpool")
    y = b.op("Flatten", [y], "/flatten", axis=1)
    y = b.op("Gemm", [y, b.init("fc.weight", b.glorot((10, 32), 32, 10)), b.init("fc.bias", b.small((10,)))],
             "/fc", outputs=["logits"], transB=1)
    b.output("logits", [1, 10])
    return {"input": normal([1, 3, 32, 32])}


def _rnn_weights(b, gates, hidden, features):
    k = 1.0 / np.sqrt(hidden)   # PyTorch's default RNN initialisation
    w = b.rng.uniform(-k, k, (1, gates * hidden, features)).astype(np.float32)
    r = b.rng.uniform(-k, k, (1, gates * hidden, hidden)).astype(np.float32)
    bias = b.rng.uniform(-k, k, (1, 2 * gates * hidden)).astype(np.float32)
    return w, r, bias


@model("kws_gru", seed=103)
def kws_gru(b):
    """Keyword spotting with a GRU: MFCC [1, 49 frames, 10 coeffs] -> Transpose to [seq, batch, feat] ->
    GRU(hidden 32, linear_before_reset=1 as PyTorch exports) -> last hidden state Y_h -> Squeeze -> Gemm -> Softmax."""
    b.opset = 13
    x = b.input("input", [1, 49, 10])
    t = b.op("Transpose", [x], "/Transpose", perm=[1, 0, 2])                                      # [49,1,10]
    w, r, bias = _rnn_weights(b, 3, 32, 10)
    y, y_h = b.op("GRU", [t, b.init("onnx::GRU_W", w), b.init("onnx::GRU_R", r), b.init("onnx::GRU_B", bias)],
                  "/gru", outputs=2, hidden_size=32, linear_before_reset=1)
    del y  # [49,1,1,32] unused, as exported
    h = b.op("Squeeze", [y_h, b.const([0], np.int64)], "/Squeeze")                                # [1,32]
    logits = b.gemm(h, 32, 12, "fc")
    b.op("Softmax", [logits], "/Softmax", outputs=["probabilities"], axis=1)
    b.output("probabilities", [1, 12])
    return {"input": normal([1, 49, 10])}


@model("kws_lstm", seed=104)
def kws_lstm(b):
    """Keyword spotting with an LSTM: [1,49,10] -> Transpose -> LSTM(hidden 32) -> all steps Y [49,1,1,32] ->
    Gather(-1) on the time axis (out[-1]) -> Reshape [1,32] -> Gemm -> Softmax."""
    b.opset = 13
    x = b.input("input", [1, 49, 10])
    t = b.op("Transpose", [x], "/Transpose", perm=[1, 0, 2])
    w, r, bias = _rnn_weights(b, 4, 32, 10)
    y, _, _ = b.op("LSTM", [t, b.init("onnx::LSTM_W", w), b.init("onnx::LSTM_R", r),
                            b.init("onnx::LSTM_B", bias)], "/lstm", outputs=3, hidden_size=32)
    last = b.op("Gather", [y, b.const(-1, np.int64)], "/Gather", axis=0)                          # [1,1,32]
    h = b.op("Reshape", [last, b.const([1, 32], np.int64)], "/Reshape")
    logits = b.gemm(h, 32, 12, "fc")
    b.op("Softmax", [logits], "/Softmax", outputs=["probabilities"], axis=1)
    b.output("probabilities", [1, 12])
    return {"input": normal([1, 49, 10])}


def _transformer(b, native_layernorm):
    seq, dim, heads = 16, 32, 2
    hd = dim // heads
    x = b.input("x", [1, seq, dim])
    pos = b.init("pos_embedding", b.small((1, seq, dim), 0.1))
    x = b.op("Add", [x, pos], "/pos")

    def layernorm(v, scope):
        gamma = b.init(f"{scope}.weight", b.rng.uniform(0.8, 1.2, dim).astype(np.float32))
        beta = b.init(f"{scope}.bias", b.small((dim,), 0.1))
        if native_layernorm:
            return b.op("LayerNormalization", [v, gamma, beta], f"/{scope}", axis=-1, epsilon=1e-5)
        # How exporters write it before opset 17.
        s = f"/{scope}"
        mean = b.op("ReduceMean", [v], s, axes=[-1], keepdims=1)
        d = b.op("Sub", [v, mean], s)
        var = b.op("ReduceMean", [b.op("Pow", [d, b.const(2.0)], s)], s, axes=[-1], keepdims=1)
        std = b.op("Sqrt", [b.op("Add", [var, b.const(1e-5)], s)], s)
        return b.op("Add", [b.op("Mul", [b.op("Div", [d, std], s), gamma], s), beta], s)

    # Multi-head self-attention.
    s = "/attn"
    q = b.linear(x, dim, dim, "attn.q_proj")
    k = b.linear(x, dim, dim, "attn.k_proj")
    v = b.linear(x, dim, dim, "attn.v_proj")
    split = b.const([0, 0, heads, hd], np.int64)      # 0 copies the input dim (allowzero=0), as HF exports do
    q = b.op("Transpose", [b.op("Reshape", [q, split], s)], s, perm=[0, 2, 1, 3])               # [1,2,16,16]
    k = b.op("Transpose", [b.op("Reshape", [k, split], s)], s, perm=[0, 2, 3, 1])               # [1,2,16,16] = K^T
    v = b.op("Transpose", [b.op("Reshape", [v, split], s)], s, perm=[0, 2, 1, 3])
    scores = b.op("Div", [b.op("MatMul", [q, k], s), b.const(float(np.sqrt(hd)))], s)
    probs = b.op("Softmax", [scores], s, axis=-1)
    ctx = b.op("Transpose", [b.op("MatMul", [probs, v], s)], s, perm=[0, 2, 1, 3])              # [1,16,2,16]
    ctx = b.op("Reshape", [ctx, b.const([0, 0, dim], np.int64)], s)
    h = layernorm(b.op("Add", [x, b.linear(ctx, dim, dim, "attn.out_proj")], s), "norm1")

    # Feed-forward with the exact (Erf) GELU, as exporters emit it: x * 0.5 * (1 + erf(x / sqrt(2))).
    f = b.linear(h, dim, 2 * dim, "ffn.fc1")
    g = "/ffn/gelu"
    e = b.op("Erf", [b.op("Div", [f, b.const(1.4142135381698608)], g)], g)
    f = b.op("Mul", [b.op("Mul", [f, b.op("Add", [e, b.const(1.0)], g)], g), b.const(0.5)], g)
    f = b.linear(f, 2 * dim, dim, "ffn.fc2")
    out = layernorm(b.op("Add", [h, f], "/ffn"), "norm2")
    b.nodes[-1].output[0] = "y"
    b.output("y", [1, seq, dim])
    return {"x": normal([1, seq, dim])}


@model("transformer_encoder", seed=105)
def transformer_encoder(b):
    """Post-norm transformer encoder block, opset 17: seq 16, dim 32, 2 heads; MatMul Q/K/V, Reshape/Transpose to
    heads, scaled dot-product (Div) + Softmax, output projection, residual Add, LayerNormalization, Erf GELU FFN."""
    b.opset = 17
    return _transformer(b, native_layernorm=True)


@model("transformer_encoder_opset13", seed=105)
def transformer_encoder_opset13(b):
    """The same block at opset 13, where LayerNormalization is decomposed as exporters emit it:
    ReduceMean, Sub, Pow, ReduceMean, Add(eps), Sqrt, Div, Mul, Add."""
    b.opset = 13
    return _transformer(b, native_layernorm=False)


@model("mlp_autoencoder", seed=106)
def mlp_autoencoder(b):
    """MLPerf Tiny AD-like autoencoder: 640 -> 128 -> 128 -> 8 -> 128 -> 128 -> 640; each hidden layer is
    Gemm -> BatchNormalization (2-D input) -> Relu, as in the Keras reference model."""
    b.opset = 13
    y = b.input("input", [1, 640])
    dims = [640, 128, 128, 8, 128, 128]
    for i in range(1, len(dims)):
        y = b.relu(b.bn(b.gemm(y, dims[i - 1], dims[i], f"dense{i}"), dims[i], f"bn{i}"), f"relu{i}")
    y = b.op("Gemm", [y, b.init("dense_out.weight", b.glorot((640, 128), 128, 640)),
                      b.init("dense_out.bias", b.small((640,)))], "/dense_out", outputs=["reconstruction"], transB=1)
    b.output("reconstruction", [1, 640])
    return {"input": normal([1, 640])}


def _unet(b, linear):
    x = b.input("image", [1, 3, 30, 30])
    if linear:   # opset 18 Pad with an `axes` input: reflect-pad H and W by 1
        xp = b.op("Pad", [x, b.const([1, 1, 1, 1], np.int64), "", b.const([2, 3], np.int64)], "/enc1/pad",
                  mode="reflect")
    else:        # nn.ReflectionPad2d(1) / Conv2d(padding_mode="reflect") as exported: pads for all 4 axes
        xp = b.op("Pad", [x, b.const([0, 0, 1, 1, 0, 0, 1, 1], np.int64)], "/enc1/pad", mode="reflect")
    e1 = b.relu(b.conv(xp, 3, 8, 3, "enc1.conv1", pad=0), "enc1.relu1")
    e1 = b.relu(b.conv(e1, 8, 8, 3, "enc1.conv2"), "enc1.relu2")                                  # [1,8,30,30]
    p1 = b.op("MaxPool", [e1], "/pool1", kernel_shape=[2, 2], strides=[2, 2])                     # [1,8,15,15]
    e2 = b.relu(b.conv(p1, 8, 16, 3, "enc2.conv1"), "enc2.relu1")
    e2 = b.relu(b.conv(e2, 16, 16, 3, "enc2.conv2"), "enc2.relu2")                                # [1,16,15,15]
    p2 = b.op("MaxPool", [e2], "/pool2", kernel_shape=[2, 2], strides=[2, 2])                     # [1,16,7,7]
    mid = b.relu(b.conv(p2, 16, 32, 3, "bottleneck.conv"), "bottleneck.relu")                    # [1,32,7,7]

    empty = ""
    if linear:   # opset 18: scales for axes [2,3] only, half_pixel (align_corners=False)
        up2 = b.op("Resize", [mid, empty, b.const([2.0, 2.0], name="up2.scales")], "/up2", mode="linear",
                   coordinate_transformation_mode="half_pixel", axes=[2, 3])
        # opset 18 Pad with constant_value and negative axes: pad bottom/right by 1 to match the skip link.
        up2 = b.op("Pad", [up2, b.const([0, 0, 1, 1], np.int64), b.const(0.0), b.const([-2, -1], np.int64)],
                   "/up2/pad", mode="constant")
    else:        # nn.Upsample(scale_factor=2, mode="nearest") as exported
        up2 = b.op("Resize", [mid, empty, b.const([1.0, 1.0, 2.0, 2.0], name="up2.scales")], "/up2", mode="nearest",
                   coordinate_transformation_mode="asymmetric", nearest_mode="floor")
        up2 = b.op("Pad", [up2, b.const([0, 0, 0, 0, 0, 0, 1, 1], np.int64)], "/up2/pad", mode="constant")
    d2 = b.op("Concat", [up2, e2], "/dec2", axis=1)                                               # [1,48,15,15]
    d2 = b.relu(b.conv(d2, 48, 16, 3, "dec2.conv"), "dec2.relu")                                 # [1,16,15,15]
    if linear:   # sizes input, align_corners=True
        up1 = b.op("Resize", [d2, empty, empty, b.const([1, 16, 30, 30], np.int64)], "/up1", mode="linear",
                   coordinate_transformation_mode="align_corners")
    else:        # sizes input, PyTorch nearest
        up1 = b.op("Resize", [d2, empty, empty, b.const([1, 16, 30, 30], np.int64)], "/up1", mode="nearest",
                   coordinate_transformation_mode="asymmetric", nearest_mode="floor")
    d1 = b.op("Concat", [up1, e1], "/dec1", axis=1)                                               # [1,24,30,30]
    d1 = b.relu(b.conv(d1, 24, 8, 3, "dec1.conv"), "dec1.relu")
    logits = b.conv(d1, 8, 1, 1, "head")
    b.op("Sigmoid", [logits], "/Sigmoid", outputs=["mask"])
    b.output("mask", [1, 1, 30, 30])
    return {"image": uniform([1, 3, 30, 30], 0.0, 1.0)}


@model("unet_nearest", seed=107)
def unet_nearest(b):
    """Small U-Net, opset 13: reflect Pad, 2 encoder stages with MaxPool, bottleneck, decoder with nearest Resize
    (scales, then sizes), constant Pad to re-align 14 -> 15, Concat skip links, 1x1 head, Sigmoid."""
    b.opset = 13
    return _unet(b, linear=False)


@model("unet_linear", seed=107)
def unet_linear(b):
    """The same U-Net at opset 18 with linear Resize (half_pixel with the `axes` attribute and 2 scales; then
    align_corners with sizes) and the opset-18 Pad form with an `axes` input."""
    b.opset = 18
    return _unet(b, linear=True)


@model("torch_export_idioms", seed=108)
def torch_export_idioms(b):
    """What torch.onnx.export leaves in small CNNs: Cast of the input, Div by a Constant (x / 255), Constant nodes,
    Identity, Dropout (with a ratio input), BatchNormalization, MaxPool, and x.view(x.size(0), -1) written as
    Shape -> Gather -> (Cast) -> Unsqueeze -> Concat -> Reshape; names like `input.1`, `onnx::Conv_5`."""
    b.opset = 13
    x = b.input("input.1", [1, 3, 16, 16])
    x = b.op("Cast", [x], "", to=TensorProto.FLOAT)
    x = b.op("Div", [x, b.constant_node(255.0, np.float32)], "")
    w = b.init("onnx::Conv_5", b.he((8, 3, 3, 3), 27))
    y = b.op("Conv", [x, w, b.init("onnx::Conv_6", b.small((8,)))], "/features/features.0",
             kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1])
    y = b.relu(b.bn(y, 8, "features.1"), "features/features.2")
    y = b.op("MaxPool", [y], "/features/features.3", kernel_shape=[2, 2], strides=[2, 2])         # [1,8,8,8]
    y = b.op("Identity", [y], "/features/features.4")
    y = b.op("Dropout", [y, b.constant_node(0.25, np.float32)], "/features/features.5")
    y = b.relu(b.conv(y, 8, 16, 3, "features.6", stride=2), "features/features.7")                # [1,16,4,4]
    # x = x.view(x.size(0), -1)
    shape = b.op("Shape", [y], "")
    n = b.op("Gather", [shape, b.constant_node(0, np.int64)], "", axis=0)
    n = b.op("Cast", [n], "", to=TensorProto.INT64)
    n = b.op("Unsqueeze", [n, b.constant_node([0], np.int64)], "")
    target = b.op("Concat", [n, b.constant_node([-1], np.int64)], "", axis=0)
    y = b.op("Reshape", [y, target], "")                                                           # [1,256]
    y = b.relu(b.gemm(y, 256, 32, "classifier.0"), "classifier/classifier.1")
    y = b.op("Dropout", [y], "/classifier/classifier.2")
    y = b.gemm(y, 32, 10, "classifier.3")
    b.nodes[-1].output[0] = "output"
    b.output("output", [1, 10])
    # Raw pixels 0..255 (the model divides by 255).
    return {"input.1": lambda rng: rng.integers(0, 256, (1, 3, 16, 16)).astype(np.float32)}


@model("audio_conv1d", seed=109)
def audio_conv1d(b):
    """1-D CNN on log-mel features [1, 40 bands, 101 frames]: 3 x (Conv1d + BatchNormalization + Relu) (one strided,
    one dilated), AveragePool 1-D (k3 s2 p1, count_include_pad=1 as PyTorch's AvgPool1d), GlobalAveragePool,
    Flatten, Gemm, Softmax."""
    b.opset = 13
    x = b.input("features", [1, 40, 101])
    y = b.relu(b.bn(b.conv(x, 40, 32, 3, "conv1", dims=1, bias=False), 32, "bn1"), "relu1")      # [1,32,101]
    y = b.relu(b.bn(b.conv(y, 32, 32, 3, "conv2", stride=2, dims=1, bias=False), 32, "bn2"), "relu2")  # [1,32,51]
    y = b.op("AveragePool", [y], "/pool", kernel_shape=[3], strides=[2], pads=[1, 1], count_include_pad=1)  # 26
    y = b.relu(b.bn(b.conv(y, 32, 64, 3, "conv3", dilation=2, dims=1, bias=False), 64, "bn3"), "relu3")  # [1,64,26]
    y = b.op("GlobalAveragePool", [y], "/gap")                                                     # [1,64,1]
    y = b.op("Flatten", [y], "/flatten", axis=1)
    y = b.gemm(y, 64, 12, "fc")
    b.op("Softmax", [y], "/Softmax", outputs=["probabilities"], axis=1)
    b.output("probabilities", [1, 12])
    return {"features": normal([1, 40, 101])}


@model("imu_mlp", seed=110)
def imu_mlp(b):
    """Gesture classifier on a window of accelerometer + gyroscope samples (64 steps x 6 axes, flattened):
    Gemm 384 -> 64 -> Relu -> Gemm 64 -> 32 -> Relu -> Gemm 32 -> 6 logits. Uses only Gemm and Relu."""
    b.opset = 13
    y = b.input("imu_window", [1, 384])
    y = b.relu(b.gemm(y, 384, 64, "fc1"), "relu1")
    y = b.relu(b.gemm(y, 64, 32, "fc2"), "relu2")
    y = b.gemm(y, 32, 6, "fc3")
    b.nodes[-1].output[0] = "logits"
    b.output("logits", [1, 6])
    # Accelerometer (m/s^2, around +-2 g) and gyroscope (rad/s) channels interleaved.
    scale = np.tile(np.array([9.81, 9.81, 9.81, 2.0, 2.0, 2.0], np.float32), 64)
    return {"imu_window": lambda rng: (rng.standard_normal((1, 384)) * scale).astype(np.float32)}


# ================================================================ driver

def build(name):
    fn, seed = MODELS[name]
    b = Builder(name, 13, seed)
    gens = fn(b)
    m = b.model(doc=(fn.__doc__ or "").strip())
    data_rng = np.random.default_rng(seed + 1000)
    if any(n.op_type == "BatchNormalization" for n in m.graph.node):
        calib = [{k: g(data_rng) for k, g in gens.items()} for _ in range(CALIBRATION_SAMPLES)]
        m = calibrate_batchnorm(m, calib, np.random.default_rng(seed + 2000))
    datasets = [{k: g(data_rng) for k, g in gens.items()} for _ in range(DATA_SETS)]
    return m, datasets


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", nargs="?", help="output folder (one sub-folder per model)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="generate only these models")
    ap.add_argument("--list", action="store_true", help="list the model names and exit")
    ap.add_argument("--markdown", action="store_true", help="print a markdown table of the models and exit")
    ap.add_argument("--no-reference", action="store_true", help="skip the onnx.reference cross-check")
    args = ap.parse_args()
    names = args.only or list(MODELS)
    unknown = [n for n in names if n not in MODELS]
    if unknown:
        ap.error(f"unknown model(s): {', '.join(unknown)}; available: {', '.join(MODELS)}")
    if args.list:
        print("\n".join(names))
        return 0
    if args.markdown:
        print("| model | opset | input | output | nodes | ops | params (bytes) |")
        print("|---|---|---|---|---|---|---|")
        for n in names:
            d = describe(build(n)[0])
            print(f"| `{n}` | {d['opset']} | {d['inputs']} | {d['outputs']} | {d['nodes']} | {d['ops']} | "
                  f"{d['params']:,} ({d['param_bytes']:,}) |")
        return 0
    if not args.out:
        ap.error("the output folder is required")
    os.makedirs(args.out, exist_ok=True)
    for n in names:
        m, datasets = build(n)
        s = write_case(args.out, n, m, datasets, reference=not args.no_reference)
        ref = s["max_diff_onnx_reference"]
        print(f"{n}: {len(m.graph.node)} nodes, opset {m.opset_import[0].version}, {len(datasets)} data sets "
              f"(max |ort - ort optimized| {s['max_diff_ort_optimized']:.2g}"
              + (f", max |ort - onnx.reference| {ref:.2g}" if ref is not None else "") + ")")
    return 0


if __name__ == "__main__":
    sys.exit(main())
