import Classifier
import Hummingbird
import Logging

/// Routes every request, checks its token, answers errors as JSON, and counts and logs each request. One type
/// holds the routing table so that 404 (no such path) and 405 (no such method on a path) come from one place.
struct ServiceResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    /// The paths the service answers and the methods each takes (HEAD goes with GET).
    enum Route: String, CaseIterable, Sendable {
        case page = "/"
        case classify = "/v1/classify"
        case rules = "/v1/rules"
        case health = "/healthz"
        case ready = "/readyz"
        case metrics = "/metrics"
        case openAPI = "/openapi.json"

        var methods: [HTTPRequest.Method] { self == .classify ? [.post] : [.get, .head] }

        /// Routes a bot or a pipeline calls: behind the token when the service has one. The page, the document
        /// and the probes stay open so that a browser can load the page and ask for the token, and so that an
        /// orchestrator can probe without secrets.
        var needsToken: Bool { self == .classify || self == .rules || self == .metrics }
    }

    let classify: ClassifyEndpoint
    let token: BearerToken?
    let metrics: ServiceMetrics
    let state: ServiceState
    /// Built once: the rule packs do not change while the service runs.
    let rulesBody: ByteBuffer

    func respond(to request: Request, context: BasicRequestContext) async throws -> Response {
        let started = ContinuousClock.now
        let route = Route(rawValue: request.uri.path)
        var bytesIn = 0
        var response: Response
        do throws(ServiceError) {
            response = try await answer(request, route: route, logger: context.logger, bytesIn: &bytesIn)
        } catch {
            response = Self.response(for: error)
        }
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        let elapsed = ContinuousClock.now - started
        // The route template, never the path: an unknown path is the caller's text and would grow the series.
        let label = route?.rawValue ?? "unmatched"
        metrics.request(route: label, method: request.method.rawValue, status: response.status.code, duration: elapsed)
        context.logger.info("request", metadata: [
            "route": "\(label)",
            "method": "\(request.method.rawValue)",
            "status": "\(response.status.code)",
            "bytes_in": "\(bytesIn)",
            "bytes_out": "\(response.body.contentLength.map(String.init) ?? "streamed")",
            "ms": "\(elapsed.milliseconds)",
        ])
        return response
    }

    private func answer(_ request: Request, route: Route?, logger: Logger, bytesIn: inout Int) async throws(ServiceError) -> Response {
        guard let route else { throw .notFound }
        guard route.methods.contains(request.method) else {
            throw .methodNotAllowed(allowed: route.methods.map(\.rawValue))
        }
        if route.needsToken, let token, !token.accepts(authorization: request.headers[.authorization]) {
            throw .unauthorized
        }
        let response: Response
        switch route {
        case .classify:
            guard !state.draining else { throw .draining }
            return try await classify.respond(to: request, logger: logger, bytesIn: &bytesIn)
        case .page:
            response = Self.ok(VolunteerPage.html, type: "text/html; charset=utf-8",
                               extra: [.contentSecurityPolicy: VolunteerPage.contentSecurityPolicy])
        case .rules:
            response = Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: rulesBody))
        case .health:
            response = Self.ok(#"{"status":"ok"}"# + "\n", type: "application/json")
        case .ready:
            guard !state.draining else { throw .draining }
            response = Self.ok(#"{"status":"ready"}"# + "\n", type: "application/json")
        case .metrics:
            response = Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(bytes: metrics.render())))
        case .openAPI:
            response = Self.ok(OpenAPIDocument.json, type: "application/json")
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    private static func ok(_ text: String, type: String, extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: type]
        headers.append(contentsOf: extra)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The JSON error answer, with the headers its status calls for.
    static func response(for error: ServiceError) -> Response {
        var headers: HTTPFields = [.contentType: "application/json"]
        switch error {
        case let .methodNotAllowed(allowed): headers[.allow] = allowed.joined(separator: ", ")
        case .unauthorized: headers[.wwwAuthenticate] = "Bearer realm=\"classify\""
        case let .busy(seconds): headers[.retryAfter] = String(seconds)
        case .draining, .timeout: headers[.retryAfter] = "5"
        default: break
        }
        return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: error.body)))
    }
}
