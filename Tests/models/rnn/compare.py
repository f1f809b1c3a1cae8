#!/usr/bin/env python3
"""Runs `kiln run` on test folders and prints the worst absolute / relative error of every output against the
stored expected outputs. Usage: compare.py KILN CASE_DIR..."""
import glob
import os
import subprocess
import sys
import tempfile

import numpy as np
import onnx
from onnx import numpy_helper

kiln = sys.argv[1]
for case in sys.argv[2:]:
    ds = os.path.join(case, "test_data_set_0")
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([kiln, "run", os.path.join(case, "model.onnx"), "--inputs", ds, "--outputs", out], check=True,
                       stdout=subprocess.DEVNULL)
        parts = []
        for want_path in sorted(glob.glob(os.path.join(ds, "output_*.pb"))):
            want = numpy_helper.to_array(onnx.load_tensor(want_path)).astype(np.float64)
            got = numpy_helper.to_array(onnx.load_tensor(os.path.join(out, os.path.basename(want_path))))
            err = np.abs(got.astype(np.float64) - want)
            parts.append(f"{os.path.basename(want_path)} {list(want.shape)} max abs {err.max():.3g} "
                         f"max rel {(err / np.maximum(np.abs(want), 1e-6)).max():.3g}")
        print(os.path.basename(case.rstrip('/')) + ": " + "; ".join(parts))
