using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Internals;

public class CallbacksTests
{
    /// <summary>Each assignment's value is judged; the field name says what the test expects.</summary>
    private const string Code = """
        using System;
        public class Token { public Token(string s) { } }
        public class Probe
        {
            public Func<int, bool>? AcceptsTrue, AcceptsBlock, AcceptsAnonymous, AcceptsMethod, AcceptsLocal, AcceptsLogging, AcceptsLocalFunction;
            public Func<int, bool>? RejectsCompare, RejectsThrow, RejectsCall, RejectsFalseBranch, RejectsNoReturn, RejectsExternal;
            public Func<string, string>? AcceptsIssuer, AcceptsConstantIssuer, RejectsOtherValue;
            public Func<string, Token>? AcceptsNewToken, AcceptsLocalToken, RejectsNull;

            public void Run(Func<int, bool> external)
            {
                Func<int, bool> local = _ => true;
                bool LocalAccept(int i) => true;
                AcceptsTrue = x => true;
                AcceptsBlock = x => { return (true); };
                AcceptsAnonymous = delegate { return true; };
                AcceptsMethod = Accept;
                AcceptsLocal = local;
                AcceptsLogging = x => { Console.WriteLine(x); return true; };
                AcceptsLocalFunction = LocalAccept;
                RejectsCompare = x => x > 0;
                RejectsThrow = x => { if (x < 0) throw new InvalidOperationException(); return true; };
                RejectsCall = x => { Check(x); return true; };
                RejectsFalseBranch = x => { if (x > 0) return true; return false; };
                RejectsNoReturn = x => throw new InvalidOperationException();
                RejectsExternal = external;
                AcceptsIssuer = issuer => issuer;
                AcceptsConstantIssuer = (issuer) => "https://idp.example.com";
                RejectsOtherValue = issuer => issuer.Trim();
                AcceptsNewToken = s => new Token(s);
                AcceptsLocalToken = s => { var t = new Token(s); return t; };
                RejectsNull = s => null!;
            }

            private static bool Accept(int x) => true;
            private static void Check(int x) { }
        }
        """;

    private static Dictionary<string, IOperation> Values()
    {
        var tree = CSharpSyntaxTree.ParseText(Code);
        var compilation = CSharpCompilation.Create("CallbacksProbe", [tree], TestReferences.Default, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        return tree.GetRoot().DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Select(a => (ISimpleAssignmentOperation)model.GetOperation(a)!)
            .ToDictionary(a => ((IFieldReferenceOperation)a.Target).Field.Name, a => a.Value);
    }

    [Theory]
    [InlineData("AcceptsTrue", true)]
    [InlineData("AcceptsBlock", true)]
    [InlineData("AcceptsAnonymous", true)]
    [InlineData("AcceptsMethod", true)]
    [InlineData("AcceptsLocal", true)]
    [InlineData("AcceptsLogging", true)]
    [InlineData("AcceptsLocalFunction", true)]
    [InlineData("RejectsCompare", false)]
    [InlineData("RejectsThrow", false)]
    [InlineData("RejectsCall", false)]
    [InlineData("RejectsFalseBranch", false)]
    [InlineData("RejectsNoReturn", false)]
    [InlineData("RejectsExternal", false)]
    public void ReturnsTrueOnlyForCallbacksThatCannotReject(string field, bool expected) =>
        Assert.Equal(expected, Callbacks.AlwaysAccepts(Values()[field], CallbackVerdict.ReturnsTrue));

    [Theory]
    [InlineData("AcceptsIssuer", true)]
    [InlineData("AcceptsConstantIssuer", true)]
    [InlineData("RejectsOtherValue", false)]
    public void ReturnsFirstParameterAcceptsThePassThroughAndConstants(string field, bool expected) =>
        Assert.Equal(expected, Callbacks.AlwaysAccepts(Values()[field], CallbackVerdict.ReturnsFirstParameter));

    [Theory]
    [InlineData("AcceptsNewToken", true)]
    [InlineData("AcceptsLocalToken", true)]
    [InlineData("RejectsNull", false)]
    public void ReturnsUncheckedTokenAcceptsBuiltTokens(string field, bool expected) =>
        Assert.Equal(expected, Callbacks.AlwaysAccepts(Values()[field], CallbackVerdict.ReturnsUncheckedToken));

    [Fact]
    public void NullIsNotAnAcceptingCallback() => Assert.False(Callbacks.AlwaysAccepts(null, CallbackVerdict.ReturnsTrue));
}
