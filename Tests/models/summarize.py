#!/usr/bin/env python3
"""Second half of Tests/models/run.sh: per-model arena table and the overall verdict.

    python3 Tests/models/summarize.py --kiln KILN --cache DIR --report REPORT.json --work DIR
                                      [--digits-status N] [--allow-unsupported] [--extra NAME=MODEL.onnx ...]

For every case folder in DIR (and each --extra model) runs `kiln compile MODEL -o WORK/NAME --prefix model` and reads
`arena_bytes` / `arena_lower_bound_bytes` from WORK/NAME/model.json. Prints one row per model with its `kiln test`
status from REPORT.json. Exit status 1 when:
  - a case FAILED or errored in `kiln test` (or was UNSUPPORTED, unless --allow-unsupported),
  - the digits check failed (--digits-status 1; 2 = unsupported, tolerated with --allow-unsupported),
  - an MLPerf Tiny float model (case `mlperf_*`) compiles with an arena above 1.1 x its lower bound.
"""
import argparse
import json
import os
import subprocess
import sys

ARENA_SLACK = 1.1


def compile_arena(kiln, model, out):
    r = subprocess.run([kiln, "compile", model, "-o", out, "--prefix", "model"], capture_output=True, text=True)
    if r.returncode != 0:
        msg = (r.stderr.strip().splitlines() or ["exit %d" % r.returncode])[-1]
        msg = msg.removeprefix("kiln: error: ").removeprefix(model + ": ")
        return None, msg
    try:
        with open(os.path.join(out, "model.json")) as f:
            meta = json.load(f)
        return (int(meta["arena_bytes"]), int(meta["arena_lower_bound_bytes"])), ""
    except (OSError, ValueError, KeyError) as e:
        return None, f"cannot read model.json: {e}"


def main():
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiln", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--report", required=True, help="JSON written by `kiln test --report`")
    ap.add_argument("--work", required=True, help="folder for `kiln compile` outputs")
    ap.add_argument("--digits-status", type=int, default=None, help="exit status of Examples/digits/check.py")
    ap.add_argument("--allow-unsupported", action="store_true")
    ap.add_argument("--extra", action="append", default=[], metavar="NAME=MODEL", help="more models for the table")
    args = ap.parse_args()

    try:
        with open(args.report) as f:
            results = {r["name"]: r for r in json.load(f)}
    except (OSError, ValueError) as e:
        print(f"model tests: cannot read the kiln test report {args.report}: {e}", file=sys.stderr)
        results = {}

    cases = [(d, os.path.join(args.cache, d, "model.onnx")) for d in sorted(os.listdir(args.cache))
             if os.path.isfile(os.path.join(args.cache, d, "model.onnx"))]
    extras = [tuple(e.partition("=")[::2]) for e in args.extra]
    labels = {"passed": "PASS", "failed": "FAIL", "unsupported": "UNSUPPORTED", "error": "ERROR"}

    problems = []
    width = max([len(n) for n, _ in cases + extras] + [5])
    print(f"\n{'model':<{width}}  {'kiln test':<11}  {'arena B':>9}  {'lower bound B':>13}  {'ratio':>6}")
    for name, path in cases + extras:
        if (name, path) in extras:
            shown = "-"
        else:
            st = results.get(name, {}).get("status")
            shown = "MISSING" if st is None else labels.get(st, str(st))
        arena, why = compile_arena(args.kiln, path, os.path.join(args.work, name))
        if arena is None:
            print(f"{name:<{width}}  {shown:<11}  {'-':>9}  {'-':>13}  {'-':>6}  ({why[:110]})")
            continue
        a, lb = arena
        ratio = a / lb if lb > 0 else 1.0
        flag = ""
        if name.startswith("mlperf_") and a > ARENA_SLACK * lb:
            flag = f"  <- above {ARENA_SLACK}x the lower bound"
            problems.append(f"{name}: arena {a} B is above {ARENA_SLACK} x its lower bound {lb} B")
        print(f"{name:<{width}}  {shown:<11}  {a:>9}  {lb:>13}  {ratio:>6.3f}{flag}")

    # Verdict.
    unsupported = []
    for name, _ in cases:
        r = results.get(name)
        st = r.get("status") if r else None
        if st is None:
            problems.append(f"{name}: missing from the kiln test report")
        elif st in ("failed", "error"):
            problems.append(f"{name}: {st}: {r.get('detail', '')[:300]}")
        elif st == "unsupported":
            unsupported.append(name)
    if unsupported and not args.allow_unsupported:
        problems.append(f"{len(unsupported)} unsupported case(s) (reasons above): {', '.join(unsupported)}")
    if args.digits_status is not None:
        if args.digits_status == 2 and not args.allow_unsupported:
            problems.append("digits check: Kiln does not support the model yet")
        elif args.digits_status not in (0, 2):
            problems.append(f"digits check: failed (exit {args.digits_status})")

    counts = {}
    for r in results.values():
        counts[r.get("status")] = counts.get(r.get("status"), 0) + 1
    print(f"\nmodel tests: {counts.get('passed', 0)} passed, {counts.get('failed', 0)} failed, "
          f"{counts.get('error', 0)} errors, {counts.get('unsupported', 0)} unsupported "
          f"(of {len(results)} cases); digits check: "
          + {None: "not run", 0: "PASS", 2: "UNSUPPORTED"}.get(args.digits_status, "FAIL"))
    if problems:
        print("model tests FAILED:", file=sys.stderr)
        for p in problems:
            print("  " + p, file=sys.stderr)
        return 1
    print("model tests OK" + (" (unsupported cases tolerated)" if args.allow_unsupported else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
