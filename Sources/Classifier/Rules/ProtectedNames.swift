import Foundation

/// Names and handles a team protects - streamers under its watch, a victim's name - read from a file of one name
/// or handle a line (`classify --protect FILE`). A channel or category naming one of them next to sexual, leak or
/// pack context is a hit (rule `leaks.protected-person`), and the name is masked in every output.
public struct ProtectedNames: Sendable, Equatable {
    /// The names as listed (without a leading `@`), in file order.
    public let names: [String]

    /// Names given in code, used as they are: none of the trimming and checks of ``load(path:)``.
    public init(names: [String]) {
        self.names = names
    }

    /// Longest name accepted: a line longer than this is a mistake, not a name.
    public static let maxLength = 120

    /// An unreadable file or a line that is not a name.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        /// The file of names, as its path was given.
        public let file: String
        /// 1-based line of the rejected name; nil when the file itself cannot be read.
        public let line: Int?
        /// What is wrong, for people.
        public let reason: String
        public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
    }

    /// Reads one name or handle a line; blank lines and lines starting with `#` are skipped, a leading `@` dropped.
    public static func load(path: String) throws(LoadError) -> ProtectedNames {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(file: path, line: nil, reason: "cannot read the file of names to protect")
        }
        var names: [String] = []
        for (index, raw) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("@") { line.removeFirst() }
            guard line.count <= maxLength else {
                throw LoadError(file: path, line: index + 1, reason: "longer than \(maxLength) characters: one name or handle a line")
            }
            guard words(of: line).contains(where: { $0.count >= 2 }) else {
                throw LoadError(file: path, line: index + 1, reason: "no name here (a name needs a word of two letters or digits)")
            }
            names.append(line)
        }
        return ProtectedNames(names: names)
    }

    /// The letter and digit runs of a name: `Léa Martin` → `léa`, `martin`; `@kiara.live` → `kiara`, `live`.
    static func words(of name: String) -> [String] {
        var words: [String] = [], word = ""
        for scalar in name.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }

    /// One PCRE2 pattern per name: its words in order, joined by any separator or none (`lea-martin`,
    /// `LeaMartin`, `lea_martin`), never inside a longer word. Each word is written as folded (accents dropped) so
    /// the folded and segmented views read it as well as the raw one.
    public var patterns: [String] {
        names.map { name in
            let words = Self.words(of: name).map { word -> String in
                let folded = Segmenter.foldWord(word)
                let spelling = folded.isEmpty ? word.lowercased() : folded
                return Self.escape(spelling)
            }
            return #"(?<![\p{L}\p{N}])"# + words.joined(separator: #"[\s\-_.]*"#) + #"(?![\p{L}\p{N}])"#
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { out.unicodeScalars.append(scalar) }
            else { out += "\\x{" + String(scalar.value, radix: 16) + "}" }
        }
        return out
    }
}
