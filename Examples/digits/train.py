#!/usr/bin/env python3
"""Train a tiny CNN on scikit-learn's bundled 8x8 digits with plain numpy and export it as ONNX.

    python3 Examples/digits/train.py [--out-dir Examples/digits]

Network (batch 1, NCHW, as firmware runs it):
    input [1,1,8,8] (pixels / 16, i.e. in [0, 1])
    -> Conv 3x3, 1->8, pad 1            -> Relu   [1,8,8,8]
    -> Conv 3x3, 8->16, pad 1, stride 2 -> Relu   [1,16,4,4]
    -> Reshape [1,256] -> Gemm 256->10 -> Softmax [1,10]

Everything is deterministic: fixed seeds, single-threaded BLAS, stratified 75/25 split with a fixed random_state.
Writes digits.onnx, test_images.f32 ([N,1,8,8] little-endian float32), test_labels.u8 ([N] uint8) and prints the
test accuracy of the numpy model and of onnxruntime (predictions must agree on every image).
"""
import os

# Single-threaded BLAS so that regenerating gives bit-identical weights.
for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import argparse
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

SEED = 0
EPOCHS = 40
BATCH = 32
LR = 3e-3
C1, C2, CLASSES = 8, 16, 10


# ---------------------------------------------------------------- layers (numpy, float64 for training)

def im2col(x, stride):
    """x [B,C,H,W], 3x3 kernel, pad 1 -> cols [B, C*9, Ho*Wo] (ordering C, kh, kw matches OIHW weights)."""
    b, c, h, w = x.shape
    ho, wo = (h + 2 - 3) // stride + 1, (w + 2 - 3) // stride + 1
    xp = np.pad(x, ((0, 0), (0, 0), (1, 1), (1, 1)))
    cols = np.empty((b, c, 3, 3, ho, wo), dtype=x.dtype)
    for i in range(3):
        for j in range(3):
            cols[:, :, i, j] = xp[:, :, i:i + stride * ho:stride, j:j + stride * wo:stride]
    return cols.reshape(b, c * 9, ho * wo), (ho, wo)


def col2im(dcols, shape, stride, ho, wo):
    b, c, h, w = shape
    d = dcols.reshape(b, c, 3, 3, ho, wo)
    dxp = np.zeros((b, c, h + 2, w + 2), dtype=dcols.dtype)
    for i in range(3):
        for j in range(3):
            dxp[:, :, i:i + stride * ho:stride, j:j + stride * wo:stride] += d[:, :, i, j]
    return dxp[:, :, 1:-1, 1:-1]


def conv_forward(x, w, bias, stride):
    cols, (ho, wo) = im2col(x, stride)
    out = np.einsum("ok,bkp->bop", w.reshape(w.shape[0], -1), cols) + bias[None, :, None]
    return out.reshape(x.shape[0], w.shape[0], ho, wo), cols


def conv_backward(dout, x_shape, cols, w, stride, need_dx):
    b, o, ho, wo = dout.shape
    d = dout.reshape(b, o, ho * wo)
    dw = np.einsum("bop,bkp->ok", d, cols).reshape(w.shape)
    db = d.sum(axis=(0, 2))
    dx = None
    if need_dx:
        dcols = np.einsum("ok,bop->bkp", w.reshape(o, -1), d)
        dx = col2im(dcols, x_shape, stride, ho, wo)
    return dw, db, dx


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def forward(p, x):
    z1, cols1 = conv_forward(x, p["w1"], p["b1"], 1)
    a1 = np.maximum(z1, 0)
    z2, cols2 = conv_forward(a1, p["w2"], p["b2"], 2)
    a2 = np.maximum(z2, 0)
    f = a2.reshape(x.shape[0], -1)
    logits = f @ p["w3"].T + p["b3"]
    return logits, (x, z1, cols1, a1, z2, cols2, a2, f)


def backward(p, cache, dlogits):
    x, z1, cols1, a1, z2, cols2, a2, f = cache
    g = {"w3": dlogits.T @ f, "b3": dlogits.sum(axis=0)}
    da2 = (dlogits @ p["w3"]).reshape(a2.shape)
    dz2 = da2 * (z2 > 0)
    g["w2"], g["b2"], da1 = conv_backward(dz2, a1.shape, cols2, p["w2"], 2, True)
    dz1 = da1 * (z1 > 0)
    g["w1"], g["b1"], _ = conv_backward(dz1, x.shape, cols1, p["w1"], 1, False)
    return g


def init_params(rng):
    def he(shape, fan_in):
        return rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)
    return {
        "w1": he((C1, 1, 3, 3), 9), "b1": np.zeros(C1),
        "w2": he((C2, C1, 3, 3), C1 * 9), "b2": np.zeros(C2),
        "w3": rng.standard_normal((CLASSES, C2 * 16)) * np.sqrt(1.0 / (C2 * 16)), "b3": np.zeros(CLASSES),
    }


