import Foundation

/// The date spellings the emulated services use for expiry (credentials.md §4.3, §5, §6).
enum TimeFormat {
    /// `2023-11-14T23:13:20Z`: azd's `expiresOn`, PostgreSQL's `VALID UNTIL`.
    static func iso8601UTC(_ epoch: Int) -> String {
        let t = fields(epoch, local: false)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day))T\(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))Z"
    }

    /// `11/14/2023 23:13:20 +00:00`: App Service 2017 / Azure ML `expires_on` (UTC).
    static func appService2017(_ epoch: Int) -> String {
        let t = fields(epoch, local: false)
        return "\(pad(t.month))/\(pad(t.day))/\(t.year) \(pad(t.hour)):\(pad(t.minute)):\(pad(t.second)) +00:00"
    }

    /// `2023-11-14 23:13:20.000000` in the process's local time zone: az's `expiresOn`.
    static func azureCLILocal(_ epoch: Int) -> String {
        let t = fields(epoch, local: true)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day)) \(pad(t.hour)):\(pad(t.minute)):\(pad(t.second)).000000"
    }

    /// `2023-11-14 22:13:20Z`: the `timestamp` of Entra errors.
    static func entraTimestamp(_ epoch: Int) -> String {
        let t = fields(epoch, local: false)
        return "\(t.year)-\(pad(t.month))-\(pad(t.day)) \(pad(t.hour)):\(pad(t.minute)):\(pad(t.second))Z"
    }

    private static func fields(_ epoch: Int, local: Bool)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)
    {
        var time = time_t(epoch)
        var parts = tm()
        if local { localtime_r(&time, &parts) } else { gmtime_r(&time, &parts) }
        return (Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday),
                Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    private static func pad(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}
