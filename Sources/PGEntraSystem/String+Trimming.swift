extension StringProtocol {
    /// The product imports nothing from Foundation, so it has no CharacterSet trimming; headers,
    /// CLI output and token files need only ASCII blanks and line ends removed.
    package func trimmingWhitespace() -> String {
        let blanks: Set<Character> = [" ", "\t", "\r", "\n", "\r\n"]
        var slice = Substring(self)
        while let first = slice.first, blanks.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, blanks.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
