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

    [Fact]
    public void WithoutPackagesTheSharedFrameworkResolvesAndThePackagesDoNot()
    {
        var types = WellKnownTypes.GetOrCreate(
            CSharpCompilation.Create("UnrestoredProbe", [CSharpSyntaxTree.ParseText("class C { }")], TestReferences.WithoutPackages));

        Assert.True(types.ReferencesAspNetCore);
        Assert.True(types.MayBeUnrestoredWebCode);
        Assert.Null(types.Get(TypeNames.TokenValidationParameters));
        Assert.Null(types.Get("Microsoft.EntityFrameworkCore.DbContext"));
    }

    [Fact]
    public void CodeWhereNothingOfTheHostingStackResolvesMayBeUnrestoredWebCode()
    {
        var types = WellKnownTypes.GetOrCreate(CSharpCompilation.Create(
            "BareProbe", [CSharpSyntaxTree.ParseText("class C { }")], options: new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary)));

        Assert.False(types.ReferencesAspNetCore);
        Assert.True(types.MayBeUnrestoredWebCode);
    }

    [Fact]
    public void AnExecutableWithoutAspNetCoreIsNotUnrestoredWebCode()
    {
        var options = new CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication);
        var types = WellKnownTypes.GetOrCreate(CSharpCompilation.Create("WorkerProbe", [CSharpSyntaxTree.ParseText("class C { static void Main() { } }")], options: options));

        Assert.False(types.MayBeUnrestoredWebCode);
    }
}
