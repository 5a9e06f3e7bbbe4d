/// The Output layer's suites live in this namespace so that `swift test --filter Output` runs
/// exactly them.
enum OutputTests {}
