import Foundation
import PGEntraFuzzTargets
import TestSupport
import Testing

/// Every fuzz target's seeds and every input that once broke it (Fuzz/Regressions/TARGET),
/// run through the target's body in an ordinary build: a crash or a failed invariant there
/// stops this test process, so a fixed crash stays fixed without the fuzzing build.
@Suite struct FuzzRegressionTests {
    static let regressions = SourceTree.path("Fuzz/Regressions")

    @Test(arguments: FuzzTarget.all.map(\.name))
    func seedsAndSavedCrashesRun(_ name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        #expect(!target.seeds.isEmpty, "a target needs seeds from the unit tests")
        let scratch = ScratchDirectory("pgentra-fuzz")
        let body = target.body(scratch: scratch.path)
        for seed in target.seeds { body(seed) }
        let directory = "\(Self.regressions)/\(name)"
        // A target that never broke has no directory; one that has must be read.
        let files = FileManager.default.fileExists(atPath: directory) ? try FileManager.default.contentsOfDirectory(atPath: directory) : []
        for file in files.sorted() {
            body(Array(try #require(FileManager.default.contents(atPath: "\(directory)/\(file)"))))
        }
    }

    /// A directory named for no target would never be replayed.
    @Test func everyRegressionDirectoryIsATarget() throws {
        let directories = try FileManager.default.contentsOfDirectory(atPath: Self.regressions)
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }
        #expect(Set(directories).isSubset(of: Set(FuzzTarget.all.map(\.name))))
    }

    @Test func targetNamesAreUnique() {
        #expect(Set(FuzzTarget.all.map(\.name)).count == FuzzTarget.all.count)
    }
}
