import Foundation

/// The date spellings the emulated services use for expiry (credentials.md §4.3, §5, §6).
enum TimeFormat {
    /// `2023-11-14T23:13:20Z`: azd's `expiresOn`, PostgreSQL's `VALID UNTIL`.
    static func iso8601UTC(_ epoch: Int) -> String {
        Fields(epoch, local: false).dateAndTime(separator: "T") + "Z"
    }

    /// `11/14/2023 23:13:20 +00:00`: App Service 2017 / Azure ML `expires_on` (UTC).
    static func appService2017(_ epoch: Int) -> String {
        let t = Fields(epoch, local: false)
        return "\(t.month)/\(t.day)/\(t.year) \(t.time) +00:00"
    }

    /// `2023-11-14 23:13:20.000000` in the process's local time zone: az's `expiresOn`.
    static func azureCLILocal(_ epoch: Int) -> String {
        Fields(epoch, local: true).dateAndTime(separator: " ") + ".000000"
    }

    /// `2023-11-14 22:13:20Z`: the `timestamp` of Entra errors.
    static func entraTimestamp(_ epoch: Int) -> String {
        Fields(epoch, local: false).dateAndTime(separator: " ") + "Z"
    }

    /// The calendar fields of an instant, spelled with two digits each but the year.
    private struct Fields {
        let year: String
        let month: String
        let day: String
        /// `23:13:20`.
        let time: String

        init(_ epoch: Int, local: Bool) {
            var time = time_t(epoch)
            var parts = tm()
            if local { localtime_r(&time, &parts) } else { gmtime_r(&time, &parts) }
            year = String(Int(parts.tm_year) + 1900)
            month = Self.pad(Int(parts.tm_mon) + 1)
            day = Self.pad(Int(parts.tm_mday))
            self.time = "\(Self.pad(Int(parts.tm_hour))):\(Self.pad(Int(parts.tm_min))):\(Self.pad(Int(parts.tm_sec)))"
        }

        /// `2023-11-14`, `separator`, `23:13:20`.
        func dateAndTime(separator: String) -> String {
            "\(year)-\(month)-\(day)\(separator)\(time)"
        }

        private static func pad(_ value: Int) -> String {
            value < 10 ? "0\(value)" : "\(value)"
        }
    }
}
