#!/usr/bin/env python3
"""`make bench`: Kiln measured side by side with TensorFlow Lite Micro in the same run; writes docs/BENCHMARKS.md.

    python3 scripts/bench.py [--kiln .build/debug/kiln] [--models DIR] [--out docs/BENCHMARKS.md]
                             [--work .cache/bench] [--jobs 2] [--boards B,B,...] [--only ID,ID,...]

Models: the MLPerf Tiny models (float32 and int8 QDQ ONNX with their .tflite twins) from --models (default
$KILN_MODELS, else ../shared/models/mlperf-tiny relative to the repository root; skipped with a message when absent),
plus Examples/digits (ONNX only). Every model gets one fixed input (below), the same for every measurement.

1. Host (x86-64), instructions of one inference counted by valgrind's callgrind (repeatable):
   - Kiln: `kiln compile MODEL --prefix net --harness`, the generated Makefile (host cc, -std=c99 -O2), callgrind
     collecting only inside `net_invoke`;
   - TFLM: scripts/bench_tflm.py (pip `tflite-micro`, requirements-bench.txt) under callgrind collecting only inside
     `tflite::micro::MicroInterpreter::Invoke()`, two invocations dumped separately (they must be equal);
   - arena: Kiln's arena_bytes / arena_lower_bound_bytes vs TFLM's RecordingMicroAllocator head (non-persistent) and
     total; flash: Kiln's code (.text of the model and kernel objects) and constants, the .tflite size;
   - outputs of both compared with onnxruntime (1 thread, no graph optimizations) on the same input.
2. Boards: `kiln run MODEL --target B --stats-json F` (Kiln's QEMU TCG plugin: exact instructions of one inference,
   text/rodata/data/bss, arena, painted stack) on each board; every model runs twice on the first board to show the
   counts repeat. Board outputs are checked against the host Kiln output.

A model that `kiln compile` rejects shows "unsupported" (with Kiln's message in a note); one that exceeds a board's
memory shows "does not fit". Raw results go to WORK/results.json. Exit status 0 when the document was written.
"""
import argparse
import concurrent.futures as cf
import datetime
import json
import os
import pickle
import platform
import re
import shutil
import subprocess
import sys
import threading
import time

for _v in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(ROOT, "Tests", "models"))

MLPERF = [("kws_dscnn", "KWS DS-CNN"), ("vww_mobilenet", "VWW MobileNetV1 0.25"), ("ic_resnet8", "IC ResNet-8"),
          ("ad_autoencoder", "AD autoencoder")]
BOARDS = ["cortex-m4", "cortex-m7", "cortex-m55", "riscv32", "riscv32-v", "xtensa-lx106", "cortex-a9"]
SOFT_FLOAT = {"riscv32", "xtensa-lx106"}
TFLM_INVOKE = "tflite::micro::MicroInterpreter::Invoke()"
KILN_INVOKE = "net_invoke"
TFLM_SUBGRAPH = "tflite::micro::MicroInterpreterGraph::InvokeSubgraph(int)"
# Kernel groups for the host breakdown: (group, regex searched case-insensitively in the Kiln kernel / TFLM Eval
# function name, first match wins). A model whose Kiln kernels do not separate depthwise from other convolutions
# (one quantized conv kernel for both) is compared on "Conv + DepthwiseConv".
DEPTHWISE, CONV, CONV_ALL = "DepthwiseConv", "Conv (Kiln: general and pointwise kernels)", "Conv + DepthwiseConv"
GROUPS = [
    (DEPTHWISE, r"depthwise"),
    (CONV, r"conv"),
    ("MatMul / Gemm / FullyConnected", r"gemm|matmul|fullyconnected"),
    ("Add", r"add(?!ing)"),
    ("Relu (TFLM fuses it into the op before)", r"relu"),
    ("Softmax", r"softmax"),
    ("pooling", r"pool|^AverageEval|^MaxEval"),
    ("Quantize / Dequantize", r"quant"),
    ("layout copies (Transpose, Reshape, strided copy)", r"strided|transpose|copy|reshape"),
]
RTOL, ATOL = 1e-3, 1e-4

_print_lock = threading.Lock()


def log(msg):
    with _print_lock:
        print(msg, flush=True)


def run(cmd, cwd=None, timeout=1800, env=None):
    try:
        return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(cmd, 124, "", f"timed out after {timeout} s")
    except OSError as e:
        return subprocess.CompletedProcess(cmd, 127, "", f"cannot run {cmd[0]}: {e}")


def first_line(text, default=""):
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return default


def kiln_message(r, model):
    """Kiln's one-line error, without the 'kiln: error: FILE: ' prefix."""
    lines = [l for l in (r.stderr + "\n" + r.stdout).splitlines() if "error" in l] or (r.stderr + r.stdout).splitlines()
    msg = lines[-1].strip() if lines else f"exit status {r.returncode}"
    msg = msg.removeprefix("kiln: error: ").removeprefix(model + ": ")
    return msg


def classify(r, model):
    """(status, message) of a failed kiln compile/run: unsupported, does not fit, or failed."""
    msg = kiln_message(r, model)
    if re.search(r"bytes of (RAM|flash)|does not fit .*memory|region .* overflowed", msg):
        return "does not fit", msg
    if r.returncode == 2:
        return "unsupported", msg
    return "failed", msg


# ---------------------------------------------------------------- models and inputs

def models_dir(arg):
    return arg or os.environ.get("KILN_MODELS") or os.path.normpath(os.path.join(ROOT, "..", "shared", "models", "mlperf-tiny"))


