import Foundation
import Yams

/// Reads a YAML file into a node tree, with errors that name the file and line.
enum YAMLFile {
    /// Packs are hand-written: the shipped ones are tens of kilobytes. Past this size a file is refused before
    /// parsing, since the YAML node tree costs about a hundred times the file in memory and time.
    static let maximumBytes = 2 << 20

    static func root(path: String) throws(RuleSetError) -> Node {
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
            throw RuleSetError(.packTooLarge, file: path,
                               reason: "the file is \(size) bytes, over the \(maximumBytes)-byte limit for a rule file: "
                                   + "split it into several packs, or check that it is a rule pack at all")
        }
        // Read with read(2) and checked here: Foundation's file reading (String(contentsOfFile:), FileManager's
        // contents(atPath:)) leaks a 4 KiB buffer on an empty file, as the fuzzer's leak checker found.
        guard let bytes = readAll(path) else {
            throw RuleSetError(.unreadableFile, file: path, reason: FileManager.default.fileExists(atPath: path)
                ? "cannot read the file" : "missing file")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw RuleSetError(.unreadableFile, file: path, reason: "cannot read the file as UTF-8 text")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RuleSetError(.invalidYAML, file: path, reason: "the file is empty")
            }
            return node
        } catch let error as RuleSetError {
            throw error
        } catch let error as YamlError {
            switch error {
            case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
                throw RuleSetError(.invalidYAML, at: SourceLocation(file: path, line: mark.line, column: mark.column),
                                   reason: "invalid YAML: \(problem)")
            default:
                throw RuleSetError(.invalidYAML, file: path, reason: "invalid YAML: \(error)")
            }
        } catch {
            throw RuleSetError(.invalidYAML, file: path, reason: "invalid YAML: \(error)")
        }
    }
}

extension YAMLFile {
    /// Every byte of a regular file, or nil when it cannot be opened or read.
    static func readAll(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { return bytes }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            bytes += chunk[0..<count]
        }
    }
}

/// Typed access to the keys of a YAML mapping, throwing ``RuleSetError`` with file, line and item on every misfit.
struct YAMLFields {
    let node: Node
    let file: String
    let item: String?

    var location: SourceLocation { SourceLocation(file: file, node: node) }

    func fail(_ code: PackProblem, _ reason: String, at node: Node? = nil) -> RuleSetError {
        RuleSetError(code, at: SourceLocation(file: file, node: node ?? self.node), item: item, reason: reason)
    }

    func fail(_ code: PackProblem, at node: Node?, _ reason: String) -> RuleSetError {
        fail(code, reason, at: node)
    }

    /// Where `key`'s value is written, or the mapping when the key is absent.
    func location(of key: String) -> SourceLocation { SourceLocation(file: file, node: node(of: key) ?? node) }

    /// The node of `key`'s value, to point an error at it rather than at the whole mapping.
    func node(of key: String) -> Node? { node.mapping?[key] }

    /// Keys present that are not in `allowed`: a typo in a rule must not be silently ignored.
    func checkKeys(_ allowed: Set<String>) throws(RuleSetError) {
        guard let mapping = node.mapping else { throw fail(.wrongType, "expected a mapping") }
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw fail(.unknownKey, "unknown key '\(key.string ?? "?")' (allowed: \(allowed.sorted().joined(separator: ", ")))", at: key)
            }
        }
    }

    func optional(_ key: String) -> Node? {
        guard let value = node.mapping?[key] else { return nil }
        if case .scalar(let scalar) = value, scalar.tag == .implicit, scalar.string == "~" || scalar.string == "null" {
            return nil
        }
        return value
    }

    func required(_ key: String) throws(RuleSetError) -> Node {
        guard node.mapping != nil else { throw fail(.wrongType, "expected a mapping") }
        guard let value = optional(key) else { throw fail(.missingKey, "missing '\(key)'") }
        return value
    }

    func requiredString(_ key: String) throws(RuleSetError) -> String {
        let value = try required(key)
        guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
            throw fail(.wrongType, "'\(key)' must be a non-empty string", at: value)
        }
        return scalar.string
    }

    func optionalString(_ key: String) throws(RuleSetError) -> String? {
        guard let value = optional(key) else { return nil }
        guard case .scalar(let scalar) = value else { throw fail(.wrongType, "'\(key)' must be a string", at: value) }
        return scalar.string
    }

    func requiredInt(_ key: String) throws(RuleSetError) -> Int {
        let value = try required(key)
        guard let number = value.int else { throw fail(.wrongType, "'\(key)' must be a whole number", at: value) }
        return number
    }

    func optionalInt(_ key: String) throws(RuleSetError) -> Int? {
        guard let value = optional(key) else { return nil }
        guard let number = value.int else { throw fail(.wrongType, "'\(key)' must be a whole number", at: value) }
        return number
    }

    func optionalBool(_ key: String) throws(RuleSetError) -> Bool? {
        guard let value = optional(key) else { return nil }
        guard let flag = value.bool else { throw fail(.wrongType, "'\(key)' must be true or false", at: value) }
        return flag
    }

    func requiredSequence(_ key: String) throws(RuleSetError) -> [Node] {
        let value = try required(key)
        guard let sequence = value.sequence else { throw fail(.wrongType, "'\(key)' must be a list", at: value) }
        return Array(sequence)
    }

    /// A list of strings; a single string is accepted as a list of one.
    func stringList(_ key: String) throws(RuleSetError) -> [String] {
        try stringNodes(key).map(\.text)
    }

    /// A list of strings with the node of each, so that a problem with one entry (a pattern) points at it.
    func stringNodes(_ key: String) throws(RuleSetError) -> [(text: String, node: Node)] {
        guard let value = optional(key) else { return [] }
        if case .scalar(let scalar) = value { return [(scalar.string, value)] }
        guard let sequence = value.sequence else { throw fail(.wrongType, "'\(key)' must be a list of strings", at: value) }
        var strings: [(text: String, node: Node)] = []
        for element in sequence {
            guard case .scalar(let scalar) = element else { throw fail(.wrongType, "'\(key)' must be a list of strings", at: element) }
            strings.append((scalar.string, element))
        }
        return strings
    }
}
