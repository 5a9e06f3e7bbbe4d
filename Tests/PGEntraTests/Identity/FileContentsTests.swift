import Foundation
import TestSupport
import Testing
@testable import PGEntraIdentity

/// Issue 11: a planted file never blocks a read and never grows it without bound.
@Suite struct FileContentsTests {
    /// Removed with the suite's value, FIFO and links included.
    private let temporary = TemporaryDirectory(prefix: "pgentra-file")
    private var directory: String { temporary.path }

    @Test func readsARegularFile() throws {
        let path = "\(directory)/token"
        try Data("abc".utf8).write(to: URL(fileURLWithPath: path))
        #expect(try FileContents.read(path, limit: 3) == Array("abc".utf8))
        #expect(throws: FileContents.ReadError.tooLarge(limit: 2)) { try FileContents.read(path, limit: 2) }
    }

    @Test func aFIFOIsRefusedWithoutWaitingForAWriter() {
        let path = "\(directory)/fifo"
        #expect(mkfifo(path, 0o600) == 0)
        #expect(throws: FileContents.ReadError.notRegularFile("a FIFO")) { try FileContents.read(path, limit: 100) }
    }

    @Test func aDirectoryAndADeviceAreRefused() {
        #expect(throws: FileContents.ReadError.notRegularFile("a directory")) { try FileContents.read(directory, limit: 100) }
        #expect(throws: FileContents.ReadError.notRegularFile("a character device")) {
            try FileContents.read("/dev/zero", limit: 100)
        }
    }

    @Test func aLinkIsFollowedOnlyWhenAsked() throws {
        let target = "\(directory)/target"
        try Data("key".utf8).write(to: URL(fileURLWithPath: target))
        let link = "\(directory)/link"
        #expect(symlink(target, link) == 0)
        #expect(try FileContents.read(link, limit: 100) == Array("key".utf8))
        #expect(throws: FileContents.ReadError.cannotOpen("it is a symbolic link")) {
            try FileContents.read(link, limit: 100, followLinks: false)
        }
    }
}