def onnx_input(path):
    import onnx
    m = onnx.load(path, load_external_data=False)
    inits = {t.name for t in m.graph.initializer}
    inp = next(i for i in m.graph.input if i.name not in inits)
    tt = inp.type.tensor_type
    return inp.name, [d.dim_value for d in tt.shape.dim], onnx.helper.tensor_dtype_to_np_dtype(tt.elem_type)


def collect_models(mdir):
    """List of model dicts: id, label, onnx, tflite (or None), dtype, input (numpy array)."""
    models = []
    if os.path.isdir(mdir):
        from make_mlperf_cases import FALLBACK_INPUT_QUANT, input_quant
        for name, label in MLPERF:
            f32, i8 = (os.path.join(mdir, f"{name}_{k}.onnx") for k in ("f32", "int8"))
            if not os.path.isfile(f32) and not os.path.isfile(i8):
                log(f"bench: skipping {name}: no ONNX file in {mdir}")
                continue
            q = (input_quant(i8) if os.path.isfile(i8) else None) or FALLBACK_INPUT_QUANT[name]
            scale, zp = q
            for kind, path in (("f32", f32), ("int8", i8)):
                if not os.path.isfile(path):
                    continue
                in_name, shape, dtype = onnx_input(path)
                raw = np.random.default_rng(0).integers(-128, 128, shape).astype(np.int8)
                if kind == "f32":
                    x = ((raw.astype(np.float32) - np.float32(zp)) * np.float32(scale)).astype(np.float32)
                else:
                    x = raw
                tfl = path[:-5] + ".tflite"
                models.append(dict(id=f"{name}_{kind}", label=f"{label} {'float32' if kind == 'f32' else 'int8'}",
                                   onnx=path, tflite=tfl if os.path.isfile(tfl) else None, input_name=in_name,
                                   input=x, quant=(scale, zp)))
    else:
        log(f"bench: skipping MLPerf Tiny models: KILN_MODELS={mdir} not found")
    digits = os.path.join(ROOT, "Examples", "digits", "digits.onnx")
    if os.path.isfile(digits):
        in_name, shape, dtype = onnx_input(digits)
        imgs = np.fromfile(os.path.join(ROOT, "Examples", "digits", "test_images.f32"), dtype=np.float32)
        x = imgs[:int(np.prod(shape))].reshape(shape)
        models.append(dict(id="digits", label="Examples/digits", onnx=digits, tflite=None, input_name=in_name,
                           input=x))
    return models


def write_inputs(m, work):
    from onnx import numpy_helper
    d = os.path.join(work, "inputs", m["id"])
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "input_0.pb"), "wb") as f:
        f.write(numpy_helper.from_array(m["input"], m["input_name"]).SerializeToString())
    m["input"].tofile(os.path.join(d, "in_0.bin"))
    np.save(os.path.join(d, "input.npy"), m["input"])
    m["input_dir"] = d


def ort_output(m):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    sess = ort.InferenceSession(m["onnx"], so, providers=["CPUExecutionProvider"])
    return sess.run(None, {sess.get_inputs()[0].name: m["input"]})[0]


# ---------------------------------------------------------------- callgrind

def callgrind_total(path):
    with open(path) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                return int(line.split()[1])
    raise RuntimeError(f"no totals in {path}")


def callgrind_callees(files, caller):
    """Instructions spent in each function `caller` calls (inclusive), in the last of `files` (callgrind dumps of one
    run, read in order because compressed names are defined once per run; file and object names have their own ids
    and are not needed): ({callee: Ir}, Ir of caller's own code)."""
    names = {}

    def name(spec):
        spec = spec.strip()
        m = re.match(r"\((\d+)\)\s*(.*)", spec)
        if not m:
            return spec
        if m.group(2):
            names[m.group(1)] = m.group(2)
        return names.get(m.group(1), spec)
    callees, own = {}, 0
    for path in files:
        callees, own = {}, 0
        fn = cfn = None
        after_calls = False
        with open(path) as f:
            for line in f:
                if line.startswith("fn="):
                    fn = name(line[3:])
                elif line.startswith("cfn="):
                    cfn = name(line[4:])
                elif line.startswith("calls="):
                    after_calls = True
                elif line[:1].isdigit() or line[:1] in "+-*":
                    if fn == caller:
                        cost = int(line.split()[-1])
                        if after_calls:
                            callees[cfn] = callees.get(cfn, 0) + cost
                        else:
                            own += cost
                    after_calls = False
    return callees, own


def group_costs(callees, total):
    """{group: Ir} from {function: inclusive Ir}; what no group matches is 'other: NAME'; the rest of `total`
    (the caller's own code: Kiln's invoke, TFLM's interpreter loop and Invoke) is 'dispatch'."""
    out = {}
    for fn, ir in callees.items():
        short = re.sub(r"\(.*$", "", fn.replace("(anonymous namespace)", "anonymous")).split("::")[-1]
        g = next((g for g, rx in GROUPS if re.search(rx, short, re.IGNORECASE)), None)
        if g is None:
            g = "other: " + short if ir * 200 >= total else "other"
        out[g] = out.get(g, 0) + ir
    out["dispatch (invoke loop, interpreter)"] = total - sum(callees.values())
    return out


def object_sizes(objs, size_tool="size"):
    """Bytes of .text*, .rodata*, .data* over object files (SysV `size -A`)."""
    out = {"text": 0, "rodata": 0, "data": 0, "bss": 0}
    r = run([size_tool, "-A"] + objs)
    for line in r.stdout.splitlines():
        p = line.split()
        if len(p) < 2 or not p[1].isdigit():
            continue
        name, n = p[0], int(p[1])
        for k in out:
            if name == "." + k or name.startswith("." + k + "."):
                out[k] += n
    return out


