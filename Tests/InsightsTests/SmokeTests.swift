import Testing
@testable import InsightsCore

@Test("the stemmer joins plural and singular")
func stemmerJoinsPlurals() {
    #expect(Stemmer.stem("migrations") == Stemmer.stem("migration"))
}
