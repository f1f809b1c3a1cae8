"""Shared helpers for Tests/models/make_models.py and make_mlperf_cases.py.

- `Builder`: builds an ONNX graph with PyTorch-exporter-style names and seeded He/Glorot weights.
- `calibrate_batchnorm`: gives every BatchNormalization running statistics measured on sample inputs (then perturbed),
  as a trained network would have, so activations keep realistic magnitudes.
- `write_case`: writes `<out>/<name>/model.onnx` + `test_data_set_<k>/{input,output}_<i>.pb` with onnxruntime
  outputs (1 thread, ORT_DISABLE_ALL), after onnx.checker (full) and numerical cross-checks.
"""
import hashlib
import os
import shutil

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

RTOL, ATOL = 1e-3, 1e-4   # what `kiln test` uses for float32


# ---------------------------------------------------------------- onnxruntime

def ort_session(model, optimized=False):
    import onnxruntime as ort
    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    so.inter_op_num_threads = 1
    so.log_severity_level = 3
    so.graph_optimization_level = (ort.GraphOptimizationLevel.ORT_ENABLE_ALL if optimized
                                   else ort.GraphOptimizationLevel.ORT_DISABLE_ALL)
    data = model if isinstance(model, (bytes, str)) else model.SerializeToString()
    return ort.InferenceSession(data, so, providers=["CPUExecutionProvider"])


def run_session(sess, feeds):
    return sess.run(None, feeds)


# ---------------------------------------------------------------- graph building

