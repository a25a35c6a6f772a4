using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Configuration;

namespace ReadinessAnalyzers.Errors
{
    /// <summary>
    /// RDY8005: a Development-only setting turned on in the effective configuration of the judged environment:
    /// <c>DetailedErrors</c> (read by the web host and by Blazor Server circuits), and the app's own Development-only
    /// switches listed in the <c>development_settings</c> option. Two files decide, so it runs at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DevelopmentSettingInConfigurationAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DevelopmentSettingInConfiguration,
            title: "Development-only setting turned on in the effective configuration",
            messageFormat: "'{0}' is true in {1}, and that is what the app runs with in {2}: {3}; set it to false{4}, or keep it in appsettings.Development.json",
            description: "appsettings.json overlaid by appsettings.{Environment}.json is the configuration the app runs with. "
                + "DetailedErrors = true makes the web host show startup exceptions with their stack trace, and Blazor Server send "
                + "circuit exception details to the browser. Turn it, and the app's own Development-only switches, on only in "
                + "appsettings.Development.json.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const string DetailedErrorsKey = "DetailedErrors";
        private const string DetailedErrorsConsequence = "the web host shows startup exceptions with their stack trace, and Blazor Server sends circuit exception details to the browser";
        private const string SwitchConsequence = "this project's options list it as a Development-only switch";

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

                var isWebApp = WellKnownTypes.GetOrCreate(context.Compilation).ReferencesAspNetCore;
                foreach (var configuration in EffectiveConfiguration.For(context.Compilation, context.Options, RuleIds.DevelopmentSettingInConfiguration, context.CancellationToken))
                {
                    var switches = configuration.Layers.Count == 0
                        ? Array.Empty<string>()
                        : RuleOptions.GetList(context.Options, configuration.Layers[0].File, RuleIds.DevelopmentSettingInConfiguration, OptionCatalog.DevelopmentSettings);
                    foreach (var value in configuration.Values)
                    {
                        if (!value.IsTrue)
                        {
                            continue;
                        }

                        string consequence;
                        if (isWebApp && string.Equals(value.Path, DetailedErrorsKey, StringComparison.OrdinalIgnoreCase))
                        {
                            consequence = DetailedErrorsConsequence;
                        }
                        else if (Matches(value.Path, switches))
                        {
                            consequence = SwitchConsequence;
                        }
                        else
                        {
                            continue;
                        }

                        var advice = value.Layer.IsEnvironmentFile ? string.Empty : " (or override it in " + configuration.EnvironmentFileName + ")";
                        context.ReportDiagnostic(Diagnostic.Create(
                            Rule, value.ValueLocation, value.Path, value.Layer.FileName, configuration.Environment, consequence, advice));
                    }
                }
            });
        }

        private static bool Matches(string path, string[] patterns)
        {
            foreach (var pattern in patterns)
            {
                if (Wildcard.IsMatch(path, pattern))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
