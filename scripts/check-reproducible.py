#!/usr/bin/env python3
"""Proves that `kiln compile` output is reproducible: the same model compiled twice, by two processes (so with
different hash seeds), from copies in different folders, into different output folders, from different working
directories and with different TMPDIRs, gives byte-identical files (no timestamps, absolute paths or
hash-order dependence).

    scripts/check-reproducible.py [--kiln .build/debug/kiln] [--targets host,cortex-m4] [MODELS...]

Default models: Tests/hostile/names/*, Examples/digits/digits.onnx, the MLPerf Tiny float models in $KILN_MODELS
(default ../shared/models/mlperf-tiny) and a dozen node tests in $NODE_TESTS (default .cache/node) when present. Prints `N passed, N failed`.
"""
import argparse
import filecmp
import glob
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Node tests with weights, several kernels and folded shape computations.
NODE_CASES = ["test_conv_with_strides_and_asymmetric_padding", "test_gemm_all_attributes", "test_concat_3d_axis_1",
              "test_reshape_reordered_all_dims", "test_transpose_all_permutations_3", "test_gather_2d_indices",
              "test_split_variable_parts_2d_opset18", "test_resize_upsample_scales_linear", "test_pad",
              "test_cast_FLOAT_to_FLOAT16", "test_where_example", "test_cumsum_2d_axis_0"]


def compile_in(kiln, model, base, sub, target, cwd_sub):
    """Copies the model (and its folder, for external data) under base/sub and compiles it from base/cwd_sub."""
    src_dir = os.path.join(base, sub, "src")
    shutil.copytree(os.path.dirname(model), src_dir, ignore=shutil.ignore_patterns("test_data_set_*"))
    m = os.path.join(src_dir, os.path.basename(model))
    out = os.path.join(base, sub, "deeper", "out")
    cwd = os.path.join(base, cwd_sub)
    os.makedirs(cwd, exist_ok=True)
    tmp = os.path.join(base, sub, "tmp")
    os.makedirs(tmp)
    env = dict(os.environ, TMPDIR=tmp)
    env.pop("SWIFT_DETERMINISTIC_HASHING", None)
    p = subprocess.run([kiln, "compile", m, "-o", out, "--target", target, "--harness"], cwd=cwd, env=env,
                       capture_output=True, text=True)
    return p, out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "debug", "kiln"))
    ap.add_argument("--targets", default="host,cortex-m4")
    ap.add_argument("models", nargs="*")
    a = ap.parse_args()
    kiln = os.path.abspath(a.kiln)
    models = a.models or (sorted(glob.glob(os.path.join(ROOT, "Tests", "hostile", "names", "*", "model.onnx")))
                          + [os.path.join(ROOT, "Examples", "digits", "digits.onnx")])
    if not a.models:
        mlperf = os.environ.get("KILN_MODELS", os.path.join(os.path.dirname(ROOT), "shared", "models", "mlperf-tiny"))
        models += sorted(glob.glob(os.path.join(mlperf, "*_f32.onnx")))
        node = os.environ.get("NODE_TESTS", os.path.join(ROOT, ".cache", "node"))
        models += [os.path.join(node, c, "model.onnx") for c in NODE_CASES if os.path.exists(os.path.join(node, c, "model.onnx"))]
    passed = failed = 0
    for model in models:
        for target in a.targets.split(","):
            shown = os.path.basename(os.path.dirname(model)) if os.path.basename(model) == "model.onnx" else os.path.basename(model)
            name = f"{shown} [{target}]"
            with tempfile.TemporaryDirectory(prefix="kiln-repro-a-") as ta, \
                    tempfile.TemporaryDirectory(prefix="kiln-repro-bb-") as tb:
                pa, oa = compile_in(kiln, model, ta, "one", target, ".")
                pb, ob = compile_in(kiln, model, tb, "two/levels", target, "elsewhere")
                if pa.returncode != 0 or pb.returncode != 0:
                    if pa.returncode == pb.returncode == 2 and pa.stderr.split(": ", 3)[-1] == pb.stderr.split(": ", 3)[-1]:
                        print(f"SKIP {name}: not compilable ({pa.stderr.strip()[-160:]})")
                        continue
                    failed += 1
                    print(f"FAIL {name}: exit {pa.returncode}/{pb.returncode}: {pa.stderr.strip()[-300:]}")
                    continue
                fa, fb = sorted(os.listdir(oa)), sorted(os.listdir(ob))
                problems = []
                if fa != fb:
                    problems.append(f"different file sets {set(fa) ^ set(fb)}")
                for f in sorted(set(fa) & set(fb)):
                    if not filecmp.cmp(os.path.join(oa, f), os.path.join(ob, f), shallow=False):
                        problems.append(f"{f} differs")
                    text = open(os.path.join(oa, f), "rb").read()
                    for leak in (ta, tb, os.path.dirname(model)):
                        if leak.encode() in text:
                            problems.append(f"{f} contains the path {leak}")
                # The stack estimate compiles the generated C with the target's compiler and -Werror: null means
                # the C did not compile (or the compiler is missing).
                meta = [f for f in fa if f.endswith(".json")]
                if meta:
                    import json
                    m = json.load(open(os.path.join(oa, meta[0])))
                    if m.get("stack_estimate_bytes") is None and "not installed" not in m.get("stack_estimate_note", ""):
                        problems.append(f"no stack estimate: {m.get('stack_estimate_note')}")
                if problems:
                    failed += 1
                    print(f"FAIL {name}: " + "; ".join(problems[:5]))
                else:
                    passed += 1
                    print(f"PASS {name}: {len(fa)} files identical")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
