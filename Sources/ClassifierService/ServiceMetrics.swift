import Classifier
import Prometheus

/// The service's Prometheus metrics (`GET /metrics`): requests by route, method and status, their latency, and the
/// servers classified per verdict. Labels are the service's own words (route templates, verdicts), never anything
/// from a request, so a caller cannot grow the series without bound.
public final class ServiceMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry = PrometheusCollectorRegistry()
    private static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
        .seconds(10), .seconds(30),
    ]

    /// Registers every series at zero, so a scrape before the first request already lists them.
    public init() {
        for verdict in Verdict.allCases { _ = servers(verdict.rawValue) }
        _ = servers("input-error")
    }

    /// Counts one answered request and records how long it took.
    func request(route: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(
            descriptor: .init(namespace: "classify", subsystem: "http", metricName: "requests", unitName: "total",
                              helpText: "HTTP requests answered, by route, method and status."),
            labels: [("route", route), ("method", method), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(namespace: "classify", subsystem: "http", metricName: "request_duration", unitName: "seconds",
                              helpText: "Time from a request's head to its answer, by route."),
            labels: [("route", route)], buckets: Self.latencyBuckets
        ).record(duration)
    }

    /// Counts the servers of one request by verdict, and the records that could not be read.
    func classified(verdicts: [Verdict: Int], inputErrors: Int) {
        for (verdict, count) in verdicts where count > 0 { servers(verdict.rawValue).increment(by: Int64(count)) }
        if inputErrors > 0 { servers("input-error").increment(by: Int64(inputErrors)) }
    }

    private func servers(_ verdict: String) -> Counter {
        registry.makeCounter(
            descriptor: .init(namespace: "classify", metricName: "servers", unitName: "total",
                              helpText: "Servers classified, by verdict (input-error: records that could not be read)."),
            labels: [("verdict", verdict)]
        )
    }

    /// The Prometheus text exposition of every metric.
    public func render() -> [UInt8] { registry.emitToBuffer() }
}
