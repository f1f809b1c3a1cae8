#!/usr/bin/env python3
"""Run the Kiln-compiled digits model on the whole test split and compare it with onnxruntime.

    python3 Examples/digits/check.py [--kiln .build/debug/kiln] [--sanitize] [--work .cache/digits]

Steps: run onnxruntime (1 thread, no graph optimizations) on every test image; `kiln compile digits.onnx --prefix
digits`, build the generated C with Examples/digits/main.c on the host (one executable runs all test images) and read
back its probabilities; compare predictions and probabilities. Then, unless --no-kiln-test, also write one
`test_data_set_<k>` per image (expected output = onnxruntime's probabilities) and run `kiln test` on them, which
goes through Kiln's own harness (poisoned arena, guard words). Prints both accuracies.
Exit status: 0 when Kiln predicts the same class as onnxruntime on every image and every probability is within
rtol/atol of onnxruntime's; 1 on any difference or build/run failure; 2 when `kiln compile` rejects the model
(unsupported operator or malformed model, Kiln's exit status 2).
"""
import argparse
import os
import shlex
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def ort_probabilities(model, images):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
    name = sess.get_inputs()[0].name
    return np.concatenate([sess.run(None, {name: images[i:i + 1]})[0] for i in range(images.shape[0])])


def run(cmd, **kw):
    print("+ " + " ".join(shlex.quote(c) for c in cmd), flush=True)
    try:
        return subprocess.run(cmd, **kw)
    except OSError as e:
        print(f"digits check: cannot run {cmd[0]}: {e}", file=sys.stderr)
        return subprocess.CompletedProcess(cmd, 127)


