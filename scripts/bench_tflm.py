#!/usr/bin/env python3
"""TensorFlow Lite Micro side of `make bench`: one model, one input, run under callgrind by scripts/bench.py.

    python3 scripts/bench_tflm.py MODEL.tflite INPUT.npy OUTPUT.npy

Loads MODEL.tflite into the TFLM Python interpreter (pip package `tflite-micro`, pinned in requirements-bench.txt;
its reference kernels, built into the wheel's _runtime.so), sets INPUT.npy as input 0, calls Invoke twice (callgrind
collects only inside `tflite::micro::MicroInterpreter::Invoke()` and dumps after each call, so the two dumps show the
count is the same every time), saves output 0 to OUTPUT.npy and prints TFLM's arena use
(`[RecordingMicroAllocator] Arena allocation head/tail/total N bytes`) on stdout.
"""
import sys

import numpy as np
from tflite_micro.python.tflite_micro import runtime


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    model, inp, out = sys.argv[1:]
    with open(model, "rb") as f:
        interpreter = runtime.Interpreter.from_bytes(f.read())
    x = np.load(inp)
    want = interpreter.get_input_details(0)
    if list(x.shape) != [int(d) for d in want["shape"]] or x.dtype != np.dtype(want["dtype"]):
        print(f"bench_tflm: input is {x.dtype}{list(x.shape)}, the model wants {np.dtype(want['dtype'])}"
              f"{[int(d) for d in want['shape']]}", file=sys.stderr)
        return 2
    for _ in range(2):
        interpreter.set_input(x, 0)
        interpreter.invoke()
    np.save(out, interpreter.get_output(0))
    sys.stdout.flush()
    interpreter.print_allocations()
    return 0


if __name__ == "__main__":
    sys.exit(main())
