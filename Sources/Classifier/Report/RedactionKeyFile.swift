import Foundation

/// The team's redaction key kept in a file when none is given: created once, random, readable by its owner only,
/// so that `--redact` and the watch journal give the same hashes from one run to the next.
public enum RedactionKeyFile {
    /// `$XDG_CONFIG_HOME/classify/key`, else `~/.config/classify/key`.
    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.config"
        return base + "/classify/key"
    }

    /// What went wrong reading or creating the key file.
    public struct Failure: Error, CustomStringConvertible {
        /// The key file's path.
        public let path: String
        /// What failed, in words.
        public let reason: String
        public var description: String {
            "\(path): cannot read or create the redaction key: \(reason); pass --redact-key or set CLASSIFY_REDACT_KEY"
        }
    }

    /// The key in `path`, creating it (mode 0600, 32 random bytes as hex) when the file does not exist.
    /// - Returns: the key, and whether this call created it (the caller says so: hashes depend on it).
    public static func loadOrCreate(path: String) throws(Failure) -> (key: String, created: Bool) {
        if let text = try? String(contentsOfFile: path, encoding: .utf8) {
            let key = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !key.isEmpty else { throw Failure(path: path, reason: "the file is empty") }
            return (key, false)
        }
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw Failure(path: path, reason: "cannot create \(folder)")
        }
        var generator = SystemRandomNumberGenerator()
        let key = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        // O_EXCL: two runs starting at once must not each write their own key; the loser reads the winner's.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if descriptor < 0 {
            if errno == EEXIST, let text = try? String(contentsOfFile: path, encoding: .utf8), !text.isEmpty {
                return (text.trimmingCharacters(in: .whitespacesAndNewlines), false)
            }
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        let bytes = Array((key + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        let closed = close(descriptor)
        guard written == bytes.count, closed == 0 else {
            unlink(path)
            throw Failure(path: path, reason: "cannot write the key")
        }
        return (key, true)
    }
}
