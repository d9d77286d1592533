/// A signal found in one text: the text's index in the server's text list and the byte range in the original.
struct SignalHit {
    let signal: String
    /// The signal's index in the engine's match program.
    let signalIndex: Int
    let textIndex: Int
    let originalBytes: Range<Int>
    let view: TextView.Kind
    /// What the match reads in a normalised view ("leaks" for 𝓵𝓮𝓪𝓴𝓼); nil in the raw view.
    let viewMatch: String?
}
