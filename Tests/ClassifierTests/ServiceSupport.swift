import Foundation
import Testing

/// A real `classify serve` process on a free loopback port (`--port 0`; the port is read from its first line on
/// standard error), stopped with SIGTERM when the test is done.
final class ServiceProcess: @unchecked Sendable {
    // @unchecked: `log` is guarded by `lock`; the rest is set once in init.
    let process = Process()
    private(set) var port = 0
    private let lock = NSLock()
    private var log = Data()
    private let listening = DispatchSemaphore(value: 0)
    private let ended = DispatchSemaphore(value: 0)

    /// Starts the service with `arguments` after `serve --port 0`, and waits (up to 30 s) until it listens.
    init(_ arguments: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: CLITests.binary)
        process.arguments = ["serve", "--port", "0"] + arguments
        var env = ProcessInfo.processInfo.environment
        env["CLASSIFY_REDACT_KEY"] = "service-tests-key"
        process.environment = env.merging(environment) { _, new in new }
        process.currentDirectoryURL = Support.checkout
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let handle = err.fileHandleForReading
        Thread.detachNewThread { [self] in
            var signalled = false
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.lock()
                log.append(chunk)
                let text = String(decoding: log, as: UTF8.self)
                lock.unlock()
                if !signalled, let match = text.firstMatch(of: /listening on http:\/\/[^\s\/]+:(\d+)\//) {
                    port = Int(match.1)!
                    signalled = true
                    listening.signal()
                }
            }
            if !signalled { listening.signal() }
            ended.signal()
        }
        guard listening.wait(timeout: .now() + 30) == .success, port > 0 else {
            process.terminate()
            throw ServiceTestError.didNotStart(stderr)
        }
    }

    /// Everything the service wrote on standard error so far: its logs.
    var stderr: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: log, as: UTF8.self)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// SIGTERM, then waits for the exit (SIGKILL after 20 s); returns the exit status.
    @discardableResult
    func stop() -> Int32 {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        if ended.wait(timeout: .now() + 20) != .success { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    }
}

enum ServiceTestError: Error {
    case didNotStart(String)
}

/// One answer as curl saw it.
struct HTTPAnswer {
    let status: Int
    let headers: [String: String]
    let body: Data
    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as JSON (an object or an array).
    func json() throws -> Any { try JSONSerialization.jsonObject(with: body) }

    /// `{"error": {"code": ...}}`'s code, or nil.
    var errorCode: String? {
        ((try? json()) as? [String: Any]).flatMap { $0["error"] as? [String: Any] }?["code"] as? String
    }
}

/// curl, as a bot's HTTP client would call the service: real sockets, real HTTP/1.1.
enum Curl {
    /// - Parameters:
    ///   - arguments: extra curl arguments (`-X`, `-H`, `--data-binary @FILE`, `--limit-rate`…).
    ///   - url: the address.
    static func run(_ url: String, _ arguments: [String] = []) throws -> HTTPAnswer {
        let folder = Support.temporaryDirectory()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-sS", "--max-time", "60", "-o", folder + "/body", "-D", folder + "/headers",
                             "-w", "%{http_code}"] + arguments + [url]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var headers: [String: String] = [:]
        let head = (try? String(contentsOfFile: folder + "/headers", encoding: .utf8)) ?? ""
        for line in head.split(whereSeparator: \.isNewline) {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let body = FileManager.default.contents(atPath: folder + "/body") ?? Data()
        return HTTPAnswer(status: Int(status) ?? 0, headers: headers, body: body)
    }

    /// POSTs a file's bytes.
    static func post(_ url: String, file: String, _ arguments: [String] = []) throws -> HTTPAnswer {
        try run(url, ["-X", "POST", "--data-binary", "@" + file] + arguments)
    }

    /// POSTs text.
    static func post(_ url: String, text: String, _ arguments: [String] = []) throws -> HTTPAnswer {
        let path = Support.temporaryDirectory() + "/body.txt"
        Support.write(text, to: path)
        return try post(url, file: path, arguments)
    }
}
