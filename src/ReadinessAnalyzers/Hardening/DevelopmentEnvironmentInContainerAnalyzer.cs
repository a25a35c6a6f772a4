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
    /// RDY9021: the image's final stage (or a stage it builds on) sets <c>ENV ASPNETCORE_ENVIRONMENT=Development</c> or
    /// <c>DOTNET_ENVIRONMENT=Development</c>, and no later ENV of that stage chain sets it back. One file decides: live.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DevelopmentEnvironmentInContainerAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DevelopmentEnvironmentInContainer,
            title: "Container image runs the app in Development",
            messageFormat: "'ENV {0}=Development' in the final stage of {1} bakes the Development environment into the image: every container runs with the developer exception page, Development configuration and Development-only code; remove it (the images default to Production) and set the environment at deploy time",
            description: "ASPNETCORE_ENVIRONMENT / DOTNET_ENVIRONMENT set to Development in the image switches on everything the app "
                + "limits to Development: the developer exception page, appsettings.Development.json (Debug logging, local connection "
                + "strings), user-secrets, Swagger UI and whatever else is guarded by IsDevelopment(). Leave it out of the image "
                + "(Production is the default) and set the environment per deployment.");

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
            if (!ProductionDockerfile.TryRead(context, out var model, out var text))
            {
                return;
            }

            // The stages the final image is made of, from the first base to the final stage: later ENVs win.
            var chain = new List<DockerStage>();
            for (var stage = model.FinalStage; stage != null && chain.Count <= model.Stages.Count; stage = stage.Parent)
            {
                chain.Insert(0, stage);
            }

            ConfigEntry? aspNetCore = null;
            ConfigEntry? dotnet = null;
            var entries = new List<ConfigEntry>();
            foreach (var stage in chain)
            {
                foreach (var instruction in stage.Instructions)
                {
                    if (instruction.Keyword != "ENV")
                    {
                        continue;
                    }

                    entries.Clear();
                    DockerfileReader.ReadAssignments(model, instruction, entries);
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
                }
            }

            var fileName = ConfigFile.FileName(context.AdditionalFile.Path);
            foreach (var entry in new[] { aspNetCore, dotnet })
            {
                if (entry is { } found && HostEnvironmentVariables.SetsDevelopment(found.Name, found.Value))
                {
                    ProductionDockerfile.Report(context, Rule, text, found.ValueSpan, found.Name, fileName);
                }
            }
        }
    }
}
