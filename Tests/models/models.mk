# Realistic-model test suite. Include at the END of the top-level Makefile (so `all` stays the default goal):
#     include Tests/models/models.mk
# It uses the `build` and `python-deps` targets and the PYTHON variable of that Makefile.
#   make model-test                                   # all cases must pass (sanitized)
#   make model-test MODEL_TEST_FLAGS=--allow-unsupported
#   make model-cases                                  # only (re)generate .cache/models
MODEL_TEST_FLAGS ?=

.PHONY: model-test model-cases

# Float models (+ digits), quantized models (LSB histograms, soft-float check), recurrent and control-flow cases.
model-test: build python-deps
	PYTHON=$(PYTHON) Tests/models/run.sh $(MODEL_TEST_FLAGS)
	PYTHON=$(PYTHON) Tests/models/run_int8.sh
	Tests/models/rnn/run.sh --sanitize --quiet
	@echo "== generated C under clang -Wall -Wextra -Werror"
	CC=clang $(KILN) test .cache/models --quiet
	CC=clang $(KILN) test .cache/int8-models --int-tolerance 1 --atol 0.05 --quiet

model-cases: python-deps
	PYTHON=$(PYTHON) Tests/models/run.sh --generate-only
