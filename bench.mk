# Benchmarks: Kiln side by side with TensorFlow Lite Micro, written to docs/BENCHMARKS.md. Include at the END of the
# top-level Makefile (so `all` stays the default goal):
#     include bench.mk
# It uses the `build`, `python-deps` and `toolchains` targets and the PYTHON and KILN variables of that Makefile.
#   make bench                                        # everything (5-10 min on 2 cores), rewrites docs/BENCHMARKS.md
#   make bench BENCH_FLAGS="--boards cortex-m4 --only kws_dscnn_f32 --out /tmp/b.md"   # a subset
#   python3 scripts/bench.py --render-only            # rewrite the document from the last run (.cache/bench)
# MLPerf Tiny models come from KILN_MODELS (default ../shared/models/mlperf-tiny; skipped with a message when absent).
BENCH_FLAGS ?=
BENCH_JOBS ?= 2
TFLM_PIN := $(shell sed -n 's/^tflite-micro==//p' requirements-bench.txt)

.PHONY: bench bench-deps

# The pinned tflite-micro wheel (pip) and valgrind (Debian package; installed when running as root).
bench-deps:
	@$(PYTHON) -c 'import importlib.metadata as m, sys; sys.exit(m.version("tflite-micro") != "$(TFLM_PIN)")' \
	    2>/dev/null || $(PYTHON) -m pip install -q -r requirements-bench.txt
	@command -v valgrind >/dev/null || { \
	    if [ "$$(id -u)" -eq 0 ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind >/dev/null; \
	    else echo "bench: valgrind is missing (apt-get install valgrind)" >&2; exit 1; fi; }

bench: build python-deps toolchains bench-deps
	$(PYTHON) scripts/bench.py --kiln $(KILN) --jobs $(BENCH_JOBS) $(BENCH_FLAGS)
