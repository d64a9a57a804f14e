import Testing
@testable import FactorySimulator

@Suite("SeededRandom")
struct SeededRandomTests {
    @Test("matches the reference xoshiro256** seeded by SplitMix64")
    func referenceValues() {
        // Computed with an independent implementation of the published algorithms.
        var one = SeededRandom(seed: 1)
        #expect(one.next() == 0xB3F2_AF6D_0FC7_10C5)
        #expect(one.next() == 0x853B_5596_4736_4CEA)
        #expect(one.next() == 0x92F8_9756_082A_4514)
        #expect(one.next() == 0x642E_1C7B_C266_A3A7)
        var zero = SeededRandom(seed: 0)
        #expect(zero.next() == 0x99EC_5F36_CB75_F2B4)
        #expect(zero.next() == 0xBF6E_1F78_4956_452A)
    }

    @Test("the same seed gives the same sequence; another seed another one")
    func sameSeedSameSequence() {
        var a = SeededRandom(seed: 42)
        var b = SeededRandom(seed: 42)
        var c = SeededRandom(seed: 43)
        let first = (0..<100).map { _ in a.next() }
        #expect(first == (0..<100).map { _ in b.next() })
        #expect(first != (0..<100).map { _ in c.next() })
    }

    @Test("nextInt stays in range and reaches both ends")
    func intRange() {
        var random = SeededRandom(seed: 7)
        var seen = Set<Int>()
        for _ in 0..<2_000 {
            let value = random.nextInt(in: -3...3)
            #expect((-3...3).contains(value))
            seen.insert(value)
        }
        #expect(seen == Set(-3...3))
        #expect(random.nextInt(in: 5...5) == 5)
    }

    @Test("nextDouble is in [0, 1) and chance honours its extremes")
    func doubles() {
        var random = SeededRandom(seed: 9)
        for _ in 0..<1_000 {
            let value = random.nextDouble()
            #expect(value >= 0 && value < 1)
        }
        #expect((0..<100).allSatisfy { _ in !random.chance(0) })
        #expect((0..<100).allSatisfy { _ in random.chance(1) })
    }

    @Test("pick, weighted pick and shuffled use every element and only those")
    func picking() {
        var random = SeededRandom(seed: 3)
        let items = ["a", "b", "c", "d"]
        #expect(Set((0..<200).map { _ in random.pick(items) }) == Set(items))
        let weighted = (0..<500).map { _ in random.pick(items) { $0 == "d" ? 0 : 1 } }
        #expect(!weighted.contains("d"))
        #expect(Set(weighted) == ["a", "b", "c"])
        let shuffled = random.shuffled(Array(0..<50))
        #expect(shuffled.sorted() == Array(0..<50))
        #expect(shuffled != Array(0..<50))
    }
}
