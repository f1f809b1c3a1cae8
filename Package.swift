// swift-tools-version:5.10
import PackageDescription

let package = Package(
    name: "Kiln",
    products: [
        .executable(name: "kiln", targets: ["KilnCLI"]),
        .library(name: "Kiln", targets: ["Kiln"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-protobuf", from: "1.39.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Generated once from onnx.proto by scripts/generate-onnx-proto.sh; never edited by hand.
        .target(name: "ONNX", dependencies: [.product(name: "SwiftProtobuf", package: "swift-protobuf")]),
        .target(name: "Kiln", dependencies: ["ONNX", .product(name: "SwiftProtobuf", package: "swift-protobuf")]),
        .executableTarget(name: "KilnCLI", dependencies: [
            "Kiln", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "KilnTests", dependencies: ["Kiln", "ONNX"]),
    ]
)
