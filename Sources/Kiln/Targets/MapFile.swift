/// Sizes of what a model contributes to a linked image, read from the GNU ld map file: only input sections that
/// survived `--gc-sections` and come from the model's objects or the kernel archive are counted.
public struct SectionSizes: Equatable {
    public var text = 0, rodata = 0, data = 0, bss = 0

    /// Parses `map` and sums sections whose input file satisfies `belongs`.
    public static func fromMap(_ map: String, belongs: (String) -> Bool) -> SectionSizes {
        var s = SectionSizes()
        guard let start = map.range(of: "Linker script and memory map") else { return s }
        let lines = map[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
        var pendingName: Substring? = nil
        for line in lines {
            // An input section line starts with one space and a section name; long names put address/size/file on
            // the next line.
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            if line.hasPrefix(" .") || line.hasPrefix(" COMMON") {
                if fields.count >= 4, fields[1].hasPrefix("0x"), fields[2].hasPrefix("0x") {
                    add(&s, name: fields[0], size: fields[2], file: fields[3...].joined(separator: " "), belongs)
                    pendingName = nil
                } else if fields.count == 1 {
                    pendingName = fields[0]
                } else {
                    pendingName = nil
                }
            } else if let name = pendingName, line.hasPrefix("                0x"), fields.count >= 3, fields[1].hasPrefix("0x") {
                add(&s, name: name, size: fields[1], file: fields[2...].joined(separator: " "), belongs)
                pendingName = nil
            } else {
                pendingName = nil
            }
        }
        return s
    }

    static func add(_ s: inout SectionSizes, name: Substring, size: Substring, file: String, _ belongs: (String) -> Bool) {
        guard belongs(file), let n = Int(size.dropFirst(2), radix: 16), n > 0 else { return }
        if name.hasPrefix(".text") { s.text += n }
        else if name.hasPrefix(".rodata") || name.hasPrefix(".srodata") { s.rodata += n }
        else if name.hasPrefix(".data") || name.hasPrefix(".sdata") { s.data += n }
        else if name.hasPrefix(".bss") || name.hasPrefix(".sbss") || name.hasPrefix("COMMON") { s.bss += n }
    }
}
