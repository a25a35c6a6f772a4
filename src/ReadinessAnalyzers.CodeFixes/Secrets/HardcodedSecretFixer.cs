using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ReadinessAnalyzers.CodeFixes.Internals;

namespace ReadinessAnalyzers.CodeFixes.Secrets
{
    /// <summary>
    /// RDY1001–RDY1004: replaces a hardcoded secret with a read of the configuration in scope —
    /// <c>builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:SigningKey'")</c>,
    /// <c>GetConnectionString("Orders")</c> for a connection string — under the key the analyzer named
    /// (<see cref="ReadinessAnalyzers.Secrets.SecretFixProperties"/>), and adds that key, empty, to the project's
    /// appsettings.json. No fix where no configuration is in scope or where C# wants a constant.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardcodedSecretFixer)), Shared]
    public sealed class HardcodedSecretFixer : CodeFixProvider
    {
        /// <summary>One kind of action: Fix All reads every secret from configuration.</summary>
        internal const string EquivalenceKey = "ReadSecretFromConfiguration";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIds.HardcodedCredential,
            RuleIds.HardcodedCryptographicKey,
            RuleIds.ConnectionStringWithPassword,
            RuleIds.KnownSecretFormatInCode);

        private static readonly FixAllProvider FixAllOccurrences = FixAllWithoutKey.Wrap(ReadSecretsFixAllProvider.Instance);

        public override FixAllProvider GetFixAllProvider() => FixAllOccurrences;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var read = await SecretRead.PlanAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (read is null)
                {
                    continue;
                }

                var solution = context.Document.Project.Solution;
                context.RegisterCodeFix(
                    CodeAction.Create(read.Title, ct => SecretRead.ApplyAsync(solution, new[] { read }, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// Fix All: plans every read on the unchanged documents, then changes each document once and each project's
        /// appsettings.json once, so a key shared by several secrets is added once.
        /// </summary>
        private sealed class ReadSecretsFixAllProvider : FixAllProvider
        {
            public static readonly ReadSecretsFixAllProvider Instance = new ReadSecretsFixAllProvider();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
                => new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                if (fixAllContext.CodeActionEquivalenceKey != EquivalenceKey)
                {
                    return Task.FromResult<CodeAction?>(null);
                }

                return Task.FromResult<CodeAction?>(CodeAction.Create(
                    "Read the secrets from configuration",
                    ct => FixAllAsync(fixAllContext, ct),
                    EquivalenceKey));
            }

            private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var solution = context.Solution;
                var reads = new List<SecretRead>();
                foreach (var document in Documents(context))
                {
                    var diagnostics = await context.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
                    foreach (var diagnostic in diagnostics.Where(d => context.DiagnosticIds.Contains(d.Id)))
                    {
                        var read = await SecretRead.PlanAsync(document, diagnostic, cancellationToken).ConfigureAwait(false);
                        if (read != null)
                        {
                            reads.Add(read);
                        }
                    }
                }

                return await SecretRead.ApplyAsync(solution, reads, cancellationToken).ConfigureAwait(false);
            }

            private static IEnumerable<Document> Documents(FixAllContext context)
            {
                switch (context.Scope)
                {
                    case FixAllScope.Document:
                        return context.Document is null ? Enumerable.Empty<Document>() : new[] { context.Document };
                    case FixAllScope.Project:
                        return context.Project.Documents;
                    case FixAllScope.Solution:
                        return context.Solution.Projects.SelectMany(p => p.Documents);
                    default:
                        return Enumerable.Empty<Document>();
                }
            }
        }
    }
}
