import Classifier
import Foundation

/// The language of `--help`: `--lang fr|en` anywhere on the command line, else the locale as reports choose it
/// (LC_ALL, LC_MESSAGES, LANG). Decided once, before argument-parser builds any help text; its headings (USAGE,
/// OPTIONS) stay in English, which argument-parser does not translate.
enum HelpText {
    static let language: ReportLanguage = {
        let arguments = CommandLine.arguments
        for (index, argument) in arguments.enumerated() {
            if argument == "--lang", index + 1 < arguments.count, let language = ReportLanguage(rawValue: arguments[index + 1]) {
                return language
            }
            if argument.hasPrefix("--lang="), let language = ReportLanguage(rawValue: String(argument.dropFirst(7))) {
                return language
            }
        }
        return ReportLanguage.fromEnvironment()
    }()

    /// The English or the French text, by ``language``.
    static func say(_ english: String, _ french: String) -> String { language == .fr ? french : english }
}
