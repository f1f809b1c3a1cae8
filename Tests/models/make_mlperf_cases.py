#!/usr/bin/env python3
"""Writes `kiln test` cases for the four MLPerf Tiny float32 models (KWS DS-CNN, VWW MobileNet, IC ResNet-8,
AD autoencoder) from $KILN_MODELS.

    python3 Tests/models/make_mlperf_cases.py OUT [--no-reference]

$KILN_MODELS defaults to ../shared/models/mlperf-tiny relative to the repository root. Each case is
OUT/mlperf_<model>_f32/ with model.onnx a symbolic link to the original file (never copied into the repository) and
3 data sets whose outputs come from onnxruntime (1 thread, ORT_DISABLE_ALL). Inputs have the value range the
models see in practice (as MODELS.md describes): a random int8 tensor, np.random.default_rng(k).integers(-128, 128)
for data set k, dequantized with the input scale / zero point of the matching *_int8.onnx model (read from its
DequantizeLinear, with MODELS.md's values as fallback). Data set 0 is therefore the input MODELS.md's check used.
When the folder is missing: prints "skipping MLPerf Tiny models: KILN_MODELS=... not found" and exits 0.
"""
import argparse
import os
import sys

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np
import onnx
from onnx import numpy_helper

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from modelkit import file_sha256, write_case  # noqa: E402

DATA_SETS = 3
MODELS = ["kws_dscnn", "vww_mobilenet", "ic_resnet8", "ad_autoencoder"]
# (scale, zero point) of the int8 models' inputs, from MODELS.md; used only if the int8 file cannot be read.
FALLBACK_INPUT_QUANT = {
    "kws_dscnn": (0.584703, 83),
    "vww_mobilenet": (0.00392157, -128),
    "ic_resnet8": (1.0, -128),
    "ad_autoencoder": (0.391015, 89),
}


def models_dir():
    return os.environ.get("KILN_MODELS") or os.path.normpath(os.path.join(ROOT, "..", "shared", "models", "mlperf-tiny"))


def input_quant(int8_path):
    """(scale, zero_point) of the first graph input of a QDQ model: the DequantizeLinear that reads it (possibly
    through Transpose/Reshape), its scale / zero point from initializers or Constant nodes."""
    m = onnx.load(int8_path)
    g = m.graph
    consts = {t.name: numpy_helper.to_array(t) for t in g.initializer}
    for n in g.node:
        if n.op_type == "Constant" and n.attribute and n.attribute[0].name == "value":
            consts[n.output[0]] = numpy_helper.to_array(n.attribute[0].t)
    inits = {t.name for t in g.initializer}
    first = next(i.name for i in g.input if i.name not in inits)
    tracked = {first}   # the input and layout-only views of it (tf2onnx puts a Transpose/Reshape first)
    for n in g.node:
        if n.op_type in ("Transpose", "Reshape", "Squeeze", "Unsqueeze", "Identity", "Flatten") and n.input[0] in tracked:
            tracked.update(n.output)
        if n.op_type in ("DequantizeLinear", "QuantizeLinear") and n.input[0] in tracked:
            scale = consts.get(n.input[1])
            zp = consts.get(n.input[2]) if len(n.input) > 2 and n.input[2] else np.zeros((), np.int8)
            if scale is None or zp is None or scale.size != 1 or zp.size != 1:
                return None
            return float(scale.reshape(())), int(zp.reshape(()))
    return None


def input_shape(model):
    inits = {t.name for t in model.graph.initializer}
    inp = next(i for i in model.graph.input if i.name not in inits)
    dims = [d.dim_value for d in inp.type.tensor_type.shape.dim]
    if any(d <= 0 for d in dims):
        raise RuntimeError(f"input '{inp.name}' has a non-static shape {dims}")
    return inp.name, dims


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", help="output folder (one sub-folder per model)")
    ap.add_argument("--no-reference", action="store_true", help="skip the onnx.reference cross-check")
    args = ap.parse_args()

    src = models_dir()
    if not os.path.isdir(src):
        print(f"skipping MLPerf Tiny models: KILN_MODELS={src} not found")
        return 0
    os.makedirs(args.out, exist_ok=True)
    written = 0
    for name in MODELS:
        f32 = os.path.join(src, f"{name}_f32.onnx")
        int8 = os.path.join(src, f"{name}_int8.onnx")
        if not os.path.isfile(f32):
            print(f"skipping {name}: {f32} not found")
            continue
        q = input_quant(int8) if os.path.isfile(int8) else None
        origin = os.path.basename(int8)
        if q is None:
            q = FALLBACK_INPUT_QUANT[name]
            origin = "MODELS.md"
        scale, zp = q
        model = onnx.load(f32)
        in_name, shape = input_shape(model)
        datasets = []
        for k in range(DATA_SETS):
            raw = np.random.default_rng(k).integers(-128, 128, shape).astype(np.int8)
            x = (raw.astype(np.float32) - np.float32(zp)) * np.float32(scale)
            datasets.append({in_name: x.astype(np.float32)})
        case = f"mlperf_{name}_f32"
        s = write_case(args.out, case, model, datasets, model_source=f32, reference=not args.no_reference)
        with open(os.path.join(args.out, case, "SOURCE.txt"), "w") as fh:
            fh.write(f"{os.path.abspath(f32)}\nsha256 {file_sha256(f32)}\n"
                     f"input {in_name} {shape}: int8 dequantized with scale {scale!r}, zero point {zp} ({origin})\n")
        ref = s["max_diff_onnx_reference"]
        print(f"{case}: input {in_name} {shape}, scale {scale:.6g} zp {zp} ({origin}), {DATA_SETS} data sets "
              f"(max |ort - ort optimized| {s['max_diff_ort_optimized']:.2g}"
              + (f", max |ort - onnx.reference| {ref:.2g}" if ref is not None else "") + ")")
        written += 1
    print(f"wrote {written} MLPerf Tiny case(s) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
