using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Internals;

public class InvocationsTests
{
    private const string Code = """
        public class Options { public bool? Detailed { get; set; } }
        public class Builder
        {
            public Builder Enable(bool enabled = true) => this;
            public static void Run(Builder b, Options o, bool flag)
            {
                b.Enable();
                b.Enable(true);
                b.Enable(enabled: false);
                b.Enable(flag);
                b.Enable().Enable(true);
                o.Detailed = true;
                o.Detailed = flag;
            }
        }
        """;

    private static (List<IInvocationOperation> Calls, List<ISimpleAssignmentOperation> Assignments) Operations()
    {
        var tree = CSharpSyntaxTree.ParseText(Code);
        var compilation = CSharpCompilation.Create("InvocationsProbe", [tree], TestReferences.Default, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot();
        var calls = root.DescendantNodes().OfType<ExpressionStatementSyntax>()
            .Select(s => model.GetOperation(s.Expression)).OfType<IInvocationOperation>().ToList();
        var assignments = root.DescendantNodes().OfType<AssignmentExpressionSyntax>()
            .Select(a => model.GetOperation(a)).OfType<ISimpleAssignmentOperation>().ToList();
        return (calls, assignments);
    }

    [Fact]
    public void EnablesFlagIsTrueForAnOmittedOrConstantTrueArgumentOnly()
    {
        var calls = Operations().Calls;
        Assert.Equal([true, true, false, false, true], calls.Select(Invocations.EnablesFlag));
    }

    [Fact]
    public void IsConstantTrueLooksThroughTheNullableConversion()
    {
        var assignments = Operations().Assignments;
        Assert.True(Invocations.IsConstantTrue(assignments[0].Value));
        Assert.False(Invocations.IsConstantTrue(assignments[1].Value));
        Assert.False(Invocations.IsConstantTrue(null));
    }

    [Fact]
    public void CallLocationStartsAtTheMethodName()
    {
        var chained = Operations().Calls[4];
        var text = chained.Syntax.SyntaxTree.GetText().ToString(Invocations.CallLocation(chained).SourceSpan);
        Assert.Equal("Enable(true)", text);
    }
}