def host_kiln(kiln, m, work):
    d = os.path.join(work, "host-kiln", m["id"])
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(os.path.dirname(d), exist_ok=True)
    r = run([kiln, "compile", m["onnx"], "-o", d, "--prefix", "net", "--harness"])
    if r.returncode != 0:
        status, msg = classify(r, m["onnx"])
        return dict(status=status, message=msg)
    r = run(["make", "-C", d, "-j1"])
    if r.returncode != 0:
        return dict(status="failed", message="host build: " + first_line(r.stderr + r.stdout))
    with open(os.path.join(d, "net.json")) as f:
        meta = json.load(f)
    shutil.copy(os.path.join(m["input_dir"], "in_0.bin"), os.path.join(d, "in_0.bin"))
    cg = os.path.join(d, "callgrind.out")
    r = run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", f"--toggle-collect={KILN_INVOKE}",
             "./net.elf", "@kiln", "0", "in_0.bin", "out_0.bin"], cwd=d)
    if r.returncode != 0:
        return dict(status="failed", message="callgrind run: " + first_line(r.stderr[-2000:]))
    o = meta["outputs"][0]
    dtype = np.dtype(o["dtype"])
    out = np.fromfile(os.path.join(d, "out_0.bin"), dtype=dtype).reshape(o["shape"])
    objs = sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".o") and f != "main.o")
    sizes = object_sizes(objs)
    total = callgrind_total(cg)
    callees, _ = callgrind_callees([cg], KILN_INVOKE)
    return dict(status="ok", instructions=total, output=out, callees=callees, arena=meta["arena_bytes"],
                arena_lb=meta["arena_lower_bound_bytes"], weights=meta["weights_bytes"], macs=meta["macs"],
                code_text=sizes["text"], rodata=sizes["rodata"] + sizes["data"])


def host_tflm(m, work):
    if not m["tflite"]:
        return dict(status="n/a", message="no .tflite twin")
    d = os.path.join(work, "host-tflm", m["id"])
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    cg = os.path.join(d, "callgrind.out")
    out = os.path.join(d, "output.npy")
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    r = run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={cg}", f"--toggle-collect={TFLM_INVOKE}",
             f"--dump-after={TFLM_INVOKE}", sys.executable, os.path.join(HERE, "bench_tflm.py"), m["tflite"],
             os.path.join(m["input_dir"], "input.npy"), out], cwd=d, env=env)
    if r.returncode != 0:
        tail = [l for l in r.stderr.splitlines() if l.strip() and not l.startswith("==")]
        return dict(status="failed", message="TFLM: " + (tail[-1] if tail else f"exit status {r.returncode}"))
    counts = [callgrind_total(f"{cg}.{k}") for k in (1, 2)]
    text = r.stdout + r.stderr
    alloc = {k: int(v) for k, v in re.findall(r"Arena allocation (head|tail|total) (\d+) bytes", text)}
    callees, _ = callgrind_callees([f"{cg}.1", f"{cg}.2"], TFLM_SUBGRAPH)
    return dict(status="ok", instructions=counts[1], instructions_first=counts[0], output=np.load(out),
                callees=callees,
                arena_head=alloc.get("head"), arena_tail=alloc.get("tail"), arena_total=alloc.get("total"),
                tflite_bytes=os.path.getsize(m["tflite"]))


def board_run(kiln, m, board, work, rep):
    d = os.path.join(work, "boards", board, m["id"] + (f".{rep}" if rep else ""))
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    stats = os.path.join(d, "stats.json")
    t0 = time.time()
    r = run([kiln, "run", m["onnx"], "--target", board, "--inputs", m["input_dir"], "--outputs",
             os.path.join(d, "out"), "--stats-json", stats])
    secs = time.time() - t0
    if r.returncode != 0:
        status, msg = classify(r, m["onnx"])
        return dict(status=status, message=msg, seconds=secs)
    with open(stats) as f:
        s = json.load(f)
    from onnx import numpy_helper, TensorProto
    t = TensorProto()
    with open(os.path.join(d, "out", "output_0.pb"), "rb") as f:
        t.ParseFromString(f.read())
    s.update(status="ok", output=numpy_helper.to_array(t), seconds=secs)
    return s


# ---------------------------------------------------------------- versions

def tool_version(cmd):
    r = run(cmd, timeout=60)
    return first_line(r.stdout + r.stderr, "not found") if r.returncode in (0, 1) else "not found"


def versions(kiln, boards):
    import importlib.metadata as md
    v = {}
    git = run(["git", "-C", ROOT, "rev-parse", "--short=12", "HEAD"]).stdout.strip()
    dirty = run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"]).stdout.strip()
    v["Kiln"] = f"commit {git}" + (" (with uncommitted changes)" if dirty else "") + f", `{os.path.relpath(kiln, ROOT)}`"
    v["Swift"] = tool_version(["swift", "--version"])
    v["host cc"] = tool_version(["cc", "--version"])
    v["valgrind"] = tool_version(["valgrind", "--version"])
    v["Python"] = platform.python_version()
    for p in ("tflite-micro", "numpy", "onnx", "onnxruntime"):
        try:
            v[p] = md.version(p)
        except md.PackageNotFoundError:
            v[p] = "not installed"
    try:
        from tflite_micro.python.tflite_micro import _version
        v["tflite-micro"] += f" (`{_version.__version__}`)"
    except Exception:
        pass
    seen = set()
    for b in boards:
        with open(os.path.join(ROOT, "toolchains", b + ".json")) as f:
            t = json.load(f)
        if t["cc"] not in seen:
            seen.add(t["cc"])
            v[t["cc"]] = tool_version([t["cc"], "--version"])
        q = t.get("qemu", {}).get("binary")
        if q and q not in seen:
            seen.add(q)
            v[q] = tool_version([q, "--version"])
    v["CPU"] = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")),
                    platform.processor()) if os.path.exists("/proc/cpuinfo") else platform.processor()
    return v


