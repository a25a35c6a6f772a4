using ReadinessAnalyzers.Logging;
using ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.DebugMinimumLogLevelAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

public class DebugMinimumLogLevelAnalyzerTests
{
    [Fact]
    public Task SetMinimumLevelDebugOnTheWebApplicationBuilderIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel([|LogLevel.Debug|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task SetMinimumLevelTraceInAddLoggingIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class Setup
        {
            public static void Add(IServiceCollection services) => services.AddLogging(b => b.SetMinimumLevel([|LogLevel.Trace|]));
        }
        """);

    [Fact]
    public Task AddFilterWithACategoryAndDebugIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter("Microsoft", [|LogLevel.Debug|]);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", level: [|LogLevel.Trace|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task GenericAddFilterForAProviderIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.Extensions.Logging.Console;

        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.AddFilter<ConsoleLoggerProvider>("Orders", [|LogLevel.Trace|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task AddFilterOnLoggerFilterOptionsIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<LoggerFilterOptions>(o => o.AddFilter("Orders", [|LogLevel.Debug|]));
        builder.Build().Run();
        """);

    [Fact]
    public Task LoggerFilterOptionsMinLevelIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<LoggerFilterOptions>(o => o.MinLevel = [|LogLevel.Trace|]);
        builder.Services.Configure<LoggerFilterOptions>(o =>
        {
            o.Rules.Add(new LoggerFilterRule(null, "Orders", [|LogLevel.Debug|], null));
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task LevelCastFromAnIntegerIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel([|(LogLevel)1|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task ConditionalLevelIsJudgedBranchByBranch() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(builder.Environment.IsDevelopment() ? LogLevel.Debug : LogLevel.Warning);
        builder.Logging.SetMinimumLevel(builder.Environment.IsStaging() ? [|LogLevel.Debug|] : LogLevel.Warning);
        builder.Build().Run();
        """);

    [Fact]
    public Task MessageNamesTheMethodAndTheLevel() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel({|#0:LogLevel.Trace|});
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.DebugMinimumLogLevel).WithLocation(0).WithMessageContaining("'SetMinimumLevel' sets the minimum log level to Trace"));

    [Fact]
    public Task GuardThatAlsoAdmitsAnotherEnvironmentIsNotADevelopmentGuard() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Docker"))
        {
            builder.Logging.SetMinimumLevel([|LogLevel.Debug|]);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task InformationAndHigherLevelsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Error);
        builder.Build().Run();
        """);

    [Fact]
    public Task LevelFromConfigurationIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(builder.Configuration.GetValue<LogLevel>("Logging:Minimum"));
        builder.Build().Run();
        """);

    [Fact]
    public Task LogCallsAtDebugLevelAndIsEnabledAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public class OrderService(ILogger<OrderService> logger)
        {
            public void Ship(int id)
            {
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    logger.LogDebug("Shipping {Id}", id);
                }

                logger.Log(LogLevel.Trace, "Shipped {Id}", id);
            }
        }
        """);

    [Fact]
    public Task UserMethodWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class MyLogging
        {
            public static ILoggingBuilder SetMinimumLevel(this ILoggingBuilder builder, LogLevel level, string category) => builder;
            public static void Configure(ILoggingBuilder builder) => builder.SetMinimumLevel(LogLevel.Debug, "Orders");
        }
        """);

    [Fact]
    public Task DebugLevelInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.SetMinimumLevel(LogLevel.Trace);
            builder.Logging.AddFilter("Microsoft", LogLevel.Debug);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task DebugLevelInConfigureDevelopmentServicesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services)
                => services.AddLogging(b => b.SetMinimumLevel(LogLevel.Debug));
        }
        """);

    [Fact]
    public Task DebugLevelUnderIfDebugIsNotReported() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        var builder = WebApplication.CreateBuilder(args);
        #if DEBUG
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        #endif
        builder.Build().Run();
        """);

    [Fact]
    public Task HalfTypedCallIsReportedByItsExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel([|LogLevel.Debug|], 
        """);

    [Fact]
    public Task UnresolvedReceiverAndMissingArgumentsDoNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public class Startup
        {
            public void Configure(IMissingBuilder logging, LoggerFilterOptions options)
            {
                logging.AddFilter("Microsoft", [|LogLevel.Trace|]);
                logging.SetMinimumLevel();
                options.MinLevel = ;
                new LoggerFilterRule(
            }
        }
        """);

    // Serilog and NLog: the level the app's own logger filters by.
    private static Task VerifyWithLibrariesAsync(string source)
    {
        var test = new AnalyzerTest<DebugMinimumLogLevelAnalyzer> { TestCode = source, References = LoggingLibraryStubs.References };
        return test.RunAsync();
    }

    [Fact]
    public Task SerilogMinimumLevelDebugOnTheBootstrapLoggerIsReported() => VerifyWithLibrariesAsync("""
        using Serilog;
        using Serilog.Events;

        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.[|Debug()|]
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console()
            .CreateLogger();
        var builder = WebApplication.CreateBuilder(args);
        builder.Build().Run();
        """);

    [Fact]
    public Task SerilogVerboseIsAndOverrideInUseSerilogAreReported() => VerifyWithLibrariesAsync("""
        using Serilog;
        using Serilog.Events;

        var builder = WebApplication.CreateBuilder(args);
        builder.Host.UseSerilog((context, logger) => logger
            .MinimumLevel.[|Verbose()|]
            .MinimumLevel.Is([|LogEventLevel.Debug|])
            .MinimumLevel.Override("Shop.Orders", [|LogEventLevel.Verbose|]));
        builder.Build().Run();
        """);

    [Fact]
    public Task SerilogLevelSwitchStartingAtDebugIsReported() => VerifyWithLibrariesAsync("""
        using Serilog.Core;
        using Serilog.Events;

        public static class Levels
        {
            public static readonly LoggingLevelSwitch Switch = new([|LogEventLevel.Debug|]);
            public static readonly LoggingLevelSwitch Quiet = new(LogEventLevel.Warning);
            public static readonly LoggingLevelSwitch Default = new();
        }
        """);

    [Fact]
    public Task SerilogInformationWarningOverridesAndDebugEntriesAreNotReported() => VerifyWithLibrariesAsync("""
        using Serilog;
        using Serilog.Events;

        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .WriteTo.Console(restrictedToMinimumLevel: LogEventLevel.Debug)
            .CreateLogger();
        Log.Logger.Debug("Cart {CartId} loaded", 42);
        var builder = WebApplication.CreateBuilder(args);
        builder.Build().Run();
        """);

    [Fact]
    public Task SerilogDebugInsideIsDevelopmentIsNotReported() => VerifyWithLibrariesAsync("""
        using Serilog;

        var builder = WebApplication.CreateBuilder(args);
        var configuration = new LoggerConfiguration().MinimumLevel.Information();
        if (builder.Environment.IsDevelopment())
        {
            configuration = new LoggerConfiguration().MinimumLevel.Debug();
        }

        builder.Build().Run();
        """);

    [Fact]
    public Task SerilogMinimumLevelDebugIsReportedWhenSerilogIsNotRestored() => Verify.VerifyBrokenCodeAsync("""
        using Serilog;
        using Serilog.Events;

        Log.Logger = new LoggerConfiguration()
            .MinimumLevel.[|Debug()|]
            .MinimumLevel.Override("Shop", [|LogEventLevel.Verbose|])
            .CreateLogger();
        var builder = WebApplication.CreateBuilder(args);
        builder.Host.UseSerilog((ctx, lc) => lc.MinimumLevel.[|Verbose()|]);
        var levels = new LoggingLevelSwitch([|LogEventLevel.Debug|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task SerilogDebugInAConsoleClientIsNotReported()
    {
        var test = new AnalyzerTest<DebugMinimumLogLevelAnalyzer>
        {
            TestCode = """
                using Serilog;

                Log.Logger = new LoggerConfiguration().MinimumLevel.Debug().CreateLogger();
                """,
            ImplicitUsings = "global using System;",
            CompilerDiagnostics = CompilerDiagnostics.None,
            References = TestReferences.Without("Microsoft.AspNetCore"),
        };
        return test.RunAsync();
    }

    [Fact]
    public Task UnrestoredDebugCallsOnOtherChainsAreNotReported() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var options = new TelemetryOptions().MinimumLevel.Debug();
        Diagnostics.MinimumLevel.Debug();
        builder.Build().Run();
        """);

    [Fact]
    public Task NLogRulesPerTargetAreNotJudged() => VerifyWithLibrariesAsync("""
        using NLog.Config;
        using NLog.Targets;

        public static class LogSetup
        {
            public static LoggingConfiguration Create()
            {
                var config = new LoggingConfiguration();
                config.AddRule(NLog.LogLevel.Debug, NLog.LogLevel.Fatal, new FileTarget { FileName = "updater.log" });
                config.LoggingRules.Add(new LoggingRule("*", NLog.LogLevel.Trace, new ConsoleTarget()));
                return config;
            }
        }
        """);

    [Fact]
    public Task TraceHandedToNLogAfterClearingProvidersIsNotReported() => VerifyWithLibrariesAsync("""
        using NLog.Extensions.Logging;

        public static class Setup
        {
            public static void Add(IServiceCollection services) => services.AddLogging(b =>
            {
                b.ClearProviders();
                b.SetMinimumLevel(LogLevel.Trace);
                b.AddNLog();
            });
        }
        """);

    [Fact]
    public Task TraceHandedToNLogOnTheHostChainIsNotReportedWhenNLogIsNotRestored() => Verify.VerifyBrokenCodeAsync("""
        public static class Program
        {
            public static IWebHostBuilder CreateHost(string[] args) =>
                WebHost.CreateDefaultBuilder(args)
                    .ConfigureLogging(logging =>
                    {
                        logging.ClearProviders();
                        logging.SetMinimumLevel(LogLevel.Trace);
                    })
                    .UseNLog();
        }
        """);

    [Fact]
    public Task TraceWithoutClearingTheOtherProvidersIsStillReported() => VerifyWithLibrariesAsync("""
        using NLog.Extensions.Logging;

        public static class Setup
        {
            public static void Add(IServiceCollection services) => services.AddLogging(b =>
            {
                b.SetMinimumLevel([|LogLevel.Trace|]);
                b.AddNLog();
            });
        }
        """);
}
