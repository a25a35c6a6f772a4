using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.ConfigFiles;
using ReadinessAnalyzers.Internals.Configuration;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9024: a committed <c>.env</c> file sets <c>ASPNETCORE_ENVIRONMENT</c> or <c>DOTNET_ENVIRONMENT</c> to Development.
    /// Developer variants (<c>.env.development</c>, <c>.env.local</c>) and templates (<c>.env.example</c>) are not judged.
    /// Secrets in .env files are RDY1005's. One file decides: live.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DevelopmentEnvironmentInDotEnvAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DevelopmentEnvironmentInDotEnv,
            title: "Committed .env file runs the app in Development",
            messageFormat: "'{0}=Development' in {1}: docker compose and every tool that loads this committed file start the app in Development, with the developer exception page and Development configuration; set Production here and keep Development in an uncommitted .env.local or .env.development",
            description: "docker compose reads .env for variable substitution and env_file, and many deployment scripts source it. A "
                + "committed .env that says Development makes deployed containers run Development code paths: the developer "
                + "exception page, appsettings.Development.json, user-secrets. Keep developer settings in an uncommitted "
                + ".env.local / .env.development.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                if (DevelopmentGuard.Create(start.Compilation, start.Options).IsTestProject)
                {
                    return;
                }

                start.RegisterAdditionalFileAction(AnalyzeFile);
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context)
        {
            var path = context.AdditionalFile.Path;
            if (ConfigFile.Classify(path) != ConfigFileKind.DotEnv || ConfigFile.IsDevelopmentVariant(path) || ConfigFile.IsTemplate(path))
            {
                return;
            }

            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text is null || text.Length == 0)
            {
                return;
            }

            var entries = new List<ConfigEntry>();
            KeyValueFileReader.ReadDotEnv(text.ToString(), entries);

            // A later line wins, as in every .env loader.
            ConfigEntry? aspNetCore = null;
            ConfigEntry? dotnet = null;
            foreach (var entry in entries)
            {
                if (string.Equals(entry.Name, HostEnvironmentVariables.AspNetCore, System.StringComparison.OrdinalIgnoreCase))
                {
                    aspNetCore = entry;
                }
                else if (string.Equals(entry.Name, HostEnvironmentVariables.Dotnet, System.StringComparison.OrdinalIgnoreCase))
                {
                    dotnet = entry;
                }
            }

            var fileName = ConfigFile.FileName(path);
            foreach (var candidate in new[] { aspNetCore, dotnet })
            {
                if (candidate is { } entry && HostEnvironmentVariables.SetsDevelopment(entry.Name, entry.Value))
                {
                    var location = Location.Create(path, entry.ValueSpan, text.Lines.GetLinePositionSpan(entry.ValueSpan));
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, entry.Name, fileName));
                }
            }
        }
    }
}
