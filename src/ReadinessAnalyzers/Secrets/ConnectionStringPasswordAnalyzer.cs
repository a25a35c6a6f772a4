using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Secrets
{
    /// <summary>
    /// RDY1003: a connection string or URI with an embedded password (<c>Password=…</c>, <c>Pwd=…</c>,
    /// <c>scheme://user:pass@host</c>) in any C# string literal — wherever it goes next (UseSqlServer, UseNpgsql,
    /// SqlConnection, ConnectionMultiplexer.Connect, new Uri …).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConnectionStringPasswordAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.ConnectionStringWithPassword,
            title: "Connection string with an embedded password",
            messageFormat: "This {0} embeds a password ({1}): keep the connection string in configuration and the password in a secret store, or use integrated/managed identity",
            description: "A connection string or URI with its password written in code gives the database, cache or broker to anyone "
                + "with the source, and the password cannot be rotated without a release. Read the connection string from "
                + "configuration (ConnectionStrings section) and supply the password from user-secrets, environment variables or "
                + "a vault — or drop it altogether with integrated security or a managed identity.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                // Test fixtures connect to throw-away databases with known passwords (see the docs page).
                if (DevelopmentGuard.Create(start.Compilation, start.Options).IsTestProject)
                {
                    return;
                }

                var cache = new SecretOptions.Cache();
                start.RegisterSyntaxNodeAction(
                    context =>
                    {
                        var found = LiteralSecretScan.Scan(context.Node);
                        if (found is null)
                        {
                            return;
                        }

                        SecretOptions? options = null;
                        foreach (var secret in found)
                        {
                            if (!SecretKinds.IsConnectionStringPassword(secret.Match.Format))
                            {
                                continue;
                            }

                            options ??= SecretOptions.For(cache, context.Options, context.Node.SyntaxTree, RuleIds.ConnectionStringWithPassword);
                            if (!options.IsUserPlaceholder(secret.Value))
                            {
                                // The whole connection string moves to configuration (ConnectionStrings:<name>), not only its password.
                                var literal = LiteralSecretScan.StringLiteralOperation(context.Node, context.SemanticModel, context.CancellationToken);
                                var properties = literal is null
                                    ? ImmutableDictionary<string, string?>.Empty
                                    : SecretFixProperties.For(ConfigurationKeys.ForConnectionString(literal, (string)literal.ConstantValue.Value!, secret.Match.Format));
                                context.ReportDiagnostic(Diagnostic.Create(Rule, secret.Location, properties, secret.Match.Format.Name, SecretMask.Mask(secret.Value)));
                            }
                        }
                    },
                    LiteralSecretScan.LiteralKinds);
            });
        }
    }
}
