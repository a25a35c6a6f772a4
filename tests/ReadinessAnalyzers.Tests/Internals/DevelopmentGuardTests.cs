using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Tests.Internals.GuardProbeAnalyzer>;

namespace ReadinessAnalyzers.Tests.Internals;

/// <summary>Reports every call to <c>Probe()</c> that the guard considers production code.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GuardProbeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Rule = new("PROBE", "Probe", "Probe runs in production", "Test", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Rule];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
            start.RegisterOperationAction(
                c =>
                {
                    if (((IInvocationOperation)c.Operation).TargetMethod.Name == "Probe" && !guard.IsDevelopmentOnly(c.Operation))
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, c.Operation.Syntax.GetLocation()));
                    }
                },
                OperationKind.Invocation);
        });
    }
}

public class DevelopmentGuardTests
{
    private static string InMethod(string body) => $$"""
        public static class Program
        {
            public static bool Probe() => true;

            public static void Run(WebApplication app, IHostEnvironment env, IWebHostEnvironment webEnv, bool flag)
            {
        {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("if (env.IsDevelopment()) { Probe(); }")]
    [InlineData("if (app.Environment.IsDevelopment()) Probe();")]
    [InlineData("if (webEnv.IsDevelopment()) { Probe(); }")]
    [InlineData("if (!env.IsDevelopment()) { } else { Probe(); }")]
    [InlineData("if (env.IsEnvironment(\"Development\")) { Probe(); }")]
    [InlineData("if (env.IsEnvironment(Environments.Development)) { Probe(); }")]
    [InlineData("if (env.EnvironmentName == \"Development\") { Probe(); }")]
    [InlineData("if (\"Development\" == env.EnvironmentName) { Probe(); }")]
    [InlineData("if (env.EnvironmentName != Environments.Development) { } else { Probe(); }")]
    [InlineData("if (string.Equals(env.EnvironmentName, \"development\", StringComparison.OrdinalIgnoreCase)) { Probe(); }")]
    [InlineData("if (env.EnvironmentName.Equals(\"Development\")) { Probe(); }")]
    [InlineData("if (env.EnvironmentName is \"Development\") { Probe(); }")]
    [InlineData("if (env.EnvironmentName is not \"Development\") { } else { Probe(); }")]
    [InlineData("if (!env.IsProduction()) { Probe(); }")]
    [InlineData("if (env.IsProduction()) { } else { Probe(); }")]
    [InlineData("if (env.EnvironmentName != \"Production\") { Probe(); }")]
    [InlineData("if (env.IsDevelopment() && flag) { Probe(); }")]
    [InlineData("if (env.IsDevelopment() == true) { Probe(); }")]
    [InlineData("if (env.IsDevelopment() != false) { Probe(); }")]
    [InlineData("if (!(env.IsDevelopment())) return; Probe();")]
    [InlineData("if (!env.IsDevelopment()) { return; } Probe();")]
    [InlineData("if (!env.IsDevelopment()) throw new InvalidOperationException(); Probe();")]
    [InlineData("if (env.IsProduction()) return; Probe();")]
    [InlineData("var isDev = env.IsDevelopment(); if (isDev) { Probe(); }")]
    [InlineData("_ = env.IsDevelopment() && Probe();")]
    [InlineData("_ = !env.IsDevelopment() || Probe();")]
    [InlineData("var x = env.IsDevelopment() ? Probe() : false;")]
    [InlineData("switch (env.EnvironmentName) { case \"Development\": Probe(); break; default: break; }")]
    [InlineData("if (env.IsDevelopment()) { app.MapGet(\"/\", () => { Probe(); return 1; }); }")]
    public Task DevelopmentOnlyCodeIsRecognised(string body) => Verify.VerifyAnalyzerAsync(InMethod(body));

    [Theory]
    [InlineData("[|Probe()|];")]
    [InlineData("if (env.IsDevelopment()) { } else { [|Probe()|]; }")]
    [InlineData("if (!env.IsDevelopment()) { [|Probe()|]; }")]
    [InlineData("if (env.IsDevelopment() || env.EnvironmentName == \"Docker\") { [|Probe()|]; }")]
    [InlineData("if (env.IsDevelopment() || flag) { [|Probe()|]; }")]
    [InlineData("if (env.IsStaging()) { [|Probe()|]; }")]
    [InlineData("if (env.IsProduction()) { [|Probe()|]; }")]
    [InlineData("if (env.IsEnvironment(\"Docker\")) { [|Probe()|]; }")]
    [InlineData("if (env.IsDevelopment() == false) { [|Probe()|]; }")]
    [InlineData("if (flag) { [|Probe()|]; }")]
    [InlineData("_ = env.IsDevelopment() || [|Probe()|];")]
    [InlineData("var x = env.IsDevelopment() ? false : [|Probe()|];")]
    [InlineData("if (env.IsDevelopment()) { } [|Probe()|];")]
    [InlineData("if (!env.IsDevelopment()) { Console.WriteLine(); } [|Probe()|];")]
    [InlineData("[|Probe()|]; if (!env.IsDevelopment()) return;")]
    [InlineData("switch (env.EnvironmentName) { case \"Development\": case \"Staging\": [|Probe()|]; break; }")]
    public Task ProductionCodeIsRecognised(string body) => Verify.VerifyAnalyzerAsync(InMethod(body));

    [Fact]
    public Task IfDebugRegionIsDevelopmentOnly() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        public static class Program
        {
            public static bool Probe() => true;

            public static void Run()
            {
        #if DEBUG
                Probe();
        #else
                Probe();
        #endif
        #if !DEBUG
                Probe(); // inactive when DEBUG is defined: not analysed at all
        #else
                Probe();
        #endif
        #if DEBUG && TRACE
                Probe();
        #endif
        #if DEBUG || RELEASE
                [|Probe()|];
        #endif
                [|Probe()|];
            }
        }
        """);

    [Fact]
    public Task ConditionalDebugMethodAndStartupConventionsAreDevelopmentOnly() => Verify.VerifyAnalyzerAsync("""
        using System.Diagnostics;

        public class Startup
        {
            public static bool Probe() => true;

            public void ConfigureDevelopmentServices(IServiceCollection services) => Probe();
            public void ConfigureDevelopment(IApplicationBuilder app) => Probe();
            public void ConfigureStagingServices(IServiceCollection services) => [|Probe()|];
            public void ConfigureDevelopmentAndStagingServices(IServiceCollection services) => [|Probe()|];
            public void Configure(IApplicationBuilder app) => [|Probe()|];

            [Conditional("DEBUG")]
            public void DumpState() => Probe();

            public void ConfigureDevelopmentContainer(object container)
            {
                void Local() => Probe();
                Local();
            }
        }
        """);

    [Fact]
    public Task TestProjectsAreDevelopmentOnly()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer>
        {
            TestCode = InMethod("Probe();"),
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task ExtraGuardMethodsComeFromEditorConfig()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer>
        {
            TestCode = """
                public static class Program
                {
                    public static bool Probe() => true;
                    public static bool IsLocalMachine(this IHostEnvironment env) => true;
                    public static bool IsOther(this IHostEnvironment env) => true;

                    public static void Run(IHostEnvironment env)
                    {
                        if (env.IsLocalMachine()) { Probe(); }
                        if (env.IsOther()) { [|Probe()|]; }
                    }
                }
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nreadiness.development_guard_methods = IsLocalMachine, IsDevOrTest\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task UnresolvedIsDevelopmentStillGuardsInHalfTypedCode() => Verify.VerifyBrokenCodeAsync("""
        public static class Program
        {
            public static bool Probe() => true;

            public static void Run(MissingType env)
            {
                if (env.IsDevelopment()) { Probe(); }
                if (env.IsSomethingElse()) { [|Probe()|]; }
                if (
            }
        }
        """);

    [Fact]
    public Task UnresolvedIsEnvironmentAndEnvironmentNameGuardByTheirExactNames() => Verify.VerifyBrokenCodeAsync("""
        public static class Program
        {
            public static bool Probe() => true;

            public static void Run(UnrestoredEnvironment env)
            {
                if (env.IsEnvironment("Development")) { Probe(); }
                if (!env.IsEnvironment("Production")) { Probe(); }
                if (env.EnvironmentName == "Development") { Probe(); }
                if (env.IsEnvironment("Staging")) { [|Probe()|]; }
                if (env.IsEnvironment(Names.Current)) { [|Probe()|]; }
                if (env.IsDevelopmentOrStaging()) { [|Probe()|]; }
            }
        }
        """);

    [Fact]
    public Task OlderHostingInterfacesInStartupConfigureGuard() => Verify.VerifyAnalyzerAsync("""
        #pragma warning disable CS0618 // IHostingEnvironment is obsolete: older apps still use it
        public class Startup
        {
            public static bool Probe() => true;

            public void Configure(IApplicationBuilder app, Microsoft.AspNetCore.Hosting.IHostingEnvironment env)
            {
                if (env.IsDevelopment()) { Probe(); }
                else { [|Probe()|]; }
            }

            public void ConfigureWorker(Microsoft.Extensions.Hosting.IHostingEnvironment env)
            {
                if (env.IsDevelopment()) { Probe(); }
                if (env.IsProduction()) { [|Probe()|]; }
            }
        }
        """);

    private const string WebAppProgram = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();
        [|Program.Probe()|];
        app.Run();

        public partial class Program
        {
            public static bool Probe() => true;
        }
        """;

    [Fact]
    public Task AWebSdkAppThatReferencesTheTestSdkByMistakeIsProductionCode()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer> { TestCode = WebAppProgram };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\nbuild_property.UsingMicrosoftNETSdkWeb = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task AWebSdkTestProjectNamedAsTestsStaysATestProject()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer> { TestCode = WebAppProgram.Replace("[|Program.Probe()|]", "Program.Probe()"), AssemblyName = "Orders.IntegrationTests" };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\nbuild_property.UsingMicrosoftNETSdkWeb = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task AWebSdkTestProjectWithoutAHostBuildingEntryPointStaysATestProject()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer> { TestCode = InMethod("Probe();") };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\nbuild_property.UsingMicrosoftNETSdkWeb = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task AWebAppInATestFolderIsATestFixture()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer> { TestCode = WebAppProgram.Replace("[|Program.Probe()|]", "Program.Probe()") };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\nbuild_property.UsingMicrosoftNETSdkWeb = true\nbuild_property.ReadinessTestFolder = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task AStartupHostWithAStaticMainIsADeployedApp()
    {
        var test = new AnalyzerTest<GuardProbeAnalyzer>
        {
            TestCode = """
                namespace Shop.Web
                {
                    public static class Program
                    {
                        public static bool Probe() => true;

                        public static void Main(string[] args)
                        {
                            [|Probe()|];
                            CreateHostBuilder(args).Build().Run();
                        }

                        public static IHostBuilder CreateHostBuilder(string[] args) => Host.CreateDefaultBuilder(args);
                    }
                }
                """,
            OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\nbuild_property.UsingMicrosoftNETSdkWeb = true\n"));
        return test.RunAsync();
    }
}
