using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// RDY1004: a provider-format secret (GitHub or AWS token, Stripe key, private key block, JWT …) in any C# string
    /// literal, whatever it is assigned to. In a test project or under a test folder it is RDY1006, at Info severity.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KnownSecretFormatAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.KnownSecretFormatInCode,
            title: "Known secret format in code",
            messageFormat: "This string holds {0} ({1}): revoke or rotate it where it was issued, then load the replacement from configuration backed by a secret store",
            description: "The literal matches a provider's secret format — prefix, length, character set and, where the format has one, "
                + "its checksum — so it is almost certainly a live credential, not a name or a placeholder. It is exposed to "
                + "everyone with the source; revoke it with the provider and read the new one from configuration.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, ConfigurationFileSecretAnalyzer.TestFileRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var isTestProject = DevelopmentGuard.Create(start.Compilation, start.Options).IsTestProject;
                var cache = new SecretOptions.Cache();
                start.RegisterSyntaxNodeAction(
                    context =>
                    {
                        var found = LiteralSecretScan.Scan(context.Node);
                        if (found is null)
                        {
                            return;
                        }

                        var tree = context.Node.SyntaxTree;
                        var options = SecretOptions.For(cache, context.Options, tree, RuleIds.KnownSecretFormatInCode);
                        var inTests = isTestProject || options.IsTestPath(tree.FilePath);
                        foreach (var secret in found)
                        {
                            var format = secret.Match.Format;
                            if (SecretKinds.IsConnectionStringPassword(format) || options.IsUserPlaceholder(secret.Value))
                            {
                                continue; // RDY1003 reports passwords in connection strings
                            }

                            if (inTests)
                            {
                                context.ReportDiagnostic(Diagnostic.Create(
                                    ConfigurationFileSecretAnalyzer.TestFileRule, secret.Location, "A string literal", tree.FilePath.Length > 0 ? System.IO.Path.GetFileName(tree.FilePath) : "test code",
                                    SecretKinds.Article(format.Name), SecretMask.Mask(secret.Value), " (test code)"));
                            }
                            else
                            {
                                context.ReportDiagnostic(Diagnostic.Create(
                                    Rule, secret.Location, FixProperties(context, secret), SecretKinds.Article(format.Name), SecretMask.Mask(secret.Value)));
                            }
                        }
                    },
                    LiteralSecretScan.LiteralKinds);
            });
        }

        /// <summary>A fix only when the literal is the secret and nothing else: "Bearer ghp_…" cannot become one configuration read.</summary>
        private static ImmutableDictionary<string, string?> FixProperties(SyntaxNodeAnalysisContext context, LiteralSecret secret)
        {
            var literal = LiteralSecretScan.StringLiteralOperation(context.Node, context.SemanticModel, context.CancellationToken);
            if (literal is null || !string.Equals(((string)literal.ConstantValue.Value!).Trim(), secret.Value, System.StringComparison.Ordinal))
            {
                return ImmutableDictionary<string, string?>.Empty;
            }

            return SecretFixProperties.For(ConfigurationKeys.ForKnownFormat(literal, secret.Match.Format));
        }
    }
}
