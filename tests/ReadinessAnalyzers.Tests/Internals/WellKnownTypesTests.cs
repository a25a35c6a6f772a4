using Microsoft.CodeAnalysis.CSharp;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Internals;

public class WellKnownTypesTests
{
    private static WellKnownTypes Types() => WellKnownTypes.GetOrCreate(
        CSharpCompilation.Create("WellKnownTypesProbe", [CSharpSyntaxTree.ParseText("class C { }")], TestReferences.Default));

    [Fact]
    public void ANameTwoAssembliesDeclareIsFoundInTheNamedAssembly()
    {
        var types = Types();
        const string name = "Microsoft.Extensions.Logging.LoggingBuilderExtensions";

        // Public in Microsoft.Extensions.Logging and in Microsoft.Extensions.Logging.Configuration: ambiguous by name alone.
        Assert.Null(types.Get(name));

        var inLogging = types.Get(name, "Microsoft.Extensions.Logging");
        Assert.NotNull(inLogging);
        Assert.Equal("Microsoft.Extensions.Logging", inLogging!.ContainingAssembly.Name);
        Assert.Contains(inLogging.GetMembers("SetMinimumLevel"), m => m.IsStatic);

        Assert.Equal("Microsoft.Extensions.Logging.Configuration", types.Get(name, "Microsoft.Extensions.Logging.Configuration")!.ContainingAssembly.Name);
    }

    [Fact]
    public void AnAssemblyThatDoesNotDeclareTheTypeFindsNone()
    {
        var types = Types();
        Assert.Null(types.Get("Microsoft.Extensions.Logging.LoggingBuilderExtensions", "Microsoft.AspNetCore.Http"));
        Assert.Null(types.Get("Missing.Type", "Microsoft.Extensions.Logging"));
        Assert.Same(types.Get("Microsoft.Extensions.Logging.LogLevel"), types.Get("Microsoft.Extensions.Logging.LogLevel", "Microsoft.Extensions.Logging.Abstractions"));
    }
}
