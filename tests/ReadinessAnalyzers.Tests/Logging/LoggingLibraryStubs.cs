using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Logging;

/// <summary>
/// Serilog and NLog are not restorable here: stub assemblies with their real assembly names, namespaces and members, so
/// the rules resolve them by metadata name exactly as they would the real packages.
/// </summary>
internal static class LoggingLibraryStubs
{
    private const string SerilogSource = """
        using System;
        using Microsoft.Extensions.Hosting;
        using Serilog.Events;

        namespace Serilog.Events
        {
            public enum LogEventLevel { Verbose, Debug, Information, Warning, Error, Fatal }
        }

        namespace Serilog.Core
        {
            public class LoggingLevelSwitch
            {
                public LoggingLevelSwitch(LogEventLevel initialMinimumLevel = LogEventLevel.Information) => MinimumLevel = initialMinimumLevel;
                public LogEventLevel MinimumLevel { get; set; }
            }
        }

        namespace Serilog.Configuration
        {
            public class LoggerMinimumLevelConfiguration
            {
                public LoggerConfiguration Verbose() => null!;
                public LoggerConfiguration Debug() => null!;
                public LoggerConfiguration Information() => null!;
                public LoggerConfiguration Warning() => null!;
                public LoggerConfiguration Is(LogEventLevel minimumLevel) => null!;
                public LoggerConfiguration Override(string source, LogEventLevel minimumLevel) => null!;
                public LoggerConfiguration Override(string source, Serilog.Core.LoggingLevelSwitch levelSwitch) => null!;
                public LoggerConfiguration ControlledBy(Serilog.Core.LoggingLevelSwitch levelSwitch) => null!;
            }

            public class LoggerSinkConfiguration
            {
            }
        }

        namespace Serilog
        {
            public interface ILogger
            {
                void Information(string messageTemplate, params object?[] propertyValues);
                void Debug(string messageTemplate, params object?[] propertyValues);
            }

            public class LoggerConfiguration
            {
                public Serilog.Configuration.LoggerMinimumLevelConfiguration MinimumLevel => new();
                public Serilog.Configuration.LoggerSinkConfiguration WriteTo => new();
                public ILogger CreateLogger() => null!;
            }

            public static class Log
            {
                public static ILogger Logger { get; set; } = null!;
                public static void Information(string messageTemplate, params object?[] propertyValues) { }
            }

            public static class ConsoleLoggerConfigurationExtensions
            {
                public static LoggerConfiguration Console(this Serilog.Configuration.LoggerSinkConfiguration sinks, LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose) => null!;
            }

            public static class SerilogHostBuilderExtensions
            {
                public static IHostBuilder UseSerilog(this IHostBuilder builder, Action<HostBuilderContext, LoggerConfiguration> configure) => builder;
            }
        }
        """;

    private const string NLogSource = """
        using System.Collections.Generic;
        using Microsoft.Extensions.Logging;

        namespace NLog
        {
            public sealed class LogLevel
            {
                public static readonly LogLevel Trace = new(), Debug = new(), Info = new(), Warn = new(), Error = new(), Fatal = new(), Off = new();
            }
        }

        namespace NLog.Targets
        {
            public abstract class Target { public string? Name { get; set; } }
            public class ConsoleTarget : Target { }
            public class FileTarget : Target { public string? FileName { get; set; } }
        }

        namespace NLog.Config
        {
            public class LoggingRule
            {
                public LoggingRule() { }
                public LoggingRule(string loggerNamePattern, NLog.LogLevel minLevel, NLog.Targets.Target target) { }
                public LoggingRule(string loggerNamePattern, NLog.LogLevel minLevel, NLog.LogLevel maxLevel, NLog.Targets.Target target) { }
                public void SetLoggingLevels(NLog.LogLevel minLevel, NLog.LogLevel maxLevel) { }
            }

            public class LoggingConfiguration
            {
                public IList<LoggingRule> LoggingRules { get; } = new List<LoggingRule>();
                public void AddTarget(NLog.Targets.Target target) { }
                public void AddRule(NLog.LogLevel minLevel, NLog.LogLevel maxLevel, NLog.Targets.Target target, string loggerNamePattern = "*") { }
            }
        }

        namespace NLog.Extensions.Logging
        {
            public static class ConfigureExtensions
            {
                public static ILoggingBuilder AddNLog(this ILoggingBuilder builder) => builder;
            }
        }
        """;

    private static readonly Lazy<MetadataReference> Serilog = new(() => TestReferences.Stub("Serilog", SerilogSource));
    private static readonly Lazy<MetadataReference> NLog = new(() => TestReferences.Stub("NLog", NLogSource));

    /// <summary>The default references plus Serilog and NLog.</summary>
    public static ImmutableArray<MetadataReference> References => TestReferences.Default.Add(Serilog.Value).Add(NLog.Value);
}
