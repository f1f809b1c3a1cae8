# Kiln. The two commands that matter are `make demo` and `make test` (see README.md); the rest are their parts.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
KILN := .build/debug/kiln
NODE_TESTS := .cache/node
REPORTS := .cache/reports
BOARDS := cortex-m3 cortex-m4 cortex-m7 cortex-m33 cortex-m55 cortex-a9 riscv32 riscv32-v xtensa-lx106
# Boards that run every in-scope node test; the others run a sample covering every supported operator.
FULL_BOARDS := cortex-m4 riscv32 xtensa-lx106
# Boards that run every quantized model case (against onnxruntime, within 1 LSB); the others run the MLPerf Tiny int8 models.
INT8_FULL_BOARDS := cortex-m4

.PHONY: all build demo test toolchains python-deps unit-test kernel-test node-tests conformance targets-test \
        conformance-doc targets-doc templates int8-cases clean hostile-test hostile-corpus fuzz reproducible-test \
        scaling-test

all: build

build:
	$(SWIFT) build

# Installs the cross toolchains, picolibc and QEMU (Debian packages; needs root) when missing.
toolchains:
	toolchains/install.sh

python-deps:
	@$(PYTHON) -c 'import onnx, onnxruntime, numpy, sklearn' 2>/dev/null || $(PYTHON) -m pip install -q -r requirements.txt

demo: build python-deps
	toolchains/install.sh cortex-m4
	$(PYTHON) Examples/digits/demo.py --kiln $(KILN) --target cortex-m4

test: toolchains build python-deps unit-test kernel-test hostile-test reproducible-test scaling-test conformance model-test \
      targets-test fuzz

unit-test:
	$(SWIFT) test

kernel-test:
	scripts/run-kernel-tests.sh
	CC=clang scripts/run-kernel-tests.sh

node-tests: python-deps
	$(PYTHON) scripts/gen-node-tests.py $(NODE_TESTS)

# Every in-scope ONNX node test on the host, under ASan+UBSan; any case in the pass list that fails is a regression.
conformance: build node-tests
	@mkdir -p $(REPORTS)
	$(KILN) test $(NODE_TESTS) --quiet --sanitize --report $(REPORTS)/host.json --expect-pass Tests/conformance/host-pass.txt

# On every board under QEMU: the node tests (all of them on FULL_BOARDS, a fixed sample covering every supported
# operator elsewhere), the whole-model cases (realistic models and MLPerf Tiny float, against onnxruntime; models that
# do not fit a board are expected failures) and the quantized models (within 1 LSB of onnxruntime: every case on
# INT8_FULL_BOARDS, the MLPerf Tiny int8 models elsewhere).
targets-test: build node-tests model-cases int8-cases
	@mkdir -p $(REPORTS)
	@$(PYTHON) scripts/node-sample.py $(NODE_TESTS) 2 $(REPORTS)/host.json > $(REPORTS)/sample.txt
	@set -e; for t in $(BOARDS); do \
	    echo "== $$t"; \
	    case " $(FULL_BOARDS) " in *" $$t "*) nodes=$(NODE_TESTS);; *) nodes=$$(cat $(REPORTS)/sample.txt);; esac; \
	    $(KILN) test $$nodes .cache/models --target $$t --quiet --report $(REPORTS)/$$t.json \
	        --expect-pass Tests/conformance/$$t-pass.txt; \
	    case " $(INT8_FULL_BOARDS) " in *" $$t "*) q8=".cache/int8-models/*";; *) q8=".cache/int8-models/mlperf_*";; esac; \
	    if ls -d $$q8 >/dev/null 2>&1; then \
	        $(KILN) test $$q8 --target $$t --int-tolerance 1 --atol 0.05 --quiet \
	            --report $(REPORTS)/$$t-int8.json --expect-pass Tests/conformance/$$t-pass.txt; fi; \
	done

int8-cases: python-deps
	@[ -d .cache/int8-models ] || { $(PYTHON) Tests/models/make_int8_models.py .cache/int8-models.tmp && mv .cache/int8-models.tmp .cache/int8-models; }

# Regenerates docs/CONFORMANCE.md from the last reports; UPDATE=1 also rewrites the pass lists.
conformance-doc:
	$(PYTHON) scripts/conformance-report.py $(if $(UPDATE),--update-pass-lists) host=$(REPORTS)/host.json \
	    $(foreach t,$(BOARDS),$(if $(wildcard $(REPORTS)/$(t).json),$(t)=$(REPORTS)/$(t).json+$(REPORTS)/$(t)-int8.json))

# Regenerates docs/TARGETS.md (boards, memory maps, sample results, instructions per inference of the Examples).
targets-doc: build model-cases
	$(PYTHON) scripts/targets-report.py --kiln $(KILN)

# Robustness (issue 6). The hostile corpus: every malformed model is refused with exit 2, a one-line message and no
# output left behind; HOSTILE_MUTATIONS random byte mutations of real models never kill kiln; hostile-name models
# compile to correct C (kiln test, sanitized).
HOSTILE_MUTATIONS ?= 300
hostile-test: build python-deps
	$(PYTHON) scripts/run-hostile.py --kiln $(KILN) --mutations $(HOSTILE_MUTATIONS)
	$(KILN) test Tests/hostile/names --sanitize

# Regenerates Tests/hostile/ (deterministic; commit the result).
hostile-corpus: python-deps
	$(PYTHON) Tests/hostile/make_corpus.py

# Two compiles of each model, from different folders and processes, must give byte-identical output.
reproducible-test: build
	NODE_TESTS=$(NODE_TESTS) $(PYTHON) scripts/check-reproducible.py --kiln $(KILN)

# libFuzzer over loader, importer, passes and C emission (Fuzz/). `make fuzz FUZZ_SECONDS=3600`; CI runs the default.
FUZZ_SECONDS ?= 60
FUZZ_RUNS ?= -1
fuzz:
	NODE_TESTS=$(NODE_TESTS) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) scripts/fuzz.sh

# Compile time and memory against model size (chains of 1,000 to 5,000 nodes); fails if clearly super-linear.
scaling-test: build
	$(PYTHON) scripts/check-scaling.py --kiln $(KILN)

templates:
	$(PYTHON) scripts/embed-templates.py

clean:
	rm -rf .build .cache

include Tests/models/models.mk
include bench.mk
