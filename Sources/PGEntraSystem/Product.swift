/// pgentra's own version: what `--version`, `\set VERSION` and the startup banner show, and
/// the suffix of a versioned startup file (`~/.psqlrc-0.1.0`).
package enum Product {
    package static let version = "0.1.0"
}
