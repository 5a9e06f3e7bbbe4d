import Foundation

// entra-emulator: parse, start, wait for SIGTERM/SIGINT, exit 0. Bad options exit 2, a failed
// start exits 1.

tzset()  // az's expiresOn is local time; read TZ once, before any thread formats a date.
signal(SIGPIPE, SIG_IGN)  // a client that leaves mid-answer is a failed write, not our death.

let command: EmulatorCommand
do {
    command = try EmulatorOptions.parse(Array(CommandLine.arguments.dropFirst()))
} catch {
    Log.info(error.message)
    exit(2)
}

switch command {
case .help:
    print(UsageText.text, terminator: "")
    exit(0)
case .serve(let options):
    // Blocked before any thread exists, so every thread inherits the mask and the signals
    // arrive only through sigwait below.
    var stopSignals = sigset_t()
    sigemptyset(&stopSignals)
    sigaddset(&stopSignals, SIGINT)
    sigaddset(&stopSignals, SIGTERM)
    pthread_sigmask(SIG_BLOCK, &stopSignals, nil)

    let emulator: Emulator
    do {
        emulator = try Emulator.start(options)
    } catch {
        Log.info("cannot start: \(error)")
        exit(1)
    }
    var received: Int32 = 0
    sigwait(&stopSignals, &received)
    Log.info("received \(received == SIGTERM ? "SIGTERM" : "SIGINT"), stopping")
    emulator.stop()
    exit(0)
}
