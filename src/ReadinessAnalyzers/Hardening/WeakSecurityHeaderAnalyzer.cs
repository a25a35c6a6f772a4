using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Http;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9005: a security header written with a value that switches its protection off: <c>X-Frame-Options: ALLOWALL</c>,
    /// a Content-Security-Policy whose script sources allow <c>'unsafe-inline'</c>, <c>'unsafe-eval'</c> or <c>*</c>,
    /// <c>Referrer-Policy: unsafe-url</c>, and <c>AntiforgeryOptions.SuppressXFrameOptionsHeader = true</c> in an app that
    /// writes no frame protection of its own.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class WeakSecurityHeaderAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.WeakSecurityHeader,
            title: "Security header weakened or switched off",
            messageFormat: "{0}: {1}; {2}",
            description: "X-Frame-Options, Content-Security-Policy and Referrer-Policy protect users only with strict values. ALLOWALL, "
                + "script sources with 'unsafe-inline', 'unsafe-eval' or *, and unsafe-url turn the header into decoration, and "
                + "suppressing antiforgery's X-Frame-Options without sending another leaves form pages open to clickjacking.");

        private const string AntiforgeryOptionsType = "Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions";

        private const string FrameOptions = "X-Frame-Options";
        private const string ContentSecurityPolicy = "Content-Security-Policy";
        private const string ReferrerPolicy = "Referrer-Policy";

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

                var antiforgeryOptions = types.Get(AntiforgeryOptionsType);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                var compilation = start.Compilation;

                // Read only when a SuppressXFrameOptionsHeader = true is found, then once per compilation.
                var writesFrameProtection = new Lazy<bool>(() => WritesFrameProtection(compilation), LazyThreadSafetyMode.ExecutionAndPublication);

                start.RegisterOperationAction(
                    context =>
                    {
                        if (headers.TryRead(context.Operation, out var write))
                        {
                            AnalyzeHeader(context, headers, write, guard);
                        }
                        else if (antiforgeryOptions != null && context.Operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                            && target.Property.Name == "SuppressXFrameOptionsHeader"
                            && SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, antiforgeryOptions)
                            && Invocations.IsConstantTrue(assignment.Value)
                            && !guard.IsDevelopmentOnly(context.Operation)
                            && !writesFrameProtection.Value)
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                Rule,
                                context.Operation.Syntax.GetLocation(),
                                "'SuppressXFrameOptionsHeader = true' removes the X-Frame-Options header antiforgery sends with its forms, and this project writes no X-Frame-Options or CSP frame-ancestors of its own",
                                "any website can frame these pages and trick users into clicking (clickjacking)",
                                "leave it false, or send 'X-Frame-Options: DENY' or CSP 'frame-ancestors' for every response"));
                        }
                    },
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
            });
        }

        private static void AnalyzeHeader(OperationAnalysisContext context, HeaderWrites headers, in HeaderWrite write, DevelopmentGuard guard)
        {
            string? what = null;
            string? why = null;
            string? fix = null;
            if (write.Is(FrameOptions, "XFrameOptions"))
            {
                var text = headers.Text(write.Value);
                if (text != null && SecurityHeaderValues.IsAllowAll(text))
                {
                    what = "'X-Frame-Options: ALLOWALL' is not a protection browsers know";
                    why = "any website can frame these pages and trick users into clicking (clickjacking)";
                    fix = "send DENY or SAMEORIGIN, or CSP 'frame-ancestors' with the sites allowed to frame them";
                }
            }
            else if (write.Is(ContentSecurityPolicy, "ContentSecurityPolicy"))
            {
                var text = headers.Text(write.Value);
                if (text != null && SecurityHeaderValues.WeakScriptSource(text) is string weakness)
                {
                    what = "The Content-Security-Policy allows " + weakness;
                    why = "injected script runs, so the policy no longer stops cross-site scripting";
                    fix = "load scripts from named origins and allow inline script by nonce or hash ('nonce-…', 'sha256-…')";
                }
            }
            else if (write.Is(ReferrerPolicy, null))
            {
                var text = headers.Text(write.Value);
                if (text != null && SecurityHeaderValues.IsUnsafeUrl(text))
                {
                    what = "'Referrer-Policy: unsafe-url' sends the full address of every page, query string included";
                    why = "tokens, e-mail addresses and IDs in URLs leak to every linked site and over plain HTTP";
                    fix = "use 'strict-origin-when-cross-origin' or 'no-referrer'";
                }
            }

            if (what != null && !guard.IsDevelopmentOnly(context.Operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), what, why, fix));
            }
        }

        /// <summary>
        /// True when a string of the compilation sends frame protection: the X-Frame-Options values DENY or SAMEORIGIN, or a
        /// CSP frame-ancestors directive. The app then protects its pages itself, which is why it suppresses antiforgery's
        /// header. Read from the tokens (comments do not count), once per compilation and only when needed.
        /// </summary>
        private static bool WritesFrameProtection(Compilation compilation)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                foreach (var token in tree.GetRoot().DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.InterpolatedStringTextToken)
                        && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
                    {
                        continue;
                    }

                    var value = token.ValueText.Trim();
                    if (value.Equals("DENY", StringComparison.OrdinalIgnoreCase)
                        || value.Equals("SAMEORIGIN", StringComparison.OrdinalIgnoreCase)
                        || value.IndexOf("frame-ancestors", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
