import Classifier
import Foundation
import Hummingbird
import Logging

/// `POST /v1/classify`: a body in any shape the CLI reads, answered with the CLI's own output for it.
struct ClassifyEndpoint: Sendable {
    let context: Classification.Context
    let limit: ConcurrencyLimit
    let configuration: ServiceConfiguration
    let referrals: Referrals
    let redactor: Redactor?

    func respond(to request: Request, logger: Logger, bytesIn: inout Int) async throws(ServiceError) -> Response {
        let options = try ClassifyOptions.parse(query: Array(request.uri.queryParameters), headers: request.headers)
        if options.redact && redactor == nil {
            throw .badParameter(name: "redact", reason: "this service was started without a redaction key")
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > configuration.maxBody {
            throw .payloadTooLarge(limit: configuration.maxBody)
        }
        guard limit.tryAcquire() else { throw .busy(retryAfter: 1) }
        // The slot is taken before the body is read, so the cap also bounds the bodies held in memory at once; the
        // time budget starts here too, so a client uploading slowly cannot hold a slot for ever.
        let slot = Slot(limit)
        let budget = Duration.seconds(configuration.timeout)
        let started = ContinuousClock.now
        let maxBody = configuration.maxBody
        let requestBody = request.body
        let read = await Self.withDeadline(budget) { () async -> Result<[UInt8], ServiceError> in
            do throws(ServiceError) {
                return .success(try await Self.read(requestBody, limit: maxBody))
            } catch {
                return .failure(error)
            }
        }
        let body: [UInt8]
        switch read {
        case let .success(bytes)?: body = bytes
        case let .failure(error)?:
            slot.release()
            throw error
        case nil:
            slot.release()
            throw .timeout(seconds: configuration.timeout)
        }
        bytesIn = body.count
        var reportOptions = ReportOptions(language: options.language, redactor: options.redact ? redactor : nil,
                                          referrals: options.output == .markdown ? referrals : nil)
        reportOptions.listClear = options.listClear
        let renderer = ReportRenderer(format: options.output.format, policy: context.classifier.rules.policy,
                                      options: reportOptions)
        let queue = Classification.start(body: body, options: options, renderer: renderer, context: context,
                                         slot: slot, logger: logger)
        let streaming = options.output == .ndjson
        // Read until the answer's status is known: the end of the input, or (when streaming) its first server.
        let head = await Self.withDeadline(budget - (ContinuousClock.now - started)) { () async -> Head in
            var head = Head()
            while let event = await queue.next() {
                switch event {
                case let .record(rendered, error):
                    head.records.append(rendered)
                    if let error, head.firstError == nil { head.firstError = error }
                    if rendered.verdict != nil { head.classified = true }
                    if streaming && head.classified { return head }
                case let .end(inputFiles, journalError):
                    head.end = End(inputFiles: inputFiles, journalError: journalError)
                }
            }
            return head
        }
        guard let head else {
            queue.abandon()
            throw .timeout(seconds: configuration.timeout)
        }
        guard head.classified else {
            // Nothing in the body was a server: the reader's first error, as the CLI words it, is the answer.
            throw head.firstError ?? .emptyBody
        }
        if let message = head.end?.journalError { throw .journal(message: message) }
        var headers = HTTPFields()
        headers[.contentType] = options.output.contentType
        if streaming {
            let records = head.records
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                let output = ChunkOutput()
                let frame = renderer.makeWriter(output: output)
                for record in records { frame.write(record) }
                try await writer.write(output.take())
                var inputFiles: [Classification.FileHash] = []
                while let event = await queue.next() {
                    switch event {
                    case let .record(rendered, _):
                        frame.write(rendered)
                        try await writer.write(output.take())
                    case let .end(files, _):
                        inputFiles = files
                    }
                }
                frame.finish(inputFiles: inputFiles.map { ($0.file, $0.sha256) })
                try await writer.write(output.take())
                try await writer.finish(nil)
            })
        }
        let output = ChunkOutput()
        let frame = renderer.makeWriter(output: output)
        for record in head.records { frame.write(record) }
        frame.finish(inputFiles: (head.end?.inputFiles ?? []).map { ($0.file, $0.sha256) })
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: output.take()))
    }

    /// What is known once the status can be chosen.
    private struct Head: Sendable {
        var records: [ReportRenderer.Rendered] = []
        var firstError: ServiceError?
        var classified = false
        var end: End?
    }

    private struct End: Sendable {
        let inputFiles: [Classification.FileHash]
        let journalError: String?
    }

    /// The body, refused past `limit` bytes without reading further.
    static func read(_ body: RequestBody, limit: Int) async throws(ServiceError) -> [UInt8] {
        var bytes: [UInt8] = []
        do {
            for try await buffer in body {
                guard bytes.count + buffer.readableBytes <= limit else { throw ServiceError.payloadTooLarge(limit: limit) }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as ServiceError {
            throw error
        } catch {
            throw .badParameter(name: "body", reason: "the body could not be read")
        }
        return bytes
    }

    /// `work`'s result, or nil when it takes longer than `limit`; `work` is cancelled then.
    static func withDeadline<T: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async -> T) async -> T? {
        guard limit > .zero else { return nil }
        return await withTaskGroup(of: T?.self) { group in
            group.addTask { await work() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return nil
            }
            let first: T? = await group.next().flatMap { $0 }
            group.cancelAll()
            return first
        }
    }
}

/// A writer's destination drained record by record, so a streamed answer sends each record as it is framed.
final class ChunkOutput: ReportOutput {
    private var pending = ""

    func write(_ text: String) { pending += text }

    /// What was written since the last call, as a buffer for the response.
    func take() -> ByteBuffer {
        defer { pending = "" }
        return ByteBuffer(string: pending)
    }
}
