import Foundation
import Testing
@testable import Classifier

/// `--redact` output goes into complaints and shared reports: no invented name may survive in any format, on any
/// error path, on standard output or standard error.
@Suite struct RedactionLeakTests {
    private let cli = CLITests()

    /// Invented names, one per place a name can sit. None is a word any rule matches.
    static let names = ["Zorblaxine", "Quivvermont", "Plenthadu", "Graskowitz", "Ombrelune", "Tavikorra", "Ruspelgate",
                        "Wendlefrost", "Mirabouze", "Haskentir", "Ulvodrenne", "Bexxaloom", "Crindevale", "Yastrowel"]

    /// Files of every input shape and every error path, each naming some of the invented names.
    private func inputs() -> [String] {
        let folder = Support.temporaryDirectory() + "/Zorblaxine exports"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        func file(_ name: String, _ text: String) -> String {
            let path = folder + "/" + name
            Support.write(text, to: path)
            return path
        }
        let n = Self.names
        let native = #"{"id": "\#(n[1])-id", "name": "\#(n[1]) Club", "description": "chez \#(n[2])", "categories": [{"name": "\#(n[3])", "channels": ["\#(n[4])-leaks", {"name": "général", "topic": "photos de \#(n[5]) nudes"}]}]}"#
        let template = #"{"code": "\#(n[6])", "name": "\#(n[6]) Hub", "description": "\#(n[7])", "serialized_source_guild": {"name": "\#(n[6])", "channels": [{"id": 1, "type": 4, "name": "\#(n[7])-STREAMEUSES", "parent_id": null}, {"id": 2, "type": 0, "name": "leaks-\#(n[8])", "topic": null, "parent_id": 1, "nsfw": true}]}}"#
        let api = #"[{"id": "10", "guild_id": "\#(n[9])", "type": 4, "name": "\#(n[9])", "parent_id": null}, {"id": "11", "guild_id": "\#(n[9])", "type": 0, "name": "\#(n[10])-nudes-collège", "topic": "\#(n[10])", "parent_id": "10"}]"#
        let chat = #"{"guild": {"id": "\#(n[11])", "name": "\#(n[11]) Guild", "iconUrl": null}, "channel": {"id": "1", "type": "GuildTextChat", "categoryId": "2", "category": "\#(n[12])", "name": "\#(n[12])-tributes-nsfw", "topic": "\#(n[13])"}, "messages": [{"content": "\#(n[13])"}]}"#
        let lines = [native, "{\"name\": \"\(n[0]) broken", template.replacingOccurrences(of: "\n", with: " "),
                     #"{"name": "\#(n[2])", "categories": [{"name": "\#(n[3])", "channels": [42]}]}"#,
                     #"{"\#(n[4])": {"\#(n[5])": 1}}"#,
                     #"{"name": "\#(n[6])", "\#(n[7])": 1, "\#(n[7])": 2}"#,
                     #"{"name": "\#(n[8])", "channels": [{"name": "\#(String(repeating: n[8], count: 7000))"}]}"#]
        return [file("\(n[0]).json", native), file("\(n[6]).json", template), file("\(n[9]).json", api),
                file("\(n[11]) - \(n[12]) [1].json", chat), file("\(n[0]).jsonl", lines.joined(separator: "\n") + "\n"),
                file("\(n[13]).json", "{\"name\": \"\(n[13])\" \(n[13])"), file("\(n[1])-unknown.json", #"{"\#(n[1])": [1, 2]}"#)]
    }

    @Test func noInventedNameSurvivesRedactionInAnyFormatOrErrorPath() throws {
        let files = inputs()
        for format in ReportFormat.allCases {
            let run = try cli.classify(["--redact", "--redact-key", "k", "--format", format.rawValue, "--lang", "en",
                                        "--summary", "--progress"] + files)
            #expect(run.status == 2, "\(format): the error records must show in the exit code")
            #expect(!run.stdout.isEmpty && !run.stderr.isEmpty)
            let output = (run.stdout + "\n" + run.stderr).lowercased()
            for name in Self.names {
                #expect(!output.contains(name.lowercased()), "\(format): '\(name)' in the redacted output")
            }
            // And the evidence words are still there, so the reports are worth reading.
            #expect(output.contains("leaks") && output.contains("nudes"), "\(format)")
        }
    }
}
