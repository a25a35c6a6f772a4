using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Configuration;
using ReadinessAnalyzers.Internals.Json;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9010: <c>AllowedHosts</c> is <c>*</c> (or empty, which the host turns into <c>*</c>) in the effective configuration
    /// of the judged environment of a web app. Two files decide, so it runs at compilation end. An absent key is not
    /// reported: there is no key to put the diagnostic on (see the rule page).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class AnyHostAllowedAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.AnyHostAllowed,
            title: "AllowedHosts allows any host",
            messageFormat: "'AllowedHosts' is {0} in {1}, and that is what the app runs with in {2}: host filtering accepts any Host header, which then flows into absolute links, redirects and password-reset mails; list the host names the app serves (\"orders.example.com;www.orders.example.com\"){3}",
            description: "The host-filtering middleware that WebApplication adds rejects requests whose Host header is not in AllowedHosts. "
                + "With \"*\" (the template's value) or an empty value, any Host is accepted, and code that builds URLs from "
                + "Request.Host (links in mails, redirects, OpenID Connect callbacks) can be pointed at an attacker's host; caches "
                + "can be poisoned. Set the real host names in appsettings.{Environment}.json.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        private const string AllowedHostsKey = "AllowedHosts";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationAction(static context =>
            {
                // AllowedHosts means something only to an ASP.NET Core host.
                if (!WellKnownTypes.GetOrCreate(context.Compilation).ReferencesAspNetCore
                    || DevelopmentGuard.Create(context.Compilation, context.Options).IsTestProject)
                {
                    return;
                }

                foreach (var configuration in EffectiveConfiguration.For(context.Compilation, context.Options, RuleIds.AnyHostAllowed, context.CancellationToken))
                {
                    if (!configuration.TryGet(AllowedHostsKey, out var value) || !AllowsAnyHost(value, out var shown))
                    {
                        continue;
                    }

                    var location = value.Entry.ValueSpan.Length > 0 ? value.ValueLocation : value.KeyLocation;
                    var advice = value.Layer.IsEnvironmentFile ? string.Empty : ", in " + configuration.EnvironmentFileName + " or here";
                    context.ReportDiagnostic(Diagnostic.Create(Rule, location, shown, value.Layer.FileName, configuration.Environment, advice));
                }
            });
        }

        /// <summary>"*" alone or in a ';' list, or an empty value (the host falls back to "*").</summary>
        private static bool AllowsAnyHost(EffectiveValue value, out string shown)
        {
            if (value.Entry.Kind == JsonLeafKind.Null || (value.Entry.Kind == JsonLeafKind.String && string.IsNullOrWhiteSpace(value.Value)))
            {
                shown = "empty (the host then allows \"*\")";
                return true;
            }

            shown = "\"" + value.Value + "\"";
            if (value.Entry.Kind != JsonLeafKind.String)
            {
                return false;
            }

            foreach (var host in value.Value!.Split(';'))
            {
                if (host.Trim() == "*")
                {
                    return true;
                }
            }

            return false;
        }
    }
}
