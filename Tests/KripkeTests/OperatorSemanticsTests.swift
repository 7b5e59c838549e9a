import Kripke
import Testing

/// The one definition of operator semantics the validator and the symbolic engine fold with.
@Suite struct OperatorSemanticsTests {
    @Test func arithmeticMatchesTheExplorer() {
        #expect(Expr.BinaryOperator.modulo.apply(-1, 3) == 2)
        #expect(Expr.BinaryOperator.modulo.apply(-1, -3) == 2)
        #expect(Expr.BinaryOperator.divide.apply(-7, 2) == -3)
        #expect(Expr.BinaryOperator.divide.apply(1, 0) == nil)
        #expect(Expr.BinaryOperator.modulo.apply(1, 0) == nil)
        #expect(Expr.BinaryOperator.add.apply(Int.max, 1) == Int.min)
        #expect(Expr.BinaryOperator.implies.apply(0, 0) == 1)
        #expect(Expr.BinaryOperator.implies.apply(1, 0) == 0)
    }
}
