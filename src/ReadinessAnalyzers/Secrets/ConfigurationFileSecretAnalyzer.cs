using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.ConfigFiles;
using ReadinessAnalyzers.Internals.Secrets;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// RDY1005: a secret committed in a configuration or deployment file (appsettings*.json, user-secrets, .env*,
    /// launchSettings.json, Dockerfile*, docker-compose*.yml, web/app.config, nuget.config, *.pubxml): a
    /// provider-format secret anywhere in the file, or a credential-named key with a secret-looking value.
    /// RDY1006: the same under a test folder, at Info severity.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConfigurationFileSecretAnalyzer : DiagnosticAnalyzer
    {
        private const string MessageFormat = "{0} in {1} holds {2} ({3}){4}: remove it, rotate it, and supply it through user-secrets, environment variables or a vault";

        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.SecretInConfigurationFile,
            title: "Secret in a configuration file",
            messageFormat: MessageFormat,
            description: "A secret in appsettings.json, .env, a Dockerfile, docker-compose, web.config, nuget.config or a publish profile "
                + "is committed with the repository and copied into images and packages. Keep the key with an empty or placeholder "
                + "value and supply the secret at run time (user-secrets in Development; environment variables, Key Vault or "
                + "another secret store in production).");

        /// <summary>Shared with <see cref="KnownSecretFormatAnalyzer"/>: a secret in test code or a test folder.</summary>
        internal static readonly DiagnosticDescriptor TestFileRule = RuleDescriptors.Create(
            RuleIds.SecretInTestFile,
            title: "Secret in a test file",
            messageFormat: MessageFormat,
            description: "Tests and their fixtures usually hold made-up credentials, so a secret found there is reported at Info "
                + "severity. A real token or key in a test is still a leak once committed: replace it with a generated fake.",
            severity: DiagnosticSeverity.Info);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, TestFileRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var cache = new SecretOptions.Cache();
                start.RegisterAdditionalFileAction(context => AnalyzeFile(context, cache));
            });
        }

        private static void AnalyzeFile(AdditionalFileAnalysisContext context, SecretOptions.Cache cache)
        {
            var file = context.AdditionalFile;
            var kind = ConfigFile.Classify(file.Path);
            if (kind == ConfigFileKind.None)
            {
                return;
            }

            var sourceText = file.GetText(context.CancellationToken);
            if (sourceText is null || sourceText.Length == 0)
            {
                return;
            }

            var text = sourceText.ToString();
            var options = SecretOptions.For(cache, context.Options, file, RuleIds.SecretInConfigurationFile);
            var descriptor = options.IsTestPath(file.Path) ? TestFileRule : Rule;
            var fileName = ConfigFile.FileName(file.Path);
            var note = Note(kind, fileName);

            var entries = new List<ConfigEntry>();
            ConfigFile.ReadEntries(kind, text, entries);

            // Provider formats first, over the whole text: they carry a name ("GitHub personal access token").
            var reported = new List<TextSpan>();
            if (SecretFormatScanner.MayContainSecret(text))
            {
                var matches = new List<SecretMatch>();
                SecretFormatScanner.Scan(text, matches);
                foreach (var match in matches)
                {
                    var span = new TextSpan(match.Start, match.Length);
                    var value = text.Substring(match.Start, match.Length);
                    if (options.IsUserPlaceholder(value) || OverlapsAny(reported, span))
                    {
                        continue;
                    }

                    reported.Add(span);
                    var where = EntryAt(entries, span) is { } entry ? "'" + entry.Name + "'" : "Line " + (sourceText.Lines.GetLineFromPosition(span.Start).LineNumber + 1);
                    Report(context, descriptor, sourceText, span, where, fileName, SecretKinds.Article(match.Format.Name), value, note);
                }
            }

            // Then credential-named keys with secret-looking values.
            foreach (var entry in entries)
            {
                if (OverlapsAny(reported, entry.ValueSpan))
                {
                    continue;
                }

                string what;
                switch (entry.Role)
                {
                    case ConfigEntryRole.Key:
                        // machineKey: a fixed validation/decryption key (not AutoGenerate) signs and encrypts auth tickets and view state.
                        if (entry.Value.IndexOf("AutoGenerate", StringComparison.OrdinalIgnoreCase) >= 0 || !IsHexKey(entry.Value))
                        {
                            continue;
                        }

                        what = "a machineKey key";
                        break;
                    case ConfigEntryRole.Named when IsFormsCredentialsUser(entry.Name):
                        // <forms><credentials><user name=".." password=".."/>: the user store itself, any password is live.
                        if (entry.Value.Trim().Length == 0 || SecretValues.IsInstruction(entry.Value) || options.IsUserPlaceholder(entry.Value))
                        {
                            continue;
                        }

                        what = "a credential";
                        break;
                    case ConfigEntryRole.Named:
                        if (!options.Names.IsCredentialName(entry.Name) || !SecretLiterals.IsCredentialValue(entry.Value, entry.Name, options))
                        {
                            continue;
                        }

                        what = "a credential";
                        break;
                    default:
                        continue; // connection strings: their passwords are provider formats, reported above
                }

                reported.Add(entry.ValueSpan);
                Report(context, descriptor, sourceText, entry.ValueSpan, "'" + entry.Name + "'", fileName, what, entry.Value, note);
            }
        }

        private static bool IsFormsCredentialsUser(string name) => string.Equals(name, "user:password", StringComparison.OrdinalIgnoreCase);

        private static void Report(
            AdditionalFileAnalysisContext context, DiagnosticDescriptor descriptor, SourceText text, TextSpan span, string where, string fileName, string what, string value, string note)
        {
            var location = Location.Create(context.AdditionalFile.Path, span, text.Lines.GetLinePositionSpan(span));
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, where, fileName, what, SecretMask.Mask(value), note));
        }

        /// <summary>Files that feel private but are committed all the same.</summary>
        private static string Note(ConfigFileKind kind, string fileName)
        {
            if (kind == ConfigFileKind.UserSecrets)
            {
                return " (user-secrets belong in the profile folder, outside the repository; this copy is committed)";
            }

            if (fileName.IndexOf(".Development.", StringComparison.OrdinalIgnoreCase) >= 0
                || fileName.EndsWith(".development", StringComparison.OrdinalIgnoreCase)
                || fileName.EndsWith(".local", StringComparison.OrdinalIgnoreCase)
                || kind == ConfigFileKind.LaunchSettings)
            {
                return " (a Development-only file is still committed with the code, so the secret leaks all the same)";
            }

            return string.Empty;
        }

        private static ConfigEntry? EntryAt(List<ConfigEntry> entries, TextSpan span)
        {
            foreach (var entry in entries)
            {
                if (entry.ValueSpan.Contains(span))
                {
                    return entry;
                }
            }

            return null;
        }

        private static bool OverlapsAny(List<TextSpan> spans, TextSpan span)
        {
            foreach (var other in spans)
            {
                if (other.OverlapsWith(span) || other == span)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsHexKey(string value)
        {
            if (value.Length < 16)
            {
                return false;
            }

            foreach (var c in value)
            {
                if (!Uri.IsHexDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
