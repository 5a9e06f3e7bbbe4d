/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the form `Retry-After` dates take.
enum HTTPDate {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    static func parse(_ text: String) -> Int64? {
        let words = text.split(separator: " ")
        guard words.count == 6, words[5].uppercased() == "GMT",
              let day = Int(words[1]), let month = months.firstIndex(of: words[2].lowercased()),
              let year = Int(words[3]) else { return nil }
        let time = words[4].split(separator: ":").compactMap { Int($0) }
        guard time.count == 3 else { return nil }
        return CivilTime.epoch(year: year, month: month + 1, day: day, hour: time[0], minute: time[1], second: time[2])
    }
}

/// Calendar arithmetic in UTC without Foundation's calendars (Howard Hinnant's days-from-civil).
package enum CivilTime {
    /// nil outside years 1 to 9999, so that no field of a hostile date can overflow the arithmetic.
    static func epoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int64? {
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day), (0...23).contains(hour),
              (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146097 + dayOfEra - 719468
        return Int64(days) * 86400 + Int64(hour * 3600 + minute * 60 + second)
    }
}

extension CivilTime {
    /// `2023-11-14 22:13:20 UTC` for an epoch time; a time outside years 1 to 9999 (a hostile
    /// claim or cache entry) as its number, rather than overflowing the calendar arithmetic.
    package static func format(_ epoch: Int64) -> String {
        guard (-62_135_596_800...253_402_300_799).contains(epoch) else { return "\(epoch) s after 1970" }
        let days = Int(epoch >= 0 ? epoch / 86400 : (epoch - 86399) / 86400)
        let secondsOfDay = Int(epoch - Int64(days) * 86400)
        let shifted = days + 719468
        let era = (shifted >= 0 ? shifted : shifted - 146096) / 146097
        let dayOfEra = shifted - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(secondsOfDay / 3600)):\(two(secondsOfDay / 60 % 60)):\(two(secondsOfDay % 60)) UTC"
    }

    /// `59 min 30 s`, `2 h 5 min`, `expired 3 min ago` style durations for humans.
    package static func duration(_ seconds: Int64) -> String {
        let magnitude = abs(seconds)
        let text: String
        if magnitude >= 3600 {
            text = "\(magnitude / 3600) h \(magnitude / 60 % 60) min"
        } else if magnitude >= 60 {
            text = "\(magnitude / 60) min \(magnitude % 60) s"
        } else {
            text = "\(magnitude) s"
        }
        return text
    }
}