def tflm_build_info():
    """What the wheel's _runtime.so says about its own build (the flags are not recorded in it)."""
    try:
        from tflite_micro.python.tflite_micro import _runtime
        so = _runtime.__file__
    except Exception:
        return None
    comment = run(["readelf", "-p", ".comment", so]).stdout
    gcc = re.search(r"GCC: \(GNU\) [^\n]*", comment)
    notes = run(["readelf", "-n", so]).stdout
    isa = re.search(r"x86 ISA used: ([^\n]*)", notes)
    nm = run(["nm", so]).stdout
    clones = len(re.findall(r"\.(isra|constprop|part)\.\d", nm))
    text = object_sizes([so])["text"]
    return dict(path=so, compiler=gcc.group(0) if gcc else "unknown", isa=isa.group(1).strip() if isa else "unknown",
                clones=clones, text=text)


# ---------------------------------------------------------------- report

def fmt(n):
    return f"{n:,}" if isinstance(n, int) else str(n)


class Notes:
    def __init__(self):
        self.items = []

    def ref(self, text):
        if text not in self.items:
            self.items.append(text)
        return f"[{self.items.index(text) + 1}]"

    def render(self):
        return "\n".join(f"{i + 1}. {t}" for i, t in enumerate(self.items))


def max_diff(a, b):
    if a is None or b is None or np.shape(a) != np.shape(b):
        return None
    if np.issubdtype(np.asarray(a).dtype, np.integer):
        return int(np.max(np.abs(np.asarray(a, np.int64) - np.asarray(b, np.int64)))) if np.size(a) else 0
    return float(np.max(np.abs(np.asarray(a, np.float64) - np.asarray(b, np.float64)))) if np.size(a) else 0.0


def fmt_diff(d, integer):
    if d is None:
        return "—"
    if integer:
        return f"{d} LSB"
    return "0" if d == 0 else f"{d:.1e}"


def close(a, b, integer):
    if a is None or b is None or np.shape(a) != np.shape(b):
        return False
    if integer:
        return max_diff(a, b) <= 1
    return bool(np.allclose(np.asarray(a, np.float64), np.asarray(b, np.float64), rtol=RTOL, atol=ATOL))


def status_cell(res, notes):
    st = res.get("status", "missing")
    if st == "ok":
        return None
    if st == "n/a":
        return "n/a"
    return f"{st} {notes.ref(res.get('message', ''))}"


