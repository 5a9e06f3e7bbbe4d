import Testing
@testable import PGEntraOutput
@testable import PGEntraSystem

extension OutputTests {
    /// Bytes that are not UTF-8 survive a trip through a String (issue 10, item 4): psql sends
    /// a script's bytes as they are, so pgentra's exits must give back exactly what was read.
    @Suite struct LosslessTextTests {
        private func roundTrip(_ bytes: [UInt8]) -> [UInt8] {
            LosslessText.bytes(of: LosslessText.string(decoding: bytes))
        }

        @Test func validUTF8IsDecodedAsItIs() {
            let text = "select 'café', '日本語', '😀' -- \u{FFFD}"
            #expect(LosslessText.string(decoding: Array(text.utf8)) == text)
            #expect(LosslessText.bytes(of: text) == Array(text.utf8))
        }

        @Test func everyByteAloneAndAfterALeadByteComesBack() {
            for byte in UInt8.min...UInt8.max {
                #expect(roundTrip([byte]) == [byte])
                #expect(roundTrip([0x61, byte, 0x62]) == [0x61, byte, 0x62])
                #expect(roundTrip([0xE6, byte]) == [0xE6, byte])
                #expect(roundTrip([0xF4, 0x8F, byte]) == [0xF4, 0x8F, byte])
            }
        }

        @Test func pseudoRandomByteStringsComeBack() {
            var state: UInt32 = 12345
            for length in 0..<300 {
                var bytes: [UInt8] = []
                for _ in 0..<length {
                    state = state &* 1_103_515_245 &+ 12345
                    bytes.append(UInt8(truncatingIfNeeded: state >> 16))
                }
                #expect(roundTrip(bytes) == bytes)
            }
        }

        @Test func anUndecodableByteIsOneCharacterThatIsNotTheReplacementCharacter() {
            let text = LosslessText.string(decoding: [0x63, 0x61, 0x66, 0xE9])
            #expect(text.unicodeScalars.map(\.value) == [0x63, 0x61, 0x66, 0x10FFE9])
            #expect(!text.contains("\u{FFFD}"))
        }

        @Test func genuineEscapeCodePointsAreEscapedByteByByte() {
            let genuine = Array("a\u{10FF80}\u{10FFFF}b".utf8)
            let text = LosslessText.string(decoding: genuine)
            #expect(text.unicodeScalars.count == 10)
            #expect(LosslessText.bytes(of: text) == genuine)
            // A code point just below the escapes is ordinary text.
            #expect(LosslessText.string(decoding: Array("\u{10FF7F}".utf8)) == "\u{10FF7F}")
        }

        @Test func surrogatesAndOverlongFormsAreNotUTF8() {
            for bytes: [UInt8] in [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80]] {
                let text = LosslessText.string(decoding: bytes)
                #expect(text.unicodeScalars.count == bytes.count)
                #expect(LosslessText.bytes(of: text) == bytes)
            }
        }

        @Test func cStringsGoOutRawAndStopAtTheFirstNUL() {
            let text = LosslessText.string(decoding: [0x78, 0xE9, 0x00, 0xFF])
            let sent = LosslessText.withCString(text) { pointer in
                pointer.withMemoryRebound(to: UInt8.self, capacity: 3) { Array(UnsafeBufferPointer(start: $0, count: 3)) }
            }
            #expect(sent == [0x78, 0xE9, 0x00])
            let back = [CChar(0x78), CChar(bitPattern: 0xE9), 0].withUnsafeBufferPointer { LosslessText.string(cString: $0.baseAddress!) }
            #expect(back == text.prefix(2).description)
        }

        @Test func theOutputStreamsWriteTheOriginalBytes() {
            let sink = ByteSink(.memory)
            sink.write(LosslessText.string(decoding: [0x63, 0xE9, 0x0A]))
            sink.flush()
            #expect(sink.captured == [0x63, 0xE9, 0x0A])
        }
    }
}
