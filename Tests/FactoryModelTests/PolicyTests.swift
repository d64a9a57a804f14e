import Foundation
import Testing
import FactoryModel

@Suite("Policy rules as pure functions")
struct PolicyTests {
    @Test(arguments: Role.allCases)
    func roleMatrix(role: Role) {
        let actor = Actor(account: "someone")
        let approval = ApprovalID(rawValue: 1)
        let run = RunID(rawValue: 1)
        let expectations: [(OperatorAction, Role)] = [
            (.approve(approval, reason: nil), .supervisor), (.reject(approval, reason: "r"), .supervisor),
            (.cancel(run, reason: "r"), .operator), (.reroute(run, toPool: "p", reason: "r"), .operator),
            (.grant(account: "a", role: .viewer), .admin),
        ]
        for (action, needed) in expectations {
            let allowed = (try? Policy.checkRole(role, actor: actor, for: action)) != nil
            #expect(allowed == (role >= needed), "\(role) \(action.name)")
        }
    }

    @Test func reasonRules() throws {
        #expect(try ReasonRule.validate(nil, required: false) == nil)
        #expect(try ReasonRule.validate("  vérifié  ", required: true) == "vérifié")
        #expect(try ReasonRule.validate(String(repeating: "é", count: 500), required: true)?.count == 500)
        for bad in ["", " ", String(repeating: "a", count: 501), "a\u{0}b", "a\u{9B}b", "a\u{200B}b", "a\u{2066}b"] {
            #expect(throws: ActionError.self) { try ReasonRule.validate(bad, required: true) }
        }
    }

    @Test func prefixedIDsParseStrictly() {
        #expect(RunID("R-190233")?.rawValue == 190_233)
        #expect(RunID("r-12")?.rawValue == 12)
        #expect(RunID("12")?.rawValue == 12)
        #expect(ApprovalID("A-4821")?.description == "A-4821")
        for bad in ["", "R-", "R-0", "A-12", "R12", "R--1", "R-1x", "R-١٢", "R-99999999999999999999", "1 OR 1=1"] {
            #expect(RunID(bad) == nil, "\(bad)")
        }
    }

    @Test func auditEncodingSeparatesFieldsUnambiguously() {
        let at = Date(timeIntervalSince1970: 0)
        let a = AuditChain.canonicalEncoding(seq: 1, at: at, actor: "ab", via: nil, action: "c", subject: "s", outcome: .ok, details: "{}", prevHash: "0")
        let b = AuditChain.canonicalEncoding(seq: 1, at: at, actor: "a", via: nil, action: "bc", subject: "s", outcome: .ok, details: "{}", prevHash: "0")
        #expect(a != b)
    }
}
