import Foundation

/// What a report needs besides the results: its language, colour, redaction, and where to report.
/// One value configures every format; a format ignores what it does not use.
public struct ReportOptions: Sendable {
    /// Language of text, markdown and summary words.
    public var language: ReportLanguage
    /// ANSI colours in text output.
    public var colour: Bool
    /// CSV as French spreadsheets open it (`;` and a byte-order mark).
    public var csvExcel: Bool
    /// Masks names and hashes ids before anything is rendered (`--redact`).
    public var redactor: Redactor?
    /// Where to report, for the formats that say it (markdown). Nil: none listed.
    public var referrals: Referrals?
    /// The date written in reports.
    public var date: Date
    /// List clear servers on the watch-list page too (`--all`); by default they are counted, not listed.
    public var listClear = false

    /// Options for every format; the defaults: English, no colour, plain CSV, no redaction or referrals, dated now.
    public init(language: ReportLanguage = .en, colour: Bool = false, csvExcel: Bool = false,
                redactor: Redactor? = nil, referrals: Referrals? = nil, date: Date = Date()) {
        self.language = language
        self.colour = colour
        self.csvExcel = csvExcel
        self.redactor = redactor
        self.referrals = referrals
        self.date = date
    }
}
