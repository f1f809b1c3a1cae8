#!/usr/bin/env python3
"""`make demo`: compile the digits CNN for a board, build it with the generated Makefile, classify test digits under
QEMU, and print predictions, accuracy, arena/flash bytes and instructions per inference.

    python3 Examples/digits/demo.py [--kiln .build/debug/kiln] [--target cortex-m4] [--count 20]
"""
import argparse
import json
import os
import shutil
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def sh(cmd, **kw):
    r = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if r.returncode != 0:
        sys.stderr.write("demo: command failed: %s\n%s%s" % (" ".join(cmd), r.stdout, r.stderr))
        sys.exit(1)
    return r.stdout


def tensor_pb(array, name):
    from onnx import numpy_helper
    t = numpy_helper.from_array(array, name)
    return t.SerializeToString()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "debug", "kiln"))
    ap.add_argument("--target", default="cortex-m4")
    ap.add_argument("--count", type=int, default=20)
    args = ap.parse_args()
    kiln = os.path.abspath(args.kiln)
    work = os.path.join(ROOT, ".cache", "demo")
    shutil.rmtree(work, ignore_errors=True)
    fw = os.path.join(work, "firmware")
    images = np.fromfile(os.path.join(HERE, "test_images.f32"), dtype="<f4").reshape(-1, 1, 1, 8, 8)
    labels = np.fromfile(os.path.join(HERE, "test_labels.u8"), dtype=np.uint8)
    model = os.path.join(HERE, "digits.onnx")

    print("1. kiln compile digits.onnx --target %s --harness" % args.target)
    print("   " + sh([kiln, "compile", model, "--target", args.target, "--prefix", "digits", "-o", fw, "--harness"]).strip())
    meta = json.load(open(os.path.join(fw, "digits.json")))
    print("2. make (the generated Makefile: libdigits.a + digits.elf)")
    sh(["make", "-s", "-C", fw])

    print("3. classify %d test digits under QEMU (%s)" % (args.count, args.target))
    correct = 0
    for k in range(args.count):
        inp, out = os.path.join(fw, "in.bin"), os.path.join(fw, "out.bin")
        images[k].astype("<f4").tofile(inp)
        sh(["make", "-s", "-C", fw, "run", "ARGS=@kiln 0 in.bin out.bin"])
        probs = np.fromfile(out, dtype="<f4")
        pred = int(np.argmax(probs))
        correct += pred == labels[k]
        print("   digit %2d: label %d, predicted %d (p=%.3f)%s" % (k, labels[k], pred, probs[pred], "" if pred == labels[k] else "  <- wrong"))
    print("   accuracy on these %d: %d/%d (%.1f %%); on the whole test split see Examples/digits/check.py" %
          (args.count, correct, args.count, 100.0 * correct / args.count))

    print("4. kiln run --target %s --stats-json (one inference, exact instruction count)" % args.target)
    ds = os.path.join(work, "inputs")
    os.makedirs(ds)
    with open(os.path.join(ds, "input_0.pb"), "wb") as f:
        f.write(tensor_pb(images[0], "input"))
    stats_path = os.path.join(work, "stats.json")
    sh([kiln, "run", model, "--target", args.target, "--inputs", ds, "--outputs", os.path.join(work, "outputs"),
        "--stats-json", stats_path])
    s = json.load(open(stats_path))
    flash = s["text_bytes"] + s["rodata_bytes"] + s["data_bytes"]
    print("   instructions per inference: %d (%d MACs)" % (s["instructions"], s["macs"]))
    print("   RAM: arena %d B (lower bound %d B), stack %d B; flash: %d B (code %d B, weights+tables %d B)" %
          (s["arena_bytes"], s["arena_lower_bound_bytes"], s["stack_bytes"], flash, s["text_bytes"], s["rodata_bytes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
