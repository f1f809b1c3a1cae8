// swift-tools-version:5.10
// libFuzzer target over Kiln's loader, importer, passes, scheduler and C emitter. Build and run with `make fuzz`
// (FUZZ_SECONDS=N); see Fuzz/README.md.
import PackageDescription

let package = Package(
    name: "KilnFuzz",
    dependencies: [.package(name: "Kiln", path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver (the runtime comes from -sanitize=fuzzer).
        .target(name: "FuzzDriver"),
        .executableTarget(name: "kiln-fuzz", dependencies: [.product(name: "Kiln", package: "Kiln"), "FuzzDriver"]),
    ]
)
