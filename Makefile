# Kiln: the two commands that matter are `make demo` and `make test` (see README.md).
SHELL := /bin/bash
SWIFT ?= swift
PYTHON ?= python3
KILN := .build/debug/kiln
NODE_TESTS := .cache/node

.PHONY: all build test unit-test kernel-test node-tests conformance templates demo clean

all: build

build:
	$(SWIFT) build

templates:
	$(PYTHON) scripts/embed-templates.py

python-deps:
	@$(PYTHON) -c 'import onnx, onnxruntime, numpy' 2>/dev/null || $(PYTHON) -m pip install -q -r requirements.txt

node-tests: python-deps
	$(PYTHON) scripts/gen-node-tests.py $(NODE_TESTS)

unit-test:
	$(SWIFT) test

kernel-test:
	scripts/run-kernel-tests.sh

conformance: build node-tests
	$(KILN) test $(NODE_TESTS) --quiet --sanitize --report .cache/host-report.json --expect-pass Tests/conformance/host-pass.txt

test: build unit-test kernel-test conformance

clean:
	rm -rf .build .cache
