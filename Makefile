# Kiln. The two commands that matter are `make demo` and `make test` (see README.md); the rest are their parts.
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
KILN := .build/debug/kiln
NODE_TESTS := .cache/node
REPORTS := .cache/reports
BOARDS := cortex-m3 cortex-m4 cortex-m7 cortex-m33 cortex-m55 cortex-a9 riscv32 riscv32-v xtensa-lx106

.PHONY: all build demo test toolchains python-deps unit-test kernel-test node-tests conformance targets-test \
        conformance-doc templates clean hostile-test hostile-corpus fuzz reproducible-test scaling-test

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

# A fixed sample of node tests covering every operator, on every board under QEMU.
targets-test: build node-tests
	@mkdir -p $(REPORTS)
	@$(PYTHON) scripts/node-sample.py $(NODE_TESTS) > $(REPORTS)/sample.txt
	@set -e; for t in $(BOARDS); do \
	    echo "== $$t"; \
	    $(KILN) test $$(cat $(REPORTS)/sample.txt) --target $$t --quiet --report $(REPORTS)/$$t.json \
	        --expect-pass Tests/conformance/$$t-pass.txt; \
	done

# Regenerates docs/CONFORMANCE.md from the last reports; UPDATE=1 also rewrites the pass lists.
conformance-doc:
	$(PYTHON) scripts/conformance-report.py $(if $(UPDATE),--update-pass-lists) host=$(REPORTS)/host.json \
	    $(foreach t,$(BOARDS),$(if $(wildcard $(REPORTS)/$(t).json),$(t)=$(REPORTS)/$(t).json))

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