class Builder:
    """Accumulates nodes and initializers. Names follow the PyTorch exporter: node `/<scope>/<Op>`, output
    `/<scope>/<Op>_output_0`, parameters `<scope>.weight` / `<scope>.bias`."""

    def __init__(self, name, opset, seed):
        self.name = name
        self.opset = opset
        self.rng = np.random.default_rng(seed)
        self.nodes, self.inits, self.inputs, self.outputs = [], [], [], []
        self._used = set()
        self._consts = {}

    # -- naming
    def _unique(self, base):
        name, k = base, 0
        while name in self._used:
            k += 1
            name = f"{base}_{k}"
        self._used.add(name)
        return name

    def input(self, name, shape, dtype=TensorProto.FLOAT):
        self.inputs.append(helper.make_tensor_value_info(name, dtype, shape))
        return name

    def output(self, tensor, shape, dtype=TensorProto.FLOAT):
        self.outputs.append(helper.make_tensor_value_info(tensor, dtype, shape))

    def init(self, name, array):
        name = self._unique(name)
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def const(self, value, dtype=np.float32, name=None):
        """A shared initializer for a small constant (scalar or list), e.g. Clip bounds or Reshape shapes."""
        arr = np.array(value, dtype=dtype)
        key = (arr.dtype.str, arr.shape, arr.tobytes(), name)
        if key not in self._consts:
            base = name or f"onnx::{'_'.join(str(v) for v in arr.ravel()[:4]) or 'empty'}_{arr.dtype.name}"
            self._consts[key] = self.init(base, arr)
        return self._consts[key]

    def op(self, op_type, inputs, scope="", outputs=1, **attrs):
        """Adds a node; returns its output name (or list of names when outputs > 1 or a list is given)."""
        node_name = self._unique(f"{scope}/{op_type}" if scope else f"/{op_type}")
        if isinstance(outputs, int):
            outs = [f"{node_name}_output_{i}" for i in range(outputs)]
        else:
            outs = list(outputs)
        for o in outs:
            if o:
                self._used.add(o)
        self.nodes.append(helper.make_node(op_type, list(inputs), outs, name=node_name, **attrs))
        return outs[0] if len(outs) == 1 else outs

    def constant_node(self, value, dtype, scope=""):
        """A Constant node (as exporters emit for scalars and shape pieces)."""
        t = numpy_helper.from_array(np.array(value, dtype=dtype))
        return self.op("Constant", [], scope, value=t)

    # -- weights
    def he(self, shape, fan_in):
        return (self.rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)

    def glorot(self, shape, fan_in, fan_out):
        lim = np.sqrt(6.0 / (fan_in + fan_out))
        return self.rng.uniform(-lim, lim, shape).astype(np.float32)

    def small(self, shape, scale=0.05):
        return (self.rng.standard_normal(shape) * scale).astype(np.float32)

    # -- layers
    def conv(self, x, cin, cout, k, scope, stride=1, pad=None, group=1, dilation=1, bias=True, dims=2):
        pad = dilation * (k // 2) if pad is None else pad
        w = self.he((cout, cin // group) + (k,) * dims, (cin // group) * k ** dims)
        ins = [x, self.init(f"{scope}.weight", w)]
        if bias:
            ins.append(self.init(f"{scope}.bias", self.small((cout,))))
        return self.op("Conv", ins, "/" + scope, dilations=[dilation] * dims, group=group,
                       kernel_shape=[k] * dims, pads=[pad] * (2 * dims), strides=[stride] * dims)

    def bn(self, x, c, scope, eps=1e-5):
        """BatchNormalization with random affine parameters; statistics are set by calibrate_batchnorm."""
        ins = [x,
               self.init(f"{scope}.weight", self.rng.uniform(0.5, 1.5, c).astype(np.float32)),
               self.init(f"{scope}.bias", (self.rng.standard_normal(c) * 0.2).astype(np.float32)),
               self.init(f"{scope}.running_mean", np.zeros(c, np.float32)),
               self.init(f"{scope}.running_var", np.ones(c, np.float32))]
        return self.op("BatchNormalization", ins, "/" + scope, epsilon=eps, momentum=0.9)

    def relu(self, x, scope):
        return self.op("Relu", [x], "/" + scope)

    def clip6(self, x, scope):
        return self.op("Clip", [x, self.const(0.0, name="clip.min"), self.const(6.0, name="clip.max")], "/" + scope)

    def gemm(self, x, fin, fout, scope):
        """nn.Linear as exported for 2-D input: Gemm(transB=1), weight [out, in]."""
        w = self.init(f"{scope}.weight", self.glorot((fout, fin), fin, fout))
        b = self.init(f"{scope}.bias", self.small((fout,)))
        return self.op("Gemm", [x, w, b], "/" + scope, alpha=1.0, beta=1.0, transB=1)

    def linear(self, x, fin, fout, scope):
        """nn.Linear as exported for N-D input: MatMul by the transposed weight [in, out], then Add bias."""
        w = self.init(f"onnx::MatMul_{scope}", self.glorot((fin, fout), fin, fout))
        y = self.op("MatMul", [x, w], "/" + scope)
        return self.op("Add", [self.init(f"{scope}.bias", self.small((fout,))), y], "/" + scope)

    def model(self, doc=""):
        graph = helper.make_graph(self.nodes, self.name, self.inputs, self.outputs, initializer=self.inits)
        graph.doc_string = doc
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", self.opset)],
                              producer_name="kiln-tests-models", producer_version="1")
        m.ir_version = 8 if self.opset <= 15 else 9
        return m


# ---------------------------------------------------------------- BatchNorm calibration

def _value_info(model):
    inferred = onnx.shape_inference.infer_shapes(model)
    return {vi.name: vi for vi in list(inferred.graph.value_info) + list(inferred.graph.output)}


def calibrate_batchnorm(model, samples, rng):
    """Sets every BatchNormalization's running mean/var from the activations that reach it on `samples` (a list of
    feed dicts), perturbed (mean += 0.1 std * N(0,1), var *= U(0.7, 1.4)) so the normalisation is non-trivial.
    Nodes are handled in graph order, each with the statistics of the previous ones already in place."""
    inits = {t.name: t for t in model.graph.initializer}
    for node in model.graph.node:
        if node.op_type != "BatchNormalization":
            continue
        probe = onnx.ModelProto()
        probe.CopyFrom(model)
        del probe.graph.output[:]
        probe.graph.output.append(helper.make_tensor_value_info(node.input[0], TensorProto.FLOAT, None))
        sess = ort_session(probe)
        acts = np.stack([run_session(sess, feeds)[0] for feeds in samples])  # [S, 1, C, ...]
        axes = tuple(i for i in range(acts.ndim) if i != 2)
        mean = acts.mean(axis=axes)
        var = acts.var(axis=axes)
        c = mean.shape[0]
        mean = mean + 0.1 * np.sqrt(var) * rng.standard_normal(c)
        var = np.maximum(var, 1e-3) * rng.uniform(0.7, 1.4, c)
        inits[node.input[3]].CopyFrom(numpy_helper.from_array(mean.astype(np.float32), node.input[3]))
        inits[node.input[4]].CopyFrom(numpy_helper.from_array(var.astype(np.float32), node.input[4]))
    return model


# ---------------------------------------------------------------- checks and case writing

def verify_model(model):
    onnx.checker.check_model(model, full_check=True)


def _within(got, want, rtol=RTOL, atol=ATOL):
    got = np.asarray(got, np.float64)
    want = np.asarray(want, np.float64)
    return got.shape == want.shape and bool(np.all(np.abs(got - want) <= atol + rtol * np.abs(want)))


def _max_diff(a, b):
    a = np.asarray(a, np.float64)
    b = np.asarray(b, np.float64)
    return float(np.max(np.abs(a - b))) if a.size else 0.0


def _inference_batchnorm_op():
    """onnx.reference runs BatchNormalization-9 with batch statistics (its `momentum` default is always set);
    onnxruntime and the spec (one output = test mode) use the running statistics. This override does the latter."""
    from onnx.reference.op_run import OpRun

    class BatchNormalization(OpRun):
        op_domain = ""

        def _run(self, x, scale, bias, mean, var, epsilon=None, momentum=None, training_mode=None):  # noqa: ARG002
            eps = 1e-5 if epsilon is None else epsilon
            shape = (1, -1) + (1,) * (x.ndim - 2)
            y = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps) * scale.reshape(shape) \
                + bias.reshape(shape)
            return (y.astype(x.dtype),)
    return BatchNormalization


def write_tensor(array, name, path):
    t = numpy_helper.from_array(np.ascontiguousarray(array), name)
    with open(path, "wb") as f:
        f.write(t.SerializeToString())


def write_case(out_dir, name, model, datasets, model_source=None, reference=True, log=print):
    """Writes one case. `datasets` is a list of {input name: array}. With `model_source` (a path), model.onnx becomes a
    symbolic link to that file instead of a copy (used for models that must not be duplicated).
    Returns a summary dict. Raises RuntimeError when the model is numerically fragile (onnxruntime with and
    without graph optimizations disagree beyond the Kiln test tolerance) or produces non-finite outputs."""
    verify_model(model)
    case = os.path.join(out_dir, name)
    if os.path.isdir(case):
        shutil.rmtree(case)
    os.makedirs(case)
    path = os.path.join(case, "model.onnx")
    if model_source:
        try:
            os.symlink(os.path.abspath(model_source), path)
        except OSError:
            shutil.copyfile(model_source, path)
    else:
        onnx.save(model, path)

    sess = ort_session(model)
    sess_opt = ort_session(model, optimized=True)
    in_names = [i.name for i in model.graph.input
                if i.name not in {t.name for t in model.graph.initializer}]
    out_names = [o.name for o in model.graph.output]
    ref_eval = None
    if reference:
        from onnx.reference import ReferenceEvaluator
        ref_eval = ReferenceEvaluator(model, new_ops=[_inference_batchnorm_op()])
    worst_opt, worst_ref = 0.0, 0.0
    for k, feeds in enumerate(datasets):
        if sorted(feeds) != sorted(in_names):
            raise RuntimeError(f"{name}: data set {k} feeds {sorted(feeds)}, the model takes {in_names}")
        outs = run_session(sess, feeds)
        for o, v in zip(out_names, outs):
            if not np.all(np.isfinite(v)):
                raise RuntimeError(f"{name}: output {o} of data set {k} is not finite")
        outs_opt = run_session(sess_opt, feeds)
        for o, a, b in zip(out_names, outs, outs_opt):
            worst_opt = max(worst_opt, _max_diff(a, b))
            if not _within(b, a):
                raise RuntimeError(f"{name}: numerically fragile: output {o} of data set {k} differs between "
                                   f"onnxruntime with and without graph optimizations by {_max_diff(a, b):.3g}")
        if ref_eval is not None:
            outs_ref = ref_eval.run(None, feeds)
            for o, a, b in zip(out_names, outs, outs_ref):
                worst_ref = max(worst_ref, _max_diff(a, b))
                if not _within(b, a):
                    log(f"warning: {name}: output {o} of data set {k}: onnx.reference differs from onnxruntime "
                        f"by {_max_diff(a, b):.3g}")
        ds = os.path.join(case, f"test_data_set_{k}")
        os.makedirs(ds)
        for i, n in enumerate(in_names):
            write_tensor(feeds[n], n, os.path.join(ds, f"input_{i}.pb"))
        for i, (n, v) in enumerate(zip(out_names, outs)):
            write_tensor(v, n, os.path.join(ds, f"output_{i}.pb"))
    return {"name": name, "max_diff_ort_optimized": worst_opt,
            "max_diff_onnx_reference": worst_ref if reference else None}


def describe(model):
    """Op histogram, parameter count/bytes, inputs and outputs of a model (for the README tables)."""
    from collections import Counter
    ops = Counter(n.op_type for n in model.graph.node)
    params = sum(int(np.prod(t.dims)) for t in model.graph.initializer if t.data_type == TensorProto.FLOAT)
    pbytes = sum(numpy_helper.to_array(t).nbytes for t in model.graph.initializer)

    def shape(vi):
        dims = [d.dim_value if d.HasField("dim_value") else d.dim_param for d in vi.type.tensor_type.shape.dim]
        return f"{TensorProto.DataType.Name(vi.type.tensor_type.elem_type).lower()}{dims}"
    init_names = {t.name for t in model.graph.initializer}
    return {
        "opset": model.opset_import[0].version,
        "inputs": ", ".join(f"{i.name} {shape(i)}" for i in model.graph.input if i.name not in init_names),
        "outputs": ", ".join(f"{o.name} {shape(o)}" for o in model.graph.output),
        "nodes": len(model.graph.node),
        "ops": ", ".join(f"{k} {v}" for k, v in sorted(ops.items(), key=lambda kv: (-kv[1], kv[0]))),
        "params": params,
        "param_bytes": pbytes,
    }


def file_sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()
