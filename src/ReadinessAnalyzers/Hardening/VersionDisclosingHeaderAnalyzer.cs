using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Http;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9006: a response header that tells the world which framework and version serve the app: <c>X-Powered-By</c>,
    /// <c>X-AspNet-Version</c>, <c>X-AspNetMvc-Version</c> written with any value, and <c>Server</c> written with a version
    /// (a digit in its text, or a value read from a Version/FrameworkDescription property).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class VersionDisclosingHeaderAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.VersionDisclosingHeader,
            title: "Response header discloses the framework or its version",
            messageFormat: "'{0}' sends the {1} header{2}: it tells attackers which framework and version to look up exploits for; do not send it",
            description: "X-Powered-By, X-AspNet-Version, X-AspNetMvc-Version and a Server header with a version number help nobody "
                + "but an attacker fingerprinting the stack. ASP.NET Core sends none of them (Kestrel's Server header names no version): "
                + "do not add them back.");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var headers = types.ReferencesAspNetCore ? HeaderWrites.Create(types) : null;
                if (headers is null)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    context =>
                    {
                        if (!headers.TryRead(context.Operation, out var write))
                        {
                            return;
                        }

                        string? header = null;
                        var detail = string.Empty;
                        if (write.Is("X-Powered-By", "XPoweredBy"))
                        {
                            header = "X-Powered-By";
                        }
                        else if (write.Is("X-AspNet-Version", null))
                        {
                            header = "X-AspNet-Version";
                        }
                        else if (write.Is("X-AspNetMvc-Version", null))
                        {
                            header = "X-AspNetMvc-Version";
                        }
                        else if (write.Is("Server", "Server") && CarriesVersion(headers, write.Value))
                        {
                            header = "Server";
                            detail = " with a version";
                        }

                        if (header != null && !IsEmpty(headers, write.Value) && !guard.IsDevelopmentOnly(context.Operation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), Describe(write), header, detail));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
            });
        }

        private static string Describe(in HeaderWrite write) =>
            write.Kind == HeaderWriteKind.Call ? "Headers." + write.MethodName + "(\"" + write.DisplayName + "\", …)"
            : write.Kind == HeaderWriteKind.Indexer ? "Headers[\"" + write.DisplayName + "\"]"
            : "Headers." + write.DisplayName;

        /// <summary>An empty value (<c>""</c>, <c>StringValues.Empty</c>) blanks the header rather than disclosing anything.</summary>
        private static bool IsEmpty(HeaderWrites headers, IOperation? value)
        {
            var text = headers.Text(value);
            if (text != null)
            {
                return text.Trim().Length == 0;
            }

            return headers.IsEmptyStringValues(value);
        }

        /// <summary>A digit in the visible text ("Kestrel/8.0"), or a part read from a Version or FrameworkDescription member.</summary>
        private static bool CarriesVersion(HeaderWrites headers, IOperation? value)
        {
            var text = headers.Text(value);
            if (text != null)
            {
                foreach (var character in text)
                {
                    if (character >= '0' && character <= '9')
                    {
                        return true;
                    }
                }
            }

            if (value is null)
            {
                return false;
            }

            foreach (var operation in value.DescendantsAndSelf())
            {
                var name = operation switch
                {
                    IPropertyReferenceOperation property => property.Property.Name,
                    IFieldReferenceOperation field => field.Field.Name,
                    IInvocationOperation invocation => invocation.TargetMethod.Name,
                    _ => null,
                };
                if (name != null && (name.IndexOf("Version", StringComparison.Ordinal) >= 0 || name == "FrameworkDescription"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
