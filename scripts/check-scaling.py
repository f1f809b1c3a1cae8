#!/usr/bin/env python3
"""Compile time and peak memory of `kiln compile` against model size: chains of N nodes (Add and Mul with a small
weight, Relu, Transpose, in turn). Prints a table; fails if going from the smallest to the largest size grows time
or memory (above the fixed start-up cost) more than 2.5x faster than N.

    scripts/check-scaling.py [--kiln .build/debug/kiln] [--sizes 1000,2000,5000]
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def chain(n, width=8):
    nodes, inits = [], []
    cur = "x"
    for k in range(n):
        out = f"t{k}"
        op = ("Add", "Relu", "Transpose", "Mul")[k % 4]
        if op == "Relu":
            nodes.append(helper.make_node("Relu", [cur], [out], name=f"n{k}"))
        elif op == "Transpose":
            nodes.append(helper.make_node("Transpose", [cur], [out], name=f"n{k}", perm=[1, 0]))
        else:
            w = f"w{k}"
            inits.append(numpy_helper.from_array(np.full([width], 1.0 + (k % 7) / 8, dtype=np.float32), w))
            nodes.append(helper.make_node(op, [cur, w], [out], name=f"n{k}"))
        cur = out
    nodes.append(helper.make_node("Identity", [cur], ["y"], name="out"))
    g = helper.make_graph(nodes, "chain", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [width, width])],
                          [helper.make_tensor_value_info("y", TensorProto.FLOAT, [width, width])], inits)
    m = helper.make_model(g, opset_imports=[helper.make_opsetid("", 13)])
    m.ir_version = 8
    return m


def measure(kiln, m, tmp, tag):
    path = os.path.join(tmp, f"{tag}.onnx")
    onnx.save(m, path)
    out = os.path.join(tmp, f"out-{tag}")
    t0 = time.monotonic()
    p = subprocess.Popen([kiln, "compile", path, "-o", out, "--no-stack-estimate"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    dt = time.monotonic() - t0
    err = p.stderr.read().decode()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{tag}: kiln failed: {err}")
    return dt, usage.ru_maxrss / 1024.0  # MiB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "debug", "kiln"))
    ap.add_argument("--sizes", default="1000,2000,5000")
    a = ap.parse_args()
    kiln = os.path.abspath(a.kiln)
    sizes = [int(s) for s in a.sizes.split(",")]
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kiln-scale-") as tmp:
        base_t, base_m = measure(kiln, chain(1), tmp, "base")
        print(f"start-up: {base_t:.2f} s, {base_m:.0f} MiB")
        rows = []
        for n in sizes:
            t, mem = measure(kiln, chain(n), tmp, f"chain{n}")
            rows.append((n, t, mem))
            print(f"chain of {n:6d} nodes: {t:7.2f} s  {mem:7.0f} MiB peak  ({(t - base_t) / n * 1e3:.3f} ms/node)")
        (n0, t0, m0), (n1, t1, m1) = rows[0], rows[-1]
        ratio = n1 / n0
        growth_t = (t1 - base_t) / max(t0 - base_t, 1e-3)
        growth_m = (m1 - base_m) / max(m0 - base_m, 1.0)
        print(f"{n0} -> {n1} nodes ({ratio:.1f}x): time above start-up {growth_t:.1f}x, memory above start-up {growth_m:.1f}x")
        for what, g in (("time", growth_t), ("memory", growth_m)):
            if g > 2.5 * ratio:
                failed += 1
                print(f"FAIL {what} grows super-linearly ({g:.1f}x for {ratio:.1f}x nodes)")
    print(f"{1 if not failed else 0} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
