#!/bin/sh
# Regenerates Sources/ONNX/onnx.pb.swift from the onnx.proto shipped in the pinned Python onnx package.
# Needs: Debian's protobuf-compiler, python3 with onnx==1.23.2 (requirements.txt), and protoc-gen-swift built
# from the same swift-protobuf release that Package.swift names (1.39.0). Run it only when the pin changes.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PROTO_DIR=$(python3 -c 'import onnx, os; print(os.path.dirname(onnx.__file__))')
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "${PROTOC_GEN_SWIFT:-}" ]; then
    git clone -q https://github.com/apple/swift-protobuf "$WORK/swift-protobuf"
    git -C "$WORK/swift-protobuf" checkout -q 1.39.0
    (cd "$WORK/swift-protobuf" && swift build -c release --product protoc-gen-swift)
    PROTOC_GEN_SWIFT="$WORK/swift-protobuf/.build/release/protoc-gen-swift"
fi
cp "$PROTO_DIR/onnx.proto" "$WORK/onnx.proto"
protoc --plugin=protoc-gen-swift="$PROTOC_GEN_SWIFT" --proto_path="$WORK" \
    --swift_opt=Visibility=Public --swift_out="$WORK" "$WORK/onnx.proto"
cp "$WORK/onnx.pb.swift" "$ROOT/Sources/ONNX/onnx.pb.swift"
echo "wrote Sources/ONNX/onnx.pb.swift from $PROTO_DIR/onnx.proto (onnx $(python3 -c 'import onnx; print(onnx.__version__)'))"
