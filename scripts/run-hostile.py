#!/usr/bin/env python3
"""Checks Kiln against the hostile-model corpus (Tests/hostile/manifest.json, made by Tests/hostile/make_corpus.py).

    scripts/run-hostile.py [--kiln .build/debug/kiln] [--mutations N] [--seed S] [SEED_MODELS...]

For every case: copy its folder to a fresh temporary folder (where the case's symlinks are made), run
`kiln compile model.onnx -o out ARGS` and require
  - the expected exit code (2), never death by a signal, and no hang (timeout);
  - stderr is exactly one line `kiln: error: <model path>: ...` holding every expected substring, and
    `node 'NAME' (OP)` when the case names a node;
  - no `out` folder and no other new file in the temporary folder (no half-written output).

`--mutations N` also compiles N random byte mutations of the seed models (default: the models under
Tests/hostile/names, Examples/digits and the MLPerf Tiny models in $KILN_MODELS) and requires that kiln exits 0 or 2, within the timeout, leaving either a
complete output folder or nothing. Prints `N passed, N failed` and exits 1 if anything failed.
"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "hostile")
TIMEOUT = 120


def run_kiln(kiln, model, out, args):
    try:
        p = subprocess.run([kiln, "compile", model, "-o", out] + args, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", b"timeout"
    return p.returncode, p.stdout, p.stderr


def listing(d):
    out = set()
    for base, dirs, files in os.walk(d):
        for n in dirs + files:
            out.add(os.path.relpath(os.path.join(base, n), d))
    return out


def check_case(kiln, c):
    problems = []
    with tempfile.TemporaryDirectory(prefix="kiln-hostile-") as tmp:
        work = os.path.join(tmp, "corpus")
        os.makedirs(work)
        shutil.copy(os.path.join(CORPUS, "cases", "secret.bin"), work)  # what `..` cases try to reach
        d = os.path.join(work, c["case"])
        shutil.copytree(os.path.join(CORPUS, "cases", c["case"]), d, symlinks=True)
        for s in c["setup"]:
            if "symlink" in s:
                os.symlink(s["to"], os.path.join(d, s["symlink"]))
            if "fifo" in s:
                p = os.path.join(d, s["fifo"])
                if os.path.exists(p):
                    os.remove(p)
                os.mkfifo(p)
        before = listing(tmp)
        model = os.path.join(d, "model.onnx")
        out = os.path.join(tmp, "out")
        started = time.monotonic()
        code, stdout, stderr = run_kiln(kiln, model, out, c["args"])
        took = time.monotonic() - started
        if c.get("max_seconds") and took > c["max_seconds"]:
            problems.append(f"took {took:.1f} s, more than {c['max_seconds']} s")
        text = stderr.decode("utf-8", "replace")
        if code is None:
            return ["timed out"]
        if code < 0:
            problems.append(f"killed by signal {-code}")
        elif code != c["exit"]:
            problems.append(f"exit {code}, expected {c['exit']}")
        lines = text.splitlines()
        if len(lines) != 1:
            problems.append(f"stderr has {len(lines)} lines, expected 1")
        first = lines[0] if lines else ""
        if not first.startswith(f"kiln: error: {model}: "):
            problems.append("message does not start with 'kiln: error: <model path>: '")
        for s in c["expect"]:
            if s not in first:
                problems.append(f"message lacks {s!r}")
        if c["node"] is not None and f"node '{c['node']}' ({c['op']})" not in first:
            problems.append(f"message does not name node '{c['node']}' ({c['op']})")
        if os.path.exists(out):
            problems.append("output folder exists")
        extra = listing(tmp) - before
        if extra:
            problems.append(f"left files behind: {sorted(extra)[:3]}")
        if problems:
            problems.append(f"stderr: {text.strip()[:400]!r}")
    return problems


def mutate(data, rng):
    b = bytearray(data)
    for _ in range(rng.choice([1, 1, 2, 4, 8, 32])):
        k = rng.randrange(6)
        if not b:
            b.append(rng.randrange(256))
            continue
        i = rng.randrange(len(b))
        if k == 0:
            b[i] = rng.randrange(256)
        elif k == 1:
            b[i] ^= 1 << rng.randrange(8)
        elif k == 2:
            del b[i:i + rng.randrange(1, 64)]
        elif k == 3:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randrange(1, 64)]
        elif k == 4:
            b[i] = rng.choice([0, 0x7f, 0x80, 0xff, 0x01])
        else:
            # an extreme varint: the protobuf field values most likely to reach arithmetic
            b[i:i + 1] = bytes([0xff] * 9 + [0x01])
    return bytes(b)


def check_mutations(kiln, seeds, n, seed):
    rng = random.Random(seed)
    blobs = [(p, open(p, "rb").read()) for p in seeds]
    failures = []
    outcome = {0: 0, 2: 0}
    for k in range(n):
        path, data = blobs[k % len(blobs)]
        with tempfile.TemporaryDirectory(prefix="kiln-mut-") as tmp:
            m = os.path.join(tmp, "model.onnx")
            with open(m, "wb") as f:
                f.write(mutate(data, rng))
            out = os.path.join(tmp, "out")
            code, _, stderr = run_kiln(kiln, m, out, ["--no-stack-estimate"])
            bad = None
            if code is None:
                bad = "timed out"
            elif code < 0:
                bad = f"killed by signal {-code}"
            elif code not in (0, 2):
                bad = f"exit {code}"
            elif code == 2 and (os.path.exists(out) or len(stderr.decode('utf-8', 'replace').splitlines()) != 1):
                bad = "exit 2 with output left behind or a multi-line message"
            elif code == 0 and not os.path.exists(os.path.join(out, "model.c")):
                bad = "exit 0 without model.c"
            if bad:
                keep = os.path.join(ROOT, ".cache", "hostile-failures")
                os.makedirs(keep, exist_ok=True)
                dest = os.path.join(keep, f"mutation-{seed}-{k}.onnx")
                shutil.copy(m, dest)
                failures.append(f"mutation {k} of {os.path.basename(os.path.dirname(path))}: {bad} (saved {dest}): "
                                f"{stderr.decode('utf-8', 'replace')[-300:]!r}")
            else:
                outcome[code] += 1
    return failures, outcome


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "debug", "kiln"))
    ap.add_argument("--mutations", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", help="run only cases whose name contains this")
    ap.add_argument("seeds", nargs="*")
    a = ap.parse_args()
    kiln = os.path.abspath(a.kiln)
    cases = json.load(open(os.path.join(CORPUS, "manifest.json")))
    passed = failed = 0
    for c in cases:
        if a.only and a.only not in c["case"]:
            continue
        problems = check_case(kiln, c)
        if problems:
            failed += 1
            print(f"FAIL {c['case']}: " + "; ".join(problems))
        else:
            passed += 1
    if a.mutations:
        seeds = a.seeds or sorted(
            [os.path.join(CORPUS, "names", d, "model.onnx") for d in os.listdir(os.path.join(CORPUS, "names"))]
            + [os.path.join(ROOT, "Examples", "digits", "digits.onnx")]
            + glob.glob(os.path.join(os.environ.get("KILN_MODELS", os.path.join(os.path.dirname(ROOT), "shared", "models",
                                                                              "mlperf-tiny")), "*.onnx")))
        failures, outcome = check_mutations(kiln, seeds, a.mutations, a.seed)
        for f in failures:
            print("FAIL " + f)
        print(f"mutations: {a.mutations} runs, {outcome[0]} compiled, {outcome[2]} refused, {len(failures)} failed")
        passed += a.mutations - len(failures)
        failed += len(failures)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