def render(models, boards, repeat_board, host, tflm, brd, rep, ref, vers, tflm_info, started, elapsed, jobs):
    notes = Notes()
    L = []
    flash_board = boards[0] if boards else "—"

    def macs_of(m):
        """MACs from Kiln's metadata for this model, else its float32/int8 twin's (same architecture)."""
        for i in (m["id"], m["id"].replace("_int8", "_f32"), m["id"].replace("_f32", "_int8")):
            h = host.get(i, {})
            if h.get("macs"):
                return h["macs"]
            for b in boards:
                if brd.get((i, b), {}).get("macs"):
                    return brd[(i, b)]["macs"]
        return None
    date = started.strftime("%Y-%m-%d %H:%M UTC")
    L += ["# Benchmarks", "",
          f"Generated by `make bench` (`scripts/bench.py`) on {date} in {elapsed / 60:.1f} min "
          f"({jobs} parallel jobs); do not edit by hand, re-run `make bench`.", "",
          "Kiln is measured side by side with **TensorFlow Lite Micro** (TFLM, the `tflite-micro` wheel pinned in "
          "`requirements-bench.txt`) in the same run, on the same input per model. Instruction counts are exact "
          "and repeatable: on the host they come from valgrind's callgrind (instructions retired by the x86-64 CPU "
          "model), on boards from Kiln's QEMU TCG plugin (`toolchains/qemu-plugin/kiln_icount.c`, instructions "
          "executed between the harness's two markers around `<prefix>_invoke`). Instruction counts are not cycles "
          "(no caches, pipelines or flash wait states), but they are the same on every run.", ""]
    summary_at = len(L)
    # ------------------------------------------------ host
    L += ["## Host (x86-64): Kiln vs TFLM", "",
          "Instructions of one inference. Kiln: callgrind collecting only inside `net_invoke`. TFLM: callgrind "
          "collecting only inside `tflite::micro::MicroInterpreter::Invoke()` (every kernel plus the interpreter's "
          "dispatch); Invoke runs twice and the second call is quoted. The last columns compare each output with "
          "onnxruntime on the ONNX model (max absolute difference; LSB for int8 outputs).", "",
          "| model | MACs | Kiln instructions | TFLM instructions | TFLM / Kiln | Kiln instr/MAC | TFLM instr/MAC "
          "| Kiln vs ORT | TFLM vs ORT |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for m in models:
        h, t = host[m["id"]], tflm[m["id"]]
        macs = macs_of(m)
        kc = status_cell(h, notes) or fmt(h["instructions"])
        tc = status_cell(t, notes) or fmt(t["instructions"])
        ratio = f"{t['instructions'] / h['instructions']:.2f}×" if h.get("status") == t.get("status") == "ok" else "—"
        kpm = f"{h['instructions'] / macs:.1f}" if h.get("status") == "ok" and macs else "—"
        tpm = f"{t['instructions'] / macs:.1f}" if t.get("status") == "ok" and macs else "—"
        r = ref.get(m["id"])
        out_int = r is not None and np.issubdtype(np.asarray(r).dtype, np.integer)
        kd = fmt_diff(max_diff(h.get("output"), r), out_int) if h.get("status") == "ok" else "—"
        td = fmt_diff(max_diff(t.get("output"), r), out_int) if t.get("status") == "ok" else "—"
        L.append(f"| {m['label']} | {fmt(macs) if macs else '—'} | {kc} | {tc} | {ratio} | {kpm} | {tpm} | {kd} | {td} |")
    same = [m["id"] for m in models if tflm[m["id"]].get("status") == "ok"]
    differ = [i for i in same if tflm[i]["instructions"] != tflm[i]["instructions_first"]]
    L += ["", (f"TFLM's first and second Invoke executed the same number of instructions for all {len(same)} models."
               if not differ else "TFLM's first and second Invoke differ for: " + ", ".join(
                   f"{i} ({fmt(tflm[i]['instructions_first'])} then {fmt(tflm[i]['instructions'])})" for i in differ)),
          ""]
    L += ["### Where the host instructions go", "",
          "Instructions per kernel group (callgrind, inclusive cost of the calls made by Kiln's `net_invoke` and by "
          "TFLM's `MicroInterpreterGraph::InvokeSubgraph`, i.e. each op's Eval; *dispatch* is the rest: Kiln's "
          "invoke itself, TFLM's interpreter loop and Invoke). A \"—\" on one side means that runtime has no "
          "separate kernel for the group: TFLM fuses activations into Conv/FullyConnected/Add; Kiln's passes fuse "
          "what they can into the convolution or GEMM before them (Relu, and for int8 the residual Add and the "
          "requantization), otherwise Relu runs as its own step. When Kiln's kernels do not separate depthwise "
          "from other convolutions (its int8 convolution kernel does both), both sides are compared on "
          "\"Conv + DepthwiseConv\".", "",
          "| model | kernel group | Kiln | TFLM | TFLM / Kiln |", "|---|---|---:|---:|---:|"]
    for m in models:
        h, t = host[m["id"]], tflm[m["id"]]
        if t.get("status") != "ok" or "callees" not in t:
            continue
        tb = group_costs(t["callees"], t["instructions"])
        kb = group_costs(h["callees"], h["instructions"]) if h.get("status") == "ok" and "callees" in h else {}
        if kb and (DEPTHWISE in kb) != (DEPTHWISE in tb):
            for b in (kb, tb):
                b[CONV_ALL] = b.pop(CONV, 0) + b.pop(DEPTHWISE, 0)
        order = [DEPTHWISE, CONV, CONV_ALL] + [g for g, _ in GROUPS if g not in (DEPTHWISE, CONV)]
        order += sorted(k for k in set(kb) | set(tb) if k not in order)
        for g in order:
            k, t = kb.get(g), tb.get(g)
            if not k and not t:
                continue
            ratio = f"{t / k:.2f}×" if k and t else "—"
            L.append(f"| {m['label']} | {g} | {fmt(k) if k else '—'} | {fmt(t) if t else '—'} | {ratio} |")
    L.append("")
    L += ["### Memory on the host", "",
          "RAM: Kiln's arena (`arena_bytes`: every activation, input and output; `arena_lower_bound_bytes`: the "
          "largest set of tensors live at once, which no plan can beat) next to TFLM's arena as its "
          "RecordingMicroAllocator reports it after AllocateTensors: *head* is the non-persistent part (activations, "
          "inputs, outputs, scratch), *total* adds the persistent tail (tensor structs, node data, kernel "
          "buffers). Flash: Kiln's constants (`weights_bytes`) and what the model takes in a board's flash (`text + "
          f"rodata + data` of the model and its kernels on {flash_board}, code in parentheses; see the board tables); "
          "for TFLM the `.tflite` flatbuffer it reads at run time (its interpreter and "
          "kernels come on top: the wheel's `_runtime.so` has "
          + (f"{fmt(tflm_info['text'])} bytes of `.text` with every TFLM kernel and the Python bindings"
             if tflm_info else "an unknown amount of code") + ").", "",
          "| model | Kiln arena | Kiln lower bound | TFLM arena head | TFLM arena total | Kiln weights | "
          f"Kiln flash on {flash_board} (code) | .tflite | ONNX |",
          "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    def flash_cell(m):
        r = brd.get((m["id"], flash_board), {"status": "missing", "message": "not run"})
        return status_cell(r, notes) or f"{fmt(r['text_bytes'] + r['rodata_bytes'] + r['data_bytes'])} ({fmt(r['text_bytes'])})"

    for m in models:
        h, t = host[m["id"]], tflm[m["id"]]
        hs = status_cell(h, notes)
        ts = status_cell(t, notes)
        L.append("| " + " | ".join([
            m["label"], hs or fmt(h["arena"]), hs or fmt(h["arena_lb"]),
            ts or fmt(t.get("arena_head") or "?"), ts or fmt(t.get("arena_total") or "?"),
            hs or fmt(h["weights"]), flash_cell(m),
            fmt(os.path.getsize(m["tflite"])) if m["tflite"] else "—", fmt(os.path.getsize(m["onnx"]))]) + " |")
    L.append("")
    # ------------------------------------------------ boards
    shown = [m for m in models if any(brd.get((m["id"], b), {}).get("status") in ("ok", "does not fit", "failed")
                                      for b in boards)]
    hidden = [m for m in models if m not in shown] if boards else []

    def board_table(title, intro, cell):
        L.extend([f"### {title}", "", intro, "", "| model | " + " | ".join(boards) + " |",
                  "|---|" + "---:|" * len(boards)])
        for m in shown:
            cells = []
            for b in boards:
                res = brd.get((m["id"], b), {"status": "missing", "message": "not run"})
                cells.append(status_cell(res, notes) or cell(m, b, res))
            L.append(f"| {m['label']} | " + " | ".join(cells) + " |")
        L.append("")

    mismatch = []

    def instr_cell(m, b, res):
        h = host[m["id"]]
        integer = np.issubdtype(np.asarray(res["output"]).dtype, np.integer)
        ok = close(res["output"], h.get("output"), integer) if h.get("status") == "ok" else True
        if not ok:
            mismatch.append((m["id"], b, max_diff(res["output"], h.get("output"))))
        return fmt(res["instructions"]) + ("" if ok else " " + notes.ref(
            "output differs from the host Kiln output beyond rtol 1e-3 / atol 1e-4 (float) or 1 LSB (int8)"))

    if boards:
        L += ["## Boards (Kiln, QEMU)", "",
              "`kiln run MODEL --target BOARD --inputs DIR --outputs DIR --stats-json F` per model and board, same "
              "inputs as on the host; each board's output was compared with the host Kiln output (rtol 1e-3, atol "
              f"1e-4; 1 LSB for int8). Board descriptions: `kiln targets` and `toolchains/*.json`; code is built with "
              "the board's GCC, `-std=c99 -O2 -ffunction-sections -fdata-sections` plus its CPU flags. riscv32 and "
              "xtensa-lx106 have no FPU, so float models run on soft-float library calls there."
              + ("" if not hidden else " Not in these tables because `kiln compile` rejects them: " + ", ".join(
                  f"{m['label']} {status_cell(next(brd[(m['id'], b)] for b in boards), notes)}" for m in hidden) + "."),
              ""]
        board_table("Instructions per inference", "Exact instructions of one inference (QEMU plugin).", instr_cell)
        board_table("Instructions per MAC", "Instructions of one inference divided by the model's multiply-accumulates.",
                    lambda m, b, r: f"{r['instructions'] / r['macs']:.1f}" if r.get("macs") else "—")
        board_table("Flash", "Bytes of flash the model takes: `text + rodata + data` of the generated model and the "
                    "kernels it links (from the linker map; the harness, C library and startup code excluded), code "
                    "(`text`) in parentheses. Weights are part of `rodata`.",
                    lambda m, b, r: f"{fmt(r['text_bytes'] + r['rodata_bytes'] + r['data_bytes'])} ({fmt(r['text_bytes'])})")
        board_table("RAM: arena", "Bytes of the model's static arena (`arena_bytes`; lower bound in the host table). "
                    "The model keeps no other state (`bss`/`data` besides the arena: "
                    + ", ".join(sorted({fmt(r['bss_bytes'] + r['data_bytes']) for r in brd.values() if r.get('status') == 'ok'}))
                    + " bytes).",
                    lambda m, b, r: fmt(r["arena_bytes"]))
        board_table("RAM: stack", "Peak stack bytes of one inference, measured by painting the stack before the run.",
                    lambda m, b, r: fmt(r["stack_bytes"]) if r.get("stack_bytes") is not None else "—")
    # ------------------------------------------------ summary (written last, shown first)
    S = ["## Summary", ""]
    both = [m for m in models if host[m["id"]].get("status") == tflm[m["id"]].get("status") == "ok"]
    if both:
        ratios = [tflm[m["id"]]["instructions"] / host[m["id"]]["instructions"] for m in both]
        gm = float(np.exp(np.mean(np.log(ratios))))
        S.append(f"- Host x86-64, instructions per inference, TFLM / Kiln on the {len(both)} models both run: "
                 + ", ".join(f"{m['label']} {r:.2f}×" for m, r in zip(both, ratios))
                 + f" (geometric mean {gm:.2f}×; above 1 means Kiln executes fewer instructions).")
        arena = [(m, host[m["id"]]["arena"], tflm[m["id"]].get("arena_head"), tflm[m["id"]].get("arena_total"))
                 for m in both if tflm[m["id"]].get("arena_head")]
        if arena:
            S.append("- Arena, Kiln vs TFLM head (non-persistent) / total: " + ", ".join(
                f"{m['label']} {fmt(k)} vs {fmt(h)} / {fmt(t)} B" for m, k, h, t in arena) + ".")
    ok_host = [m for m in models if host[m["id"]].get("status") == "ok"]
    at_lb = [m for m in ok_host if host[m["id"]]["arena"] == host[m["id"]]["arena_lb"]]
    if ok_host:
        S.append(f"- Kiln's arena equals its lower bound (the largest set of simultaneously live tensors) on "
                 f"{len(at_lb)} of {len(ok_host)} models.")
    rejected = [m for m in models if host[m["id"]].get("status") in ("unsupported", "failed")]
    if rejected:
        S.append("- Not compiled by Kiln yet: " + ", ".join(
            f"{m['label']} {status_cell(host[m['id']], notes)}" for m in rejected)
            + "; their TFLM numbers are listed for reference and the rows fill in once `kiln compile` accepts them.")
    runs = [r for r in brd.values() if r.get("status") == "ok"]
    nofit = sorted({(m["label"], b) for m in models for b in boards
                    if brd.get((m["id"], b), {}).get("status") == "does not fit"})
    if boards:
        S.append(f"- Boards: {len(runs)} model × board runs under QEMU"
                 + (", every board output matches the host Kiln output" if not mismatch else
                    f", {len(mismatch)} outputs differ from the host Kiln output (marked)")
                 + (("; does not fit: " + ", ".join(f"{l} on {b}" for l, b in nofit)) if nofit else "") + ".")
    S.append("")
    L[summary_at:summary_at] = S
    if boards:
        # repeatability
        pairs = [(m["id"], brd.get((m["id"], repeat_board)), rep.get(m["id"])) for m in models]
        pairs = [(i, a, b) for i, a, b in pairs if a and b and a.get("status") == b.get("status") == "ok"]
        diffs = [(i, a["instructions"], b["instructions"]) for i, a, b in pairs if a["instructions"] != b["instructions"]]
        L += ["### Repeatability", ""]
        if pairs:
            L.append(f"Every model ran twice on {repeat_board} (separate builds and QEMU runs): "
                     + ("the instruction counts of the two runs are identical for all "
                        f"{len(pairs)} models." if not diffs else "counts differ for " + ", ".join(
                            f"{i} ({fmt(a)} vs {fmt(b)})" for i, a, b in diffs) + "."))
        else:
            L.append(f"No model ran twice on {repeat_board}.")
        L.append("")
    # ------------------------------------------------ setup
    L += ["## Setup", "",
          "- Inputs (one per model, identical for Kiln, TFLM and onnxruntime): MLPerf Tiny int8 models get "
          "`np.random.default_rng(0).integers(-128, 128, shape)` as int8; float32 models get that tensor dequantized "
          "with the int8 twin's input scale and zero point ("
          + ", ".join(f"{m['label'].rsplit(' ', 1)[0]}: {m['quant'][0]:.6g} / {m['quant'][1]}" for m in models
                      if m.get("quant") and m["id"].endswith("_f32"))
          + "), i.e. data set 0 of `Tests/models` and MODELS.md's check; Examples/digits: test image 0 of "
          "`test_images.f32`.",
          "- Models: MLPerf Tiny reference models (see MODELS.md next to them: ONNX converted from the .tflite "
          "files with tf2onnx, so both runtimes run the same weights); Examples/digits has no .tflite twin.",
          "- Host Kiln build: `kiln compile MODEL -o DIR --prefix net --harness`, then the generated Makefile: "
          "`cc -std=c99 -Wall -Wextra -Werror -O2` (generic C kernels, x86-64 baseline ISA, no `-march`).",
          "- Host TFLM build: the wheel's prebuilt `_runtime.so` (reference kernels; no CMSIS-NN or XNNPACK)"
          + (f", compiled by {tflm_info['compiler']} via Bazel; ISA {tflm_info['isa']}; the exact optimization "
             f"flags are not recorded in the binary, but it is optimized ({tflm_info['clones']} GCC IPA clones such "
             "as `.isra`/`.constprop` symbols, which GCC only makes at -O2 and above)" if tflm_info else "")
          + ". The two host builds therefore use different GCC versions (Kiln: the system's; TFLM: the wheel's).",
          f"- callgrind: `valgrind --tool=callgrind --toggle-collect=net_invoke ./net.elf ...` and "
          f"`valgrind --tool=callgrind --toggle-collect='{TFLM_INVOKE}' --dump-after='{TFLM_INVOKE}' python3 "
          "scripts/bench_tflm.py MODEL.tflite INPUT.npy OUTPUT.npy`; the quoted number is the `Ir` event total.",
          "- TFLM arena: `Interpreter.from_bytes(model)` (arena of 10× the model size, TFLM's default), then "
          "`print_allocations()`.",
          "", "Tool versions:", ""]
    L += [f"- {k}: {v}" for k, v in vers.items()]
    L.append("")
    if notes.items:
        L += ["## Notes", "", notes.render(), ""]
    return "\n".join(L), mismatch


# ---------------------------------------------------------------- main

def main():
    sys.stdout.reconfigure(line_buffering=True)
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiln", default=os.path.join(ROOT, ".build", "debug", "kiln"))
    ap.add_argument("--models", default=None, help="MLPerf Tiny folder (default $KILN_MODELS or ../shared/...)")
    ap.add_argument("--out", default=os.path.join(ROOT, "docs", "BENCHMARKS.md"))
    ap.add_argument("--work", default=os.path.join(ROOT, ".cache", "bench"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--boards", default=",".join(BOARDS), help="comma-separated boards (default: %(default)s)")
    ap.add_argument("--only", default="", help="comma-separated model ids (e.g. kws_dscnn_f32,digits)")
    ap.add_argument("--render-only", action="store_true",
                    help="rewrite --out from the results saved in WORK by the last run (no measurements)")
    args = ap.parse_args()
    work = os.path.abspath(args.work)
    if args.render_only:
        with open(os.path.join(work, "results.pickle"), "rb") as f:
            saved = pickle.load(f)
        return write_report(args.out, work, **saved)
    kiln = os.path.abspath(args.kiln)
    if not os.access(kiln, os.X_OK):
        print(f"bench: {kiln} not found; run `swift build` (make build) first", file=sys.stderr)
        return 1
    for tool in ("valgrind", "make", "size", "readelf"):
        if not shutil.which(tool):
            print(f"bench: `{tool}` not found (Debian: apt-get install {'valgrind' if tool == 'valgrind' else 'binutils make'})",
                  file=sys.stderr)
            return 1
    try:
        import tflite_micro  # noqa: F401
    except ImportError:
        print("bench: the tflite-micro wheel is missing: pip install -r requirements-bench.txt", file=sys.stderr)
        return 1
    boards = [b for b in args.boards.split(",") if b]
    for b in boards:
        if not os.path.isfile(os.path.join(ROOT, "toolchains", b + ".json")):
            print(f"bench: unknown board {b}", file=sys.stderr)
            return 1
    repeat_board = boards[0] if boards else None

    started = datetime.datetime.now(datetime.timezone.utc)
    t0 = time.time()
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    models = collect_models(models_dir(args.models))
    if args.only:
        keep = set(args.only.split(","))
        models = [m for m in models if m["id"] in keep]
    if not models:
        print("bench: no models", file=sys.stderr)
        return 1
    for m in models:
        write_inputs(m, work)
    log(f"bench: {len(models)} models ({', '.join(m['id'] for m in models)}), boards {', '.join(boards)}, "
        f"{args.jobs} jobs, work folder {work}")

    # MACs per model, to start the longest jobs first: one host `kiln compile` each.
    macs = {}
    for m in models:
        d = os.path.join(work, "meta", m["id"])
        r = run([kiln, "compile", m["onnx"], "-o", d, "--prefix", "net"])
        try:
            with open(os.path.join(d, "net.json")) as f:
                macs[m["id"]] = json.load(f)["macs"]
        except (OSError, ValueError, KeyError):
            macs[m["id"]] = 0 if r.returncode else 1
    jobs = []   # (estimated cost, name, fn)
    for m in models:
        mm = max(macs[m["id"]], 1)
        jobs.append((15 + mm / 1e5, ("host-kiln", m["id"]), lambda m=m: host_kiln(kiln, m, work)))
        jobs.append((20 + (mm / 2e4 if m["tflite"] else 0), ("host-tflm", m["id"]), lambda m=m: host_tflm(m, work)))
        for b in boards:
            cost = 5 + mm / (8e6 if b in SOFT_FLOAT else 1e8) * (10 if m["id"].endswith("int8") else 1)
            jobs.append((cost, ("board", m["id"], b), lambda m=m, b=b: board_run(kiln, m, b, work, 0)))
        if repeat_board:
            jobs.append((5, ("repeat", m["id"], repeat_board), lambda m=m: board_run(kiln, m, repeat_board, work, 1)))
    jobs.sort(key=lambda j: -j[0])
    results, timings = {}, {}

    def timed(name, fn):
        s = time.time()
        try:
            res = fn()
        except Exception as e:  # a broken job must not lose the others' results
            res = dict(status="failed", message=f"{type(e).__name__}: {e}")
        timings[name] = time.time() - s
        extra = f" {res['instructions']:,} instructions" if res.get("status") == "ok" and "instructions" in res else ""
        log(f"  {'/'.join(name)}: {res.get('status')}{extra}"
            + (f" ({res.get('message')})" if res.get("status") not in ("ok", "n/a") else "")
            + f" [{timings[name]:.0f} s]")
        return res

    with cf.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        futs = {ex.submit(timed, name, fn): name for _, name, fn in jobs}
        for f in cf.as_completed(futs):
            results[futs[f]] = f.result()

    ref = {}
    for m in models:
        try:
            ref[m["id"]] = ort_output(m)
        except Exception as e:
            log(f"bench: onnxruntime cannot run {m['id']}: {e}")
    saved = dict(models=models, boards=boards, repeat_board=repeat_board, results=results, timings=timings, ref=ref,
                 vers=versions(kiln, boards), tflm_info=tflm_build_info(), started=started,
                 elapsed=time.time() - t0, jobs=args.jobs)
    with open(os.path.join(work, "results.pickle"), "wb") as f:
        pickle.dump(saved, f)
    return write_report(args.out, work, **saved)


def write_report(out, work, models, boards, repeat_board, results, timings, ref, vers, tflm_info, started, elapsed,
                 jobs):
    host = {m["id"]: results[("host-kiln", m["id"])] for m in models}
    tflm = {m["id"]: results[("host-tflm", m["id"])] for m in models}
    brd = {(m["id"], b): results[("board", m["id"], b)] for m in models for b in boards}
    rep = {m["id"]: results[("repeat", m["id"], repeat_board)] for m in models} if repeat_board else {}
    doc, mismatch = render(models, boards, repeat_board, host, tflm, brd, rep, ref, vers, tflm_info, started,
                           elapsed, jobs)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w") as f:
        f.write(doc)

    def plain(v):
        if isinstance(v, np.ndarray):
            return v.tolist()
        if isinstance(v, (np.integer, np.floating)):
            return v.item()
        return v
    raw = {"started": started.isoformat(), "seconds": elapsed, "versions": vers,
           "results": [{"job": "/".join(k), "seconds": timings.get(k),
                        **{kk: plain(vv) for kk, vv in v.items() if kk != "output"}} for k, v in results.items()]}
    with open(os.path.join(work, "results.json"), "w") as f:
        json.dump(raw, f, indent=1)
    for i, b, d in mismatch:
        log(f"bench: WARNING {i} on {b}: output differs from the host Kiln output (max diff {d})")
    log(f"bench: wrote {os.path.relpath(out)} in {elapsed / 60:.1f} min (raw results: {os.path.relpath(work)}/results.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