def main():
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "debug", "kiln"))
    ap.add_argument("--model", default=os.path.join(HERE, "digits.onnx"))
    ap.add_argument("--images", default=os.path.join(HERE, "test_images.f32"))
    ap.add_argument("--labels", default=os.path.join(HERE, "test_labels.u8"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".cache", "digits"), help="build folder (recreated)")
    ap.add_argument("--cc", default=os.environ.get("CC", "cc"))
    ap.add_argument("--sanitize", action="store_true", help="build with AddressSanitizer + UBSan")
    ap.add_argument("--rtol", type=float, default=1e-3)
    ap.add_argument("--atol", type=float, default=1e-4)
    ap.add_argument("--no-kiln-test", action="store_true",
                    help="skip the second pass through `kiln test` (one test_data_set per image)")
    args = ap.parse_args()

    labels = np.fromfile(args.labels, dtype=np.uint8).astype(np.int64)
    images = np.fromfile(args.images, dtype="<f4").astype(np.float32)
    if images.size != labels.size * 64:
        print(f"digits check: {args.images} holds {images.size} floats, expected {labels.size} x 64", file=sys.stderr)
        return 1
    images = images.reshape(-1, 1, 8, 8)
    n = labels.size

    ref = ort_probabilities(args.model, images)
    ref_pred = ref.argmax(axis=1)
    ort_acc = float((ref_pred == labels).mean())
    print(f"onnxruntime: {int((ref_pred == labels).sum())}/{n} correct ({ort_acc * 100:.2f} %)")

    gen = os.path.join(args.work, "gen")
    os.makedirs(args.work, exist_ok=True)
    r = run([args.kiln, "compile", args.model, "-o", gen, "--prefix", "digits"])
    if r.returncode != 0:
        status = "UNSUPPORTED" if r.returncode == 2 else "FAIL"
        print(f"digits check: {status}: kiln compile exited with {r.returncode}", file=sys.stderr)
        return 2 if r.returncode == 2 else 1

    exe = os.path.join(args.work, "digits_host")
    cflags = ["-std=c99", "-Wall", "-Wextra", "-Werror", "-Wno-unused-function"]
    cflags += ["-O1", "-g", "-fsanitize=address,undefined", "-fno-sanitize-recover=all"] if args.sanitize else ["-O2"]
    sources = [os.path.join(HERE, "main.c")] + sorted(
        os.path.join(gen, f) for f in os.listdir(gen) if f.endswith(".c"))
    r = run([args.cc] + cflags + ["-I", gen] + sources + ["-o", exe, "-lm"])
    if r.returncode != 0:
        print("digits check: FAIL: the generated C does not build", file=sys.stderr)
        return 1

    probs_path = os.path.join(args.work, "kiln_probabilities.f32")
    r = run([exe, args.images, args.labels, probs_path])
    if r.returncode != 0:
        print(f"digits check: FAIL: the host executable exited with {r.returncode}", file=sys.stderr)
        return 1
    got = np.fromfile(probs_path, dtype="<f4")
    if got.size != ref.size:
        print(f"digits check: FAIL: Kiln wrote {got.size} values, expected {ref.size}", file=sys.stderr)
        return 1
    got = got.reshape(ref.shape)
    pred = got.argmax(axis=1)
    acc = float((pred == labels).mean())
    diff = np.abs(got.astype(np.float64) - ref.astype(np.float64))
    max_diff = float(diff.max()) if diff.size else 0.0
    out_of_tol = np.argwhere(~(diff <= args.atol + args.rtol * np.abs(ref)))  # NaN counts as out of tolerance
    mismatched = np.flatnonzero(pred != ref_pred)

    print(f"kiln:        {int((pred == labels).sum())}/{n} correct ({acc * 100:.2f} %), "
          f"max |kiln - onnxruntime| = {max_diff:.3g}")
    ok = True
    if mismatched.size:
        ok = False
        shown = ", ".join(f"#{i} (kiln {pred[i]}, onnxruntime {ref_pred[i]})" for i in mismatched[:10])
        print(f"digits check: FAIL: predictions differ from onnxruntime on {mismatched.size} image(s): {shown}",
              file=sys.stderr)
    if out_of_tol.size:
        ok = False
        i, k = out_of_tol[0]
        print(f"digits check: FAIL: {len(out_of_tol)} probabilities outside rtol {args.rtol} / atol {args.atol}; "
              f"first: image #{i} class {k}: kiln {float(got[i, k]):.9g}, onnxruntime {float(ref[i, k]):.9g}", file=sys.stderr)
    if not args.no_kiln_test:
        if not kiln_test(args, images, ref):
            ok = False
    if ok:
        print(f"digits check: PASS ({n} images, same predictions as onnxruntime)")
    return 0 if ok else 1


def kiln_test(args, images, ref):
    """One test_data_set per image under WORK/case, then `kiln test` (batched by Kiln)."""
    from onnx import numpy_helper
    import onnx
    import shutil
    case = os.path.join(args.work, "case", "digits")
    shutil.rmtree(os.path.join(args.work, "case"), ignore_errors=True)
    os.makedirs(case)
    shutil.copyfile(args.model, os.path.join(case, "model.onnx"))
    g = onnx.load(args.model).graph
    in_name, out_name = g.input[0].name, g.output[0].name
    for k in range(images.shape[0]):
        ds = os.path.join(case, f"test_data_set_{k}")
        os.makedirs(ds)
        for arr, name, fn in ((images[k:k + 1], in_name, "input_0.pb"), (ref[k:k + 1], out_name, "output_0.pb")):
            with open(os.path.join(ds, fn), "wb") as f:
                f.write(numpy_helper.from_array(np.ascontiguousarray(arr), name).SerializeToString())
    cmd = [args.kiln, "test", case, "--rtol", str(args.rtol), "--atol", str(args.atol), "--jobs", "2"]
    if args.sanitize:
        cmd.append("--sanitize")
    r = run(cmd)
    if r.returncode != 0:
        print(f"digits check: FAIL: kiln test on the {images.shape[0]} images exited with {r.returncode}",
              file=sys.stderr)
        return False
    return True


if __name__ == "__main__":
    sys.exit(main())
