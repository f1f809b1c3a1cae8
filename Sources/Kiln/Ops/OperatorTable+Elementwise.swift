extension OperatorTable {
    /// Unary and binary element-wise math, comparisons, logic, Where, Cast.
    static let elementwise: [Operator.Type] = [
        // binary arithmetic
        Add.self, Sub.self, Mul.self, Div.self, Pow.self, Mod.self,
        Max.self, Min.self, Sum.self, Mean.self,
        BitShift.self, BitwiseAnd.self, BitwiseOr.self, BitwiseXor.self, BitwiseNot.self,
        // comparisons and logic
        Equal.self, Less.self, Greater.self, LessOrEqual.self, GreaterOrEqual.self,
        Not.self, And.self, Or.self, Xor.self, Where.self,
        // unary math
        Abs.self, Neg.self, Sign.self, Exp.self, Log.self, Sqrt.self, Reciprocal.self, Erf.self,
        Floor.self, Ceil.self, Round.self, IsNaN.self, IsInf.self,
        Sin.self, Cos.self, Tan.self, Asin.self, Acos.self, Atan.self,
        Sinh.self, Cosh.self, Asinh.self, Acosh.self, Atanh.self,
        // activations
        Relu.self, LeakyRelu.self, PRelu.self, Elu.self, Selu.self, Celu.self, Sigmoid.self, HardSigmoid.self,
        HardSwish.self, Tanh.self, Softplus.self, Softsign.self, ThresholdedRelu.self, Shrink.self, Gelu.self,
        Mish.self, Swish.self, SwiGLU.self, Clip.self,
        // conversions
        Cast.self, CastLike.self,
    ]
}
