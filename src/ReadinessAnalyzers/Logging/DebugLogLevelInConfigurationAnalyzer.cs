using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Configuration;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// RDY4005: a Trace or Debug log level in the effective configuration of the judged environment (appsettings.json
    /// overlaid by appsettings.{Environment}.json): <c>Logging:LogLevel:*</c>, <c>Logging:{Provider}:LogLevel:*</c>,
    /// <c>Serilog:MinimumLevel</c>, <c>Serilog:MinimumLevel:Default</c> and <c>Serilog:MinimumLevel:Override:*</c>.
    /// Two files decide, so it runs at compilation end. Also the logging rules of an nlog.config (<see cref="NLogConfigReader"/>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DebugLogLevelInConfigurationAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DebugLogLevelInConfiguration,
            title: "Trace or Debug log level in the effective configuration",
            messageFormat: "'{0}' is {1} in {2}, and that is what the app runs with in {3}: production logs fill with verbose, often sensitive detail; use Information or higher{4}",
            description: "appsettings.json overlaid by appsettings.{Environment}.json is the configuration the app runs with. A Trace or "
                + "Debug level there logs request and SQL details, framework internals and values meant for a developer; in production "
                + "it costs I/O and storage and spreads sensitive data to log sinks. Keep Debug in appsettings.Development.json.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(static context =>
            {
                if (DevelopmentGuard.Create(context.Compilation, context.Options).IsTestProject)
                {
                    return;
                }

                foreach (var file in context.Options.AdditionalFiles)
                {
                    if (NLogConfigReader.IsNLogConfig(file.Path))
                    {
                        AnalyzeNLogConfig(context, file);
                    }
                }

                foreach (var configuration in EffectiveConfiguration.For(context.Compilation, context.Options, RuleIds.DebugLogLevelInConfiguration, context.CancellationToken))
                {
                    foreach (var value in configuration.Values)
                    {
                        if (value.Entry.Kind != JsonLeafKind.String || value.Value is null || !IsVerbose(value.Path, value.Value.Trim()))
                        {
                            continue;
                        }

                        var advice = value.Layer.IsEnvironmentFile
                            ? string.Empty
                            : ", or override it in " + configuration.EnvironmentFileName;
                        context.ReportDiagnostic(Diagnostic.Create(
                            Rule, value.ValueLocation, value.Path, value.Value.Trim(), value.Layer.FileName, configuration.Environment, advice));
                    }
                }
            });
        }

        /// <summary>nlog.config has no environment layers: a rule in it is what every environment logs with.</summary>
        private static void AnalyzeNLogConfig(CompilationAnalysisContext context, AdditionalText file)
        {
            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                return;
            }

            foreach (var rule in NLogConfigReader.ReadVerboseRules(text.ToString()))
            {
                var location = Location.Create(file.Path, rule.Span, text.Lines.GetLinePositionSpan(rule.Span));
                context.ReportDiagnostic(Diagnostic.Create(
                    Rule, location, "<logger name=\"" + rule.Logger + "\"> " + rule.Attribute, rule.Level, "nlog.config", "every environment", string.Empty));
            }
        }

        /// <summary>A minimum-level key of Microsoft.Extensions.Logging or Serilog set to its two most verbose levels.</summary>
        internal static bool IsVerbose(string path, string level)
        {
            if (path.StartsWith("Logging:", StringComparison.OrdinalIgnoreCase))
            {
                // Logging:LogLevel:<category> or Logging:<Provider>:LogLevel:<category>.
                var logLevel = path.IndexOf(":LogLevel:", StringComparison.OrdinalIgnoreCase);
                if (logLevel < 0 || (logLevel != "Logging".Length && path.IndexOf(':', "Logging:".Length) != logLevel))
                {
                    return false;
                }

                return string.Equals(level, "Trace", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(level, "Debug", StringComparison.OrdinalIgnoreCase)
                    || level == "0" || level == "1";
            }

            if (path.StartsWith("Serilog:MinimumLevel", StringComparison.OrdinalIgnoreCase))
            {
                var rest = path.Substring("Serilog:MinimumLevel".Length);
                if (rest.Length != 0
                    && !string.Equals(rest, ":Default", StringComparison.OrdinalIgnoreCase)
                    && !rest.StartsWith(":Override:", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                return string.Equals(level, "Verbose", StringComparison.OrdinalIgnoreCase)
                    || string.Equals(level, "Debug", StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }
    }
}
