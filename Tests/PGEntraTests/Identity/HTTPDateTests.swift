import Testing
@testable import PGEntraIdentity

@Suite struct HTTPDateTests {
    @Test func parsesIMFFixdate() {
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Tue, 14 Nov 2023 22:13:20 GMT") == Vector.now)
        #expect(HTTPDate.parse("tue, 14 nov 2023 22:13:20 gmt") == Vector.now)
    }

    @Test func rejectsOtherShapes() {
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 PST") == nil)
        #expect(HTTPDate.parse("Sun, 06 Foo 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("Sun, 32 Nov 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("120") == nil)
    }

    /// A hostile `iat` claim or cache time is shown as a number, never overflowing the calendar.
    @Test func civilTimeFormatsAnyEpoch() {
        #expect(CivilTime.format(Int64.min) == "\(Int64.min) s after 1970")
        #expect(CivilTime.format(Int64.max) == "\(Int64.max) s after 1970")
        #expect(CivilTime.format(253_402_300_799) == "9999-12-31 23:59:59 UTC")
        #expect(CivilTime.epoch(year: Int.max, month: 1, day: 1, hour: 0, minute: 0, second: 0) == nil)
        #expect(CivilTime.epoch(year: 10_000, month: 1, day: 1, hour: 0, minute: 0, second: 0) == nil)
    }

    @Test func civilTimeRoundTrips() {
        #expect(CivilTime.epoch(year: 2023, month: 11, day: 14, hour: 22, minute: 13, second: 20) == Vector.now)
        #expect(CivilTime.epoch(year: 1970, month: 1, day: 1, hour: 0, minute: 0, second: 0) == 0)
        #expect(CivilTime.epoch(year: 2024, month: 2, day: 29, hour: 0, minute: 0, second: 0) == 1_709_164_800)
        #expect(CivilTime.format(Vector.now) == "2023-11-14 22:13:20 UTC")
        #expect(CivilTime.format(0) == "1970-01-01 00:00:00 UTC")
        #expect(CivilTime.format(1_709_164_800) == "2024-02-29 00:00:00 UTC")
        #expect(CivilTime.format(-1) == "1969-12-31 23:59:59 UTC")
    }

    @Test func durationsReadLikeAHumanWouldSayThem() {
        #expect(CivilTime.duration(59) == "59 s")
        #expect(CivilTime.duration(3570) == "59 min 30 s")
        #expect(CivilTime.duration(7500) == "2 h 5 min")
        #expect(CivilTime.duration(-180) == "3 min 0 s")
    }
}
