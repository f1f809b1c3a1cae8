#!/bin/sh
# Generates the onnxruntime-checked RNN/GRU/LSTM and If/Loop/Scan cases into a temporary folder, runs
# `kiln test` on them (pass extra flags such as --sanitize), and prints the worst errors of the large layers.
# Usage: Tests/models/rnn/run.sh [kiln test flags...]   (from the repository root, after `swift build`)
set -eu
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
KILN=${KILN:-$ROOT/.build/debug/kiln}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
python3 "$ROOT/Tests/models/rnn/gen_rnn_cases.py" "$OUT/rnn" 2>/dev/null
python3 "$ROOT/Tests/models/rnn/gen_control_flow_cases.py" "$OUT/cf" 2>/dev/null
"$KILN" test "$@" "$OUT"/rnn/* "$OUT"/cf/*
python3 "$ROOT/Tests/models/rnn/compare.py" "$KILN" "$OUT/rnn/gru_realistic_bidi" "$OUT/rnn/lstm_realistic"
