import PGEntraFuzzTargets
import PGEntraIdentity
#if canImport(Glibc)
import Glibc
#endif
#if FUZZING
import CLibFuzzer
#endif

/// `pgentra-fuzz`, the one program behind every fuzz target (issue 11 item 4):
///
///     pgentra-fuzz --list
///     pgentra-fuzz TARGET --write-seeds DIR      the target's seeds, one file each
///     pgentra-fuzz TARGET [LIBFUZZER ARGS...]    fuzzing build: libFuzzer's command line
///     pgentra-fuzz TARGET FILE...                any build: runs each input once
///
/// scripts/fuzz builds it with AddressSanitizer, libFuzzer's coverage and `-DFUZZING`, and
/// runs each target for a set time; an ordinary build replays inputs, which is how a crash file is checked without
/// the fuzzing build. Bodies may write files only in $PGENTRA_FUZZ_SCRATCH (an empty private
/// directory; without it one is made and removed).
@main enum FuzzDriver {
    /// libFuzzer calls back through a C function pointer, which can capture nothing: the body
    /// it runs is this constant, made on first use from the target named on the command line.
    static let body: @Sendable ([UInt8]) -> Void = {
        FuzzTarget.named(CommandLine.arguments[1])!.body(scratch: scratch.path)
    }()

    static let scratch = Scratch()

    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count == 2 && arguments[1] == "--list" {
            for target in FuzzTarget.all { print("\(target.name)\t\(target.summary)") }
            return
        }
        guard arguments.count >= 2, FuzzTarget.named(arguments[1]) != nil else {
            fail("usage: pgentra-fuzz --list | TARGET [--write-seeds DIR | FILE... | LIBFUZZER ARGS...]")
        }
        if arguments.count == 4 && arguments[2] == "--write-seeds" {
            writeSeeds(of: FuzzTarget.named(arguments[1])!, to: arguments[3])
            return
        }
        #if FUZZING
        // libFuzzer reads its own flags and corpus directories: everything after the target.
        var cArguments = ([arguments[0]] + arguments.dropFirst(2)).map { strdup($0) }
        cArguments.append(nil)
        var count = CInt(cArguments.count - 1)
        let status = cArguments.withUnsafeMutableBufferPointer { buffer -> CInt in
            var argv = buffer.baseAddress
            return LLVMFuzzerRunDriver(&count, &argv) { data, size in
                FuzzDriver.body(size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
                return 0
            }
        }
        scratch.remove()
        exit(status)
        #else
        for path in arguments.dropFirst(2) {
            // FileContents, as pgentra reads files: a crash file or seed is a regular file.
            let input: [UInt8]
            do throws(FileContents.ReadError) {
                input = try FileContents.read(path, limit: Int.max)
            } catch {
                fail("pgentra-fuzz: cannot read \(path): \(error)")
            }
            body(input)
            print("\(path): ok")
        }
        scratch.remove()
        #endif
    }

    private static func writeSeeds(of target: FuzzTarget, to directory: String) {
        for (index, seed) in target.seeds.enumerated() {
            let path = "\(directory)/seed-\(index)"
            let fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0o644)
            guard fd >= 0, seed.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) == seed.count else {
                fail("pgentra-fuzz: cannot write \(path)")
            }
            close(fd)
        }
    }

    static func printError(_ message: String) {
        let line = Array((message + "\n").utf8)
        _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }

    private static func fail(_ message: String) -> Never {
        FuzzDriver.printError(message)
        exit(2)
    }
}

/// The directory bodies write in: $PGENTRA_FUZZ_SCRATCH when scripts/fuzz gives one (it
/// removes it even after a crash), else a private one made here.
final class Scratch: Sendable {
    let path: String
    private let owned: Bool

    init() {
        if let given = getenv("PGENTRA_FUZZ_SCRATCH").map({ String(cString: $0) }), !given.isEmpty {
            path = given
            owned = false
            return
        }
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/pgentra-fuzz.XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            FuzzDriver.printError("pgentra-fuzz: cannot make a scratch directory in \(base)")
            exit(2)
        }
        path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        owned = true
    }

    func remove() {
        guard owned else { return }
        Self.removeTree(path)
    }

    /// Depth first, links not followed: what the bodies left, then the directory.
    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR, let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { removeTree("\(path)/\(name)") }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
