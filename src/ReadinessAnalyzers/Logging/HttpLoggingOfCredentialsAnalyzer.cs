using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Logging
{
    /// <summary>
    /// RDY4003: HTTP logging that writes credentials: request bodies (HttpLoggingFields.RequestBody, All), credential
    /// headers added to the logged headers (Authorization, Cookie, X-Api-Key …), W3C logging of the Cookie field.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class HttpLoggingOfCredentialsAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.HttpLoggingOfCredentials,
            title: "HTTP logging writes credentials to the log",
            messageFormat: "{0} outside Development: {1}",
            description: "HTTP logging redacts every request header it is not told to log and logs no bodies by default. Logging "
                + "request bodies writes passwords from sign-in forms and client secrets from token requests; adding "
                + "Authorization, Cookie or API-key headers writes live credentials. Anyone who reads the logs can replay them.");

        private const string HttpLoggingOptions = "Microsoft.AspNetCore.HttpLogging.HttpLoggingOptions";
        private const string HttpLoggingFields = "Microsoft.AspNetCore.HttpLogging.HttpLoggingFields";
        private const string W3CLoggerOptions = "Microsoft.AspNetCore.HttpLogging.W3CLoggerOptions";
        private const string HeaderNames = "Microsoft.Net.Http.Headers.HeaderNames";
        private const string EndpointConventionExtensions = "Microsoft.AspNetCore.Builder.HttpLoggingEndpointConventionBuilderExtensions";

        // HttpLoggingFields.RequestBody and W3CLoggingFields.Cookie.
        private const long RequestBodyField = 0x400;
        private const long CookieField = 0x8000;

        private const string BodyAdvice = "request bodies carry passwords from sign-in forms and secrets from token requests; log the fields you need without RequestBody, or only in Development";
        private const string HeaderAdvice = "the header carries a credential that anyone reading the logs can replay; leave it out (HTTP logging redacts it by default)";
        private const string CookieAdvice = "the Cookie header carries authentication and session cookies; leave W3CLoggingFields.Cookie out";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                var httpLoggingOptions = types.Get(HttpLoggingOptions);
                if (httpLoggingOptions is null)
                {
                    return;
                }

                var httpLoggingFields = types.Get(HttpLoggingFields);
                var w3cOptions = types.Get(W3CLoggerOptions);
                var endpointExtensions = types.Get(EndpointConventionExtensions);
                var headerNames = types.Get(HeaderNames);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                start.RegisterOperationAction(
                    context =>
                    {
                        // o.LoggingFields = HttpLoggingFields.All;  o.LoggingFields |= HttpLoggingFields.RequestBody;
                        var assignment = (IAssignmentOperation)context.Operation;
                        if (!(assignment.Target is IPropertyReferenceOperation property) || property.Property.Name != "LoggingFields")
                        {
                            return;
                        }

                        // `&=` and `^=` never add a field that `=` or `|=` did not already add.
                        if (assignment is ICompoundAssignmentOperation compound && compound.OperatorKind != BinaryOperatorKind.Or)
                        {
                            return;
                        }

                        var declaringType = property.Property.ContainingType;
                        if (SymbolEqualityComparer.Default.Equals(declaringType, httpLoggingOptions) && HasField(assignment.Value, RequestBodyField))
                        {
                            Report(context, guard, assignment.Syntax.GetLocation(), "HttpLoggingOptions.LoggingFields includes RequestBody", BodyAdvice);
                        }
                        else if (SymbolEqualityComparer.Default.Equals(declaringType, w3cOptions) && HasField(assignment.Value, CookieField))
                        {
                            Report(context, guard, assignment.Syntax.GetLocation(), "W3CLoggerOptions.LoggingFields includes Cookie", CookieAdvice);
                        }
                    },
                    OperationKind.SimpleAssignment,
                    OperationKind.CompoundAssignment);

                start.RegisterOperationAction(
                    context =>
                    {
                        var invocation = (IInvocationOperation)context.Operation;
                        var method = invocation.TargetMethod;
                        if (method.Name == "Add")
                        {
                            // o.RequestHeaders.Add("Authorization"), or a collection initializer: RequestHeaders = { "Cookie" }.
                            var headerSet = LoggedHeaderSet(invocation, httpLoggingOptions, w3cOptions);
                            if (headerSet != null && invocation.Arguments.Length == 1
                                && HeaderName(invocation.Arguments[0].Value, headerNames) is string header
                                && CredentialHeaders.IsCredentialHeader(header))
                            {
                                Report(context, guard, invocation.Arguments[0].Syntax.GetLocation(), "'" + header + "' is added to " + headerSet, HeaderAdvice);
                            }
                        }
                        else if (method.Name == "WithHttpLogging" && Invocations.Is(method, endpointExtensions, "WithHttpLogging"))
                        {
                            // endpoint.WithHttpLogging(HttpLoggingFields.All)
                            foreach (var argument in invocation.Arguments)
                            {
                                if (SymbolEqualityComparer.Default.Equals(argument.Parameter?.Type, httpLoggingFields) && HasField(argument.Value, RequestBodyField))
                                {
                                    Report(context, guard, Invocations.CallLocation(invocation), "WithHttpLogging logs RequestBody", BodyAdvice);
                                }
                            }
                        }
                    },
                    OperationKind.Invocation);
            });
        }

        /// <summary>"HttpLoggingOptions.RequestHeaders" when the call adds to a set of headers that HTTP logging writes, else null.</summary>
        private static string? LoggedHeaderSet(IInvocationOperation invocation, INamedTypeSymbol httpLoggingOptions, INamedTypeSymbol? w3cOptions)
        {
            IPropertyReferenceOperation? property = null;
            if (invocation.Instance is IPropertyReferenceOperation direct)
            {
                property = direct;
            }
            else if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                && invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation initialized } })
            {
                property = initialized;
            }

            if (property is null)
            {
                return null;
            }

            var name = property.Property.Name;
            var declaringType = property.Property.ContainingType;
            if ((name == "RequestHeaders" || name == "ResponseHeaders") && SymbolEqualityComparer.Default.Equals(declaringType, httpLoggingOptions))
            {
                return "HttpLoggingOptions." + name;
            }

            return name == "AdditionalRequestHeaders" && SymbolEqualityComparer.Default.Equals(declaringType, w3cOptions)
                ? "W3CLoggerOptions.AdditionalRequestHeaders"
                : null;
        }

        /// <summary>A constant header name, or the field's name for HeaderNames.Authorization (static readonly, not const).</summary>
        private static string? HeaderName(IOperation value, INamedTypeSymbol? headerNames)
        {
            if (Invocations.ConstantString(value) is string constant)
            {
                return constant;
            }

            return value is IFieldReferenceOperation field && headerNames != null
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, headerNames)
                ? field.Field.Name
                : null;
        }

        /// <summary>True when the flags value is a constant with <paramref name="field"/> set (All, Request, RequestBody | …).</summary>
        private static bool HasField(IOperation value, long field)
        {
            while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
            {
                value = conversion.Operand;
            }

            if (!value.ConstantValue.HasValue)
            {
                return false;
            }

            switch (value.ConstantValue.Value)
            {
                case int i: return (i & field) != 0;
                case long l: return (l & field) != 0;
                default: return false;
            }
        }

        private static void Report(OperationAnalysisContext context, DevelopmentGuard guard, Location location, string what, string advice)
        {
            if (!guard.IsDevelopmentOnly(context.Operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, location, what, advice));
            }
        }
    }
}