def train(x, y, rng):
    p = init_params(rng)
    m = {k: np.zeros_like(v) for k, v in p.items()}
    v = {k: np.zeros_like(v) for k, v in p.items()}
    b1, b2, eps, t = 0.9, 0.999, 1e-8, 0
    n = x.shape[0]
    for epoch in range(EPOCHS):
        order = rng.permutation(n)
        lr = LR * (0.5 * (1 + np.cos(np.pi * epoch / EPOCHS)))  # cosine decay
        loss_sum = 0.0
        for s in range(0, n, BATCH):
            idx = order[s:s + BATCH]
            logits, cache = forward(p, x[idx])
            prob = softmax(logits)
            loss_sum += -np.log(prob[np.arange(len(idx)), y[idx]] + 1e-12).sum()
            dlogits = prob
            dlogits[np.arange(len(idx)), y[idx]] -= 1
            dlogits /= len(idx)
            g = backward(p, cache, dlogits)
            t += 1
            for k in p:
                m[k] = b1 * m[k] + (1 - b1) * g[k]
                v[k] = b2 * v[k] + (1 - b2) * g[k] * g[k]
                mh, vh = m[k] / (1 - b1 ** t), v[k] / (1 - b2 ** t)
                p[k] -= lr * mh / (np.sqrt(vh) + eps)
        if epoch % 10 == 9 or epoch == EPOCHS - 1:
            print(f"epoch {epoch + 1:3d}: train loss {loss_sum / n:.4f}")
    return p


# ---------------------------------------------------------------- float32 inference (what the ONNX model computes)

def predict_f32(p32, x):
    """Batch-1-equivalent float32 forward pass of the exported graph; returns probabilities [N,10]."""
    z1, _ = conv_forward(x, p32["w1"], p32["b1"], 1)
    z2, _ = conv_forward(np.maximum(z1, 0).astype(np.float32), p32["w2"], p32["b2"], 2)
    f = np.maximum(z2, 0).astype(np.float32).reshape(x.shape[0], -1)
    return softmax((f @ p32["w3"].T + p32["b3"]).astype(np.float32))


# ---------------------------------------------------------------- ONNX export

def export(p32, path):
    inits = [
        numpy_helper.from_array(p32["w1"], "conv1.weight"), numpy_helper.from_array(p32["b1"], "conv1.bias"),
        numpy_helper.from_array(p32["w2"], "conv2.weight"), numpy_helper.from_array(p32["b2"], "conv2.bias"),
        numpy_helper.from_array(np.array([1, C2 * 16], dtype=np.int64), "flatten.shape"),
        numpy_helper.from_array(p32["w3"], "fc.weight"), numpy_helper.from_array(p32["b3"], "fc.bias"),
    ]
    nodes = [
        helper.make_node("Conv", ["input", "conv1.weight", "conv1.bias"], ["conv1"], name="conv1",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[1, 1]),
        helper.make_node("Relu", ["conv1"], ["relu1"], name="relu1"),
        helper.make_node("Conv", ["relu1", "conv2.weight", "conv2.bias"], ["conv2"], name="conv2",
                         kernel_shape=[3, 3], pads=[1, 1, 1, 1], strides=[2, 2]),
        helper.make_node("Relu", ["conv2"], ["relu2"], name="relu2"),
        helper.make_node("Reshape", ["relu2", "flatten.shape"], ["flat"], name="flatten"),
        helper.make_node("Gemm", ["flat", "fc.weight", "fc.bias"], ["logits"], name="fc", transB=1),
        helper.make_node("Softmax", ["logits"], ["probabilities"], name="softmax", axis=1),
    ]
    graph = helper.make_graph(
        nodes, "digits_cnn",
        [helper.make_tensor_value_info("input", TensorProto.FLOAT, [1, 1, 8, 8])],
        [helper.make_tensor_value_info("probabilities", TensorProto.FLOAT, [1, CLASSES])],
        initializer=inits)
    graph.doc_string = "8x8 digits CNN; input = pixel / 16 (0..1), NCHW, batch 1; output = class probabilities."
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="kiln-examples-digits", producer_version="1")
    model.ir_version = 8
    model = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    onnx.checker.check_model(model, full_check=True)
    onnx.save(model, path)


def ort_predict(path, x):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(path, so, providers=["CPUExecutionProvider"])
    return np.concatenate([sess.run(None, {"input": x[i:i + 1]})[0] for i in range(x.shape[0])])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out-dir", default=os.path.dirname(os.path.abspath(__file__)))
    args = ap.parse_args()

    digits = load_digits()
    x = (digits.images / 16.0).reshape(-1, 1, 8, 8)
    y = digits.target.astype(np.int64)
    x_tr, x_te, y_tr, y_te = train_test_split(x, y, test_size=0.25, stratify=y, random_state=SEED)
    print(f"train {len(y_tr)} images, test {len(y_te)} images")

    p = train(x_tr, y_tr, np.random.default_rng(SEED))
    p32 = {k: v.astype(np.float32) for k, v in p.items()}
    x_te32 = x_te.astype(np.float32)

    np_pred = predict_f32(p32, x_te32).argmax(axis=1)
    np_acc = float((np_pred == y_te).mean())

    os.makedirs(args.out_dir, exist_ok=True)
    onnx_path = os.path.join(args.out_dir, "digits.onnx")
    export(p32, onnx_path)
    ort_pred = ort_predict(onnx_path, x_te32).argmax(axis=1)
    ort_acc = float((ort_pred == y_te).mean())

    x_te32.astype("<f4").tofile(os.path.join(args.out_dir, "test_images.f32"))
    y_te.astype(np.uint8).tofile(os.path.join(args.out_dir, "test_labels.u8"))

    n_params = sum(v.size for v in p32.values())
    print(f"parameters: {n_params} ({n_params * 4} bytes float32)")
    print(f"test accuracy: numpy {np_acc * 100:.2f} %, onnxruntime {ort_acc * 100:.2f} % ({len(y_te)} images)")
    print(f"wrote {onnx_path}, test_images.f32, test_labels.u8")
    if not np.array_equal(np_pred, ort_pred):
        print(f"error: numpy and onnxruntime disagree on {int((np_pred != ort_pred).sum())} images", file=sys.stderr)
        return 1
    if np_acc < 0.95:
        print("error: test accuracy below 95 %", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
