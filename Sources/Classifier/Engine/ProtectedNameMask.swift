/// Masks the protected names a result found (``ProtectedNames``) wherever they appear in it - the evidence texts,
/// matches and locations, and the server's own names - so that a report about a protected person never prints the
/// name it protects, whatever the output format and with or without `--redact`.
struct ProtectedNameMask {
    /// Ids of the signals whose hits are protected names.
    let signals: Set<String>
    static let bullet: Character = "•"

    /// - Parameter spans: where the engine found protected names, by text (``RuleEngine/Scan/protectedSpans``).
    func apply(to result: ClassificationResult, spans: [String: [Range<Int>]]) -> ClassificationResult {
        // The names as written, to mask them in texts that hold them beside other words (locations, the server).
        var written = Set<String>()
        for (text, ranges) in spans {
            let scalars = Array(text.unicodeScalars)
            for range in ranges where range.upperBound <= scalars.count && !range.isEmpty {
                written.insert(String(String.UnicodeScalarView(scalars[range])))
            }
        }
        guard !written.isEmpty else { return result }
        func masked(_ text: String) -> String {
            var scalars = Array(text.unicodeScalars)
            for span in spans[text] ?? [] where span.upperBound <= scalars.count {
                for index in span where !Self.isSeparator(scalars[index]) { scalars[index] = "•" }
            }
            var out = String(String.UnicodeScalarView(scalars))
            // The same name written elsewhere (a location, the server's name) is masked too.
            for name in written.sorted(by: { $0.count > $1.count }) {
                out = Self.replacingOccurrences(of: name, in: out)
            }
            return out
        }
        let evidence = result.evidence.map { item in
            Evidence(rule: item.rule, category: item.category, section: item.section, status: item.status,
                     weight: item.weight, indicator: item.indicator, lowers: item.lowers, scope: item.scope,
                     parts: item.parts.map { part in
                         let text = masked(part.text)
                         let scalars = Array(text.unicodeScalars)
                         let match = part.end <= scalars.count
                             ? String(String.UnicodeScalarView(scalars[part.start..<part.end])) : masked(part.match)
                         return EvidencePart(signal: part.signal,
                                             location: Location(field: part.location.field,
                                                                category: part.location.category.map(masked),
                                                                channel: part.location.channel.map(masked),
                                                                categoryIndex: part.location.categoryIndex,
                                                                channelIndex: part.location.channelIndex),
                                             text: text, start: part.start, end: part.end, match: match,
                                             view: part.view, viewMatch: part.viewMatch.map(masked))
                     })
        }
        var server = result.server
        server.name = masked(server.name)
        server.description = server.description.map(masked)
        server.categories = server.categories.map { var copy = $0; copy.name = masked($0.name); return copy }
        server.channels = server.channels.map { channel in
            var copy = channel
            copy.name = masked(channel.name)
            copy.topic = channel.topic.map(masked)
            copy.tags = channel.tags.map(masked)
            return copy
        }
        return ClassificationResult(server: server, verdict: result.verdict, categories: result.categories,
                                    evidence: evidence, errors: result.errors)
    }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "-" || scalar == "_" || scalar == "."
    }

    /// Replaces each occurrence of `name` (compared scalar by scalar, as Foundation's search mishandles some
    /// strings) by bullets of the same length, keeping separators.
    static func replacingOccurrences(of name: String, in text: String) -> String {
        let needle = Array(name.unicodeScalars), haystack = Array(text.unicodeScalars)
        guard !needle.isEmpty, needle.count <= haystack.count else { return text }
        var out = haystack
        var index = 0
        while index + needle.count <= haystack.count {
            if Array(haystack[index..<(index + needle.count)]) == needle {
                for position in index..<(index + needle.count) where !isSeparator(out[position]) { out[position] = "•" }
                index += needle.count
            } else {
                index += 1
            }
        }
        return String(String.UnicodeScalarView(out))
    }
}
