import Foundation

/// The emulator's own routes: a liveness check and run-time fault control. They are never
/// faulted themselves (see Router), so a test can always clear the faults it set.
extension Endpoints {
    func health() -> HTTPResponse {
        .json(200, ["ok": true])
    }

    /// Replaces the fault list with the body's specs, one per line; all or nothing.
    func replaceFaults(_ context: RequestContext) -> HTTPResponse {
        let lines = String(decoding: context.request.body, as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var parsed: [Fault] = []
        for (index, line) in lines.enumerated() {
            do {
                parsed.append(try Fault(spec: line))
            } catch {
                return .error(400, "invalid_request", "line \(index + 1) (\(line)): \(error)")
            }
        }
        faults.replace(with: parsed)
        Log.info("faults replaced: \(lines.isEmpty ? "none" : lines.joined(separator: ", "))")
        return .json(200, ["ok": true, "faults": .int(parsed.count)])
    }

    func clearFaults() -> HTTPResponse {
        faults.replace(with: [])
        Log.info("faults cleared")
        return .json(200, ["ok": true, "faults": 0])
    }
}
