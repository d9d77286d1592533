/// The UTF-8 byte-order mark (EF BB BF) some Windows tools put before a file's text: the one rule every reader
/// follows - skipped at the very start of a file or document, a byte of content anywhere else.
enum ByteOrderMark {
    /// 3 when `bytes` starts with the mark, else 0.
    static func length<Bytes: RandomAccessCollection>(at bytes: Bytes) -> Int where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex
        guard bytes.count >= 3, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF else { return 0 }
        return 3
    }
}
