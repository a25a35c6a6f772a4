using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals.Http;

namespace ReadinessAnalyzers.Internals.Pipeline
{
    /// <summary>One recorded framework call: what, in which method, where, and whether it only runs in Development.</summary>
    internal readonly struct PipelineFact
    {
        public PipelineFact(PipelineCall call, IMethodSymbol owner, Location location, bool developmentOnly, ITypeSymbol? type)
        {
            Call = call;
            Owner = owner;
            Location = location;
            DevelopmentOnly = developmentOnly;
            Type = type;
        }

        public PipelineCall Call { get; }

        public IMethodSymbol Owner { get; }

        public Location Location { get; }

        public bool DevelopmentOnly { get; }

        /// <summary>UseStartup&lt;T&gt; / UseMiddleware&lt;T&gt;: T.</summary>
        public ITypeSymbol? Type { get; }
    }

    /// <summary>A call from one method of the project to another that passes the app, a builder or the services along.</summary>
    internal readonly struct WiringCall
    {
        public WiringCall(IMethodSymbol caller, IMethodSymbol callee, bool developmentOnly)
        {
            Caller = caller;
            Callee = callee;
            DevelopmentOnly = developmentOnly;
        }

        public IMethodSymbol Caller { get; }

        public IMethodSymbol Callee { get; }

        public bool DevelopmentOnly { get; }
    }

    /// <summary>
    /// The operation callbacks: each records the few calls the pipeline rules care about (method name first, symbols after)
    /// and nothing is decided until compilation end. Written to from concurrent callbacks.
    /// </summary>
    internal sealed class PipelineRecorder
    {
        private readonly PipelineTypes _types;
        private readonly DevelopmentGuard _guard;
        private readonly IAssemblySymbol _assembly;
        private readonly bool _recordEvidence;
        private int _evidence;

        public PipelineRecorder(PipelineTypes types, DevelopmentGuard guard, IAssemblySymbol assembly, bool recordEvidence)
        {
            _recordEvidence = recordEvidence;
            _types = types;
            _guard = guard;
            _assembly = assembly;
        }

        public ConcurrentQueue<PipelineFact> Facts { get; } = new ConcurrentQueue<PipelineFact>();

        public ConcurrentQueue<WiringCall> Wiring { get; } = new ConcurrentQueue<WiringCall>();

        /// <summary>Middleware classes whose Invoke/InvokeAsync handles exceptions around <c>next</c>.</summary>
        public ConcurrentQueue<ITypeSymbol> ExceptionMiddlewareTypes { get; } = new ConcurrentQueue<ITypeSymbol>();

        public bool HasEvidence(CodeEvidence evidence) => (Volatile.Read(ref _evidence) & (int)evidence) != 0;

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (RecordFrameworkCall(context, invocation, method))
            {
                return;
            }

            if (method.MethodKind == MethodKind.DelegateInvoke)
            {
                RecordExceptionMiddleware(context, invocation);
                return;
            }

            // A method of this project that passes the app, a builder or the services along: an edge of the wiring.
            var callee = (method.ReducedFrom ?? method).OriginalDefinition;
            if (!IsWiringMethod(callee) || !(Owner(context.ContainingSymbol) is IMethodSymbol caller))
            {
                return;
            }

            if (SymbolEqualityComparer.Default.Equals(callee.ContainingAssembly, _assembly))
            {
                Wiring.Enqueue(new WiringCall(caller, callee, _guard.IsDevelopmentOnly(invocation)));
            }
            else if (!callee.DeclaringSyntaxReferences.IsEmpty)
            {
                // builder.AddServiceDefaults() of a referenced project compiled from source: ReferencedWiring reads it at the end.
                ExternalWiring.Enqueue(new WiringCall(caller, callee, _guard.IsDevelopmentOnly(invocation)));
            }
        }

        /// <summary>Calls to wiring methods of referenced projects whose source the compilation holds (the audit, the IDE).</summary>
        public ConcurrentQueue<WiringCall> ExternalWiring { get; } = new ConcurrentQueue<WiringCall>();

        public void OnInvalid(OperationAnalysisContext context)
        {
            // Half-typed code or an unrestored package: the exact method name may satisfy a rule, never report one.
            var name = Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation);
            var call = name is null ? (PipelineCall?)null
                : name == "UseMiddleware" ? UnresolvedMiddlewareCall(context.Operation)
                : SatisfyingCallByName(name);
            if (call is PipelineCall known)
            {
                Record(context, known, null);
            }
        }

        /// <summary>
        /// <c>Response.Headers["X-Frame-Options"] = …</c>, <c>Headers.XContentTypeOptions = …</c>, <c>Headers.Append("Referrer-Policy", …)</c>:
        /// a security header set, read by the shared <see cref="HeaderWrites"/>. A header written with a value that switches
        /// its protection off (ALLOWALL, unsafe-url, a CSP allowing unsafe scripts) is no evidence.
        /// </summary>
        public void OnAssignment(OperationAnalysisContext context) => RecordSecurityHeader(context);

        private void RecordSecurityHeader(OperationAnalysisContext context)
        {
            var headers = _types.Headers;
            if (headers is null || !headers.TryRead(context.Operation, out var write))
            {
                return;
            }

            if (write.Is("Strict-Transport-Security", "StrictTransportSecurity")
                && (!(headers.Text(write.Value) is string hsts) || hsts.IndexOf("max-age=0", StringComparison.OrdinalIgnoreCase) < 0)
                && !_guard.IsDevelopmentOnly(context.Operation))
            {
                AddEvidence(CodeEvidence.HstsHeaderNamed);
                return;
            }

            var header = SecurityHeader(write);
            if (header != null
                && !SecurityHeaderValues.SwitchesProtectionOff(header, headers.Text(write.Value))
                && !_guard.IsDevelopmentOnly(context.Operation))
            {
                AddEvidence(CodeEvidence.SecurityHeaderNamed);
            }
        }

        /// <summary>A method of a package: its namespace or its assembly starts with the package's name (NWebsec puts its extensions in Microsoft.AspNetCore.Builder).</summary>
        private static bool IsPackageMethod(IMethodSymbol method, string package)
        {
            var definition = method.ReducedFrom ?? method;
            var ns = definition.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            var assembly = definition.ContainingAssembly?.Name ?? string.Empty;
            return ns.StartsWith(package, StringComparison.Ordinal) || assembly.StartsWith(package, StringComparison.Ordinal);
        }

        private static bool IsHeadersPackageMethod(IMethodSymbol method)
        {
            var ns = (method.ReducedFrom ?? method).ContainingNamespace?.ToDisplayString() ?? string.Empty;
            return method.DeclaringSyntaxReferences.IsEmpty
                || ns == "Microsoft.AspNetCore.Builder"
                || ns.StartsWith("NWebsec", StringComparison.Ordinal)
                || ns.StartsWith("NetEscapades", StringComparison.Ordinal);
        }

        private static string? SecurityHeader(in HeaderWrite write)
        {
            if (write.Is("X-Content-Type-Options", "XContentTypeOptions"))
            {
                return "X-Content-Type-Options";
            }

            if (write.Is("Content-Security-Policy", "ContentSecurityPolicy"))
            {
                return "Content-Security-Policy";
            }

            if (write.Is("X-Frame-Options", "XFrameOptions"))
            {
                return "X-Frame-Options";
            }

            return write.Is("Referrer-Policy", null) ? "Referrer-Policy" : null;
        }

        private bool RecordFrameworkCall(OperationAnalysisContext context, IInvocationOperation invocation, IMethodSymbol method)
        {
            var t = _types;
            var name = method.Name;
            switch (name)
            {
                case "UseHttpsRedirection":
                    return RecordIf(context, Invocations.Is(method, t.HttpsPolicyBuilderExtensions, name), PipelineCall.HttpsRedirection);
                case "UseHsts":
                    // ASP.NET Core's, or NWebsec's (app.UseHsts(options => options.MaxAge(days: 365))).
                    return RecordIf(context, Invocations.Is(method, t.HstsBuilderExtensions, name) || IsPackageMethod(method, "NWebsec"), PipelineCall.Hsts);
                case "CheckHealthAsync":
                    // A hand-written health endpoint: MapGet("/health/live", (HealthCheckService hc) => hc.CheckHealthAsync(…)).
                    return RecordIf(context, method.ContainingType?.Name == "HealthCheckService" && method.DeclaringSyntaxReferences.IsEmpty, PipelineCall.HealthChecksMapped);
                case "MapGrpcHealthChecksService":
                    // gRPC's health service (Grpc.AspNetCore.HealthChecks) is the health endpoint of a gRPC-only app.
                    return RecordIf(context, IsPackageMethod(method, "Grpc"), PipelineCall.HealthChecksMapped);
                case "UseIpRateLimiting":
                case "UseClientRateLimiting":
                    // AspNetCoreRateLimit's middleware; its services (AddInMemoryRateLimiting …) limit nothing without it.
                    return RecordIf(context, IsPackageMethod(method, "AspNetCoreRateLimit"), PipelineCall.RateLimitingMiddleware);
                case "UseExceptionHandler":
                    return RecordIf(context, Invocations.Is(method, t.ExceptionHandlerExtensions, name), PipelineCall.ExceptionHandler);
                case "UseStatusCodePages":
                case "UseStatusCodePagesWithReExecute":
                case "UseStatusCodePagesWithRedirects":
                    return RecordIf(context, Invocations.Is(method, t.StatusCodePagesExtensions, name), PipelineCall.StatusCodePages);
                case "AddProblemDetails":
                    return RecordIf(context, Invocations.Is(method, t.ProblemDetailsServiceCollectionExtensions, name), PipelineCall.ProblemDetails);
                case "AddHealthChecks":
                    return RecordIf(context, Invocations.Is(method, t.HealthCheckServiceCollectionExtensions, name), PipelineCall.HealthChecksAdded);
                case "MapHealthChecks":
                    return RecordIf(context, Invocations.Is(method, t.HealthCheckEndpointRouteBuilderExtensions, name), PipelineCall.HealthChecksMapped);
                case "UseHealthChecks":
                    return RecordIf(context, Invocations.Is(method, t.HealthCheckApplicationBuilderExtensions, name), PipelineCall.HealthChecksMapped);
                case "AddRateLimiter":
                    return RecordIf(context, Invocations.Is(method, t.RateLimiterServiceCollectionExtensions, name), PipelineCall.RateLimiterAdded);
                case "UseRateLimiter":
                    return RecordIf(context, Invocations.Is(method, t.RateLimiterApplicationBuilderExtensions, name), PipelineCall.RateLimiterUsed);
                case "UseForwardedHeaders":
                    return RecordIf(context, Invocations.Is(method, t.ForwardedHeadersExtensions, name), PipelineCall.ForwardedHeaders);
                case "UseSecurityHeaders":
                case "UseXContentTypeOptions":
                case "UseXfo":
                case "UseCsp":
                case "UseReferrerPolicy":
                    // Third-party headers middleware (NetEscapades, NWebsec): the exact name in the packages' namespaces. An
                    // app's own method of that name is judged by the headers it writes, not by its name.
                    return RecordIf(context, IsHeadersPackageMethod(method), PipelineCall.SecurityHeadersMiddleware);
                case "UseMiddleware":
                    return RecordIf(context, Invocations.Is(method, t.UseMiddlewareExtensions, name), PipelineCall.UseMiddleware, MiddlewareType(invocation, method));
                case "Run":
                case "RunAsync":
                    return RecordIf(
                        context,
                        Invocations.Is(method, t.WebApplication, name) || Invocations.Is(method, t.HostingAbstractionsHostExtensions, name) || Invocations.Is(method, t.WebHostExtensions, name),
                        PipelineCall.Run);
                case "Build":
                    return RecordIf(
                        context,
                        Invocations.Is(method, t.WebApplicationBuilder, name) || Invocations.Is(method, t.IHostBuilder, name)
                            || Invocations.Is(method, t.IWebHostBuilder, name) || Invocations.Is(method, t.HostApplicationBuilder, name),
                        PipelineCall.Build);
                case "CreateBuilder":
                case "CreateSlimBuilder":
                case "CreateEmptyBuilder":
                case "Create":
                    return RecordIf(context, Invocations.Is(method, t.WebApplication, name), PipelineCall.WebAppCreated);
                case "CreateDefaultBuilder":
                    return RecordIf(context, Invocations.Is(method, t.WebHost, name), PipelineCall.WebAppCreated);
                case "ConfigureWebHostDefaults":
                    return RecordIf(context, Invocations.Is(method, t.GenericHostBuilderExtensions, name), PipelineCall.WebAppCreated);
                case "ConfigureWebHost":
                    return RecordIf(context, Invocations.Is(method, t.GenericHostWebHostBuilderExtensions, name), PipelineCall.WebAppCreated);
                case "UseStartup":
                    return RecordIf(context, Invocations.Is(method, t.WebHostBuilderExtensions, name), PipelineCall.UseStartup, MiddlewareType(invocation, method));
                case "Append":
                case "Add":
                case "TryAdd":
                case "AppendCommaSeparatedValues":
                    if (_recordEvidence)
                    {
                        RecordSecurityHeader(context);
                    }

                    return false;
                case "Configure":
                    // services.Configure<ForwardedHeadersOptions>(…): the app expects to run behind a proxy.
                    if (method.TypeArguments.Length == 1 && SymbolEqualityComparer.Default.Equals(method.TypeArguments[0], t.ForwardedHeadersOptions))
                    {
                        AddEvidence(CodeEvidence.ProxyExpected);
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        private bool RecordIf(OperationAnalysisContext context, bool matches, PipelineCall call, ITypeSymbol? type = null)
        {
            if (matches)
            {
                Record(context, call, type);
            }

            return matches;
        }

        private void Record(OperationAnalysisContext context, PipelineCall call, ITypeSymbol? type)
        {
            if (Owner(context.ContainingSymbol) is IMethodSymbol owner)
            {
                var operation = context.Operation;
                Facts.Enqueue(new PipelineFact(call, owner, Invocations.CallLocation(operation), _guard.IsDevelopmentOnly(operation), type));
            }
        }

        /// <summary>
        /// <c>await next(context)</c> inside a try whose catch handles any exception without rethrowing: an exception-handling
        /// middleware, written as a class (Invoke/InvokeAsync) or inline in <c>app.Use(...)</c>.
        /// </summary>
        private void RecordExceptionMiddleware(OperationAnalysisContext context, IInvocationOperation invocation)
        {
            if (!IsNextDelegate(invocation.Instance) || !IsInsideHandlingTry(invocation))
            {
                return;
            }

            if (context.ContainingSymbol is IMethodSymbol { Name: "Invoke" or "InvokeAsync" } invoke && invoke.ContainingType != null)
            {
                ExceptionMiddlewareTypes.Enqueue(invoke.ContainingType.OriginalDefinition);
            }
            else
            {
                Record(context, PipelineCall.InlineExceptionMiddleware, null);
            }
        }

        private bool IsNextDelegate(IOperation? instance)
        {
            if (instance?.Type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(instance.Type, _types.RequestDelegate))
            {
                return true;
            }

            // app.Use(async (context, next) => { … await next(); … }): next is the Func<Task> second parameter.
            return instance is IParameterReferenceOperation { Parameter: { Ordinal: 1 } parameter }
                && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda
                && lambda.Parameters.Length == 2
                && SymbolEqualityComparer.Default.Equals(lambda.Parameters[0].Type, _types.HttpContext);
        }

        private bool IsInsideHandlingTry(IOperation operation)
        {
            var child = operation;
            for (var current = operation.Parent; current != null; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case ITryOperation tryOperation when child == tryOperation.Body:
                        return HandlesAnyException(tryOperation);
                    case IAnonymousFunctionOperation _:
                    case ILocalFunctionOperation _:
                        return false;
                }
            }

            return false;
        }

        private bool HandlesAnyException(ITryOperation tryOperation)
        {
            foreach (var clause in tryOperation.Catches)
            {
                var caught = clause.ExceptionType;
                if ((caught.SpecialType == SpecialType.System_Object || SymbolEqualityComparer.Default.Equals(caught, _types.Exception))
                    && !Rethrows(clause.Handler))
                {
                    return true;
                }
            }

            return false;
        }

        // `catch (Exception ex) { log(ex); throw; }` logs, it does not handle.
        private static bool Rethrows(IBlockOperation handler)
        {
            foreach (var statement in handler.Operations)
            {
                if (statement is IThrowOperation || statement is IExpressionStatementOperation { Operation: IThrowOperation _ })
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsWiringMethod(IMethodSymbol method)
        {
            if (_types.WiringTypes.Contains(method.ReturnType))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (_types.WiringTypes.Contains(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>UseMiddleware&lt;T&gt;() / UseStartup&lt;T&gt;(): T; UseMiddleware(typeof(T)) / UseStartup(typeof(T)): T.</summary>
        private static ITypeSymbol? MiddlewareType(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.TypeArguments.Length == 1)
            {
                return method.TypeArguments[0].OriginalDefinition;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value is ITypeOfOperation typeOf)
                {
                    return typeOf.TypeOperand.OriginalDefinition;
                }
            }

            return null;
        }

        /// <summary>The member a callback's operation belongs to: lambdas and local functions count as their method.</summary>
        private static IMethodSymbol? Owner(ISymbol? symbol)
        {
            while (symbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction or MethodKind.LocalFunction })
            {
                symbol = symbol.ContainingSymbol;
            }

            return (symbol as IMethodSymbol)?.OriginalDefinition;
        }

        /// <summary><c>app.UseMiddleware&lt;IpRateLimitMiddleware&gt;()</c> that does not bind: the type argument's exact name.</summary>
        private static PipelineCall? UnresolvedMiddlewareCall(IOperation operation)
        {
            if (operation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax
                {
                    Expression: Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax { Name: Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax generic },
                }
                && generic.TypeArgumentList.Arguments.Count == 1)
            {
                var argument = generic.TypeArgumentList.Arguments[0].ToString();
                var dot = argument.LastIndexOf('.');
                var typeName = dot >= 0 ? argument.Substring(dot + 1) : argument;
                return typeName.EndsWith("Middleware", StringComparison.Ordinal)
                    && (typeName.IndexOf("RateLimit", StringComparison.Ordinal) >= 0 || typeName.IndexOf("Throttl", StringComparison.Ordinal) >= 0)
                    ? PipelineCall.RateLimitingMiddleware
                    : (PipelineCall?)null;
            }

            return null;
        }

        /// <summary>The pipeline call a framework or package method of this exact name makes; for code the analysis cannot bind.</summary>
        internal static PipelineCall? SatisfyingCallByName(string name)
        {
            switch (name)
            {
                case "UseHttpsRedirection": return PipelineCall.HttpsRedirection;
                case "UseHsts": return PipelineCall.Hsts;
                case "UseExceptionHandler": return PipelineCall.ExceptionHandler;
                case "UseStatusCodePages": return PipelineCall.StatusCodePages;
                case "AddProblemDetails": return PipelineCall.ProblemDetails;
                case "AddHealthChecks": return PipelineCall.HealthChecksAdded;
                case "MapHealthChecks":
                case "UseHealthChecks":
                case "MapGrpcHealthChecksService": return PipelineCall.HealthChecksMapped;
                case "AddRateLimiter": return PipelineCall.RateLimiterAdded;
                case "UseRateLimiter": return PipelineCall.RateLimiterUsed;
                case "UseForwardedHeaders": return PipelineCall.ForwardedHeaders;
                case "UseSecurityHeaders":
                case "UseXContentTypeOptions":
                case "UseXfo":
                case "UseCsp":
                case "UseReferrerPolicy": return PipelineCall.SecurityHeadersMiddleware;
                case "UseIpRateLimiting":
                case "UseClientRateLimiting": return PipelineCall.RateLimitingMiddleware;
                case "UseStatusCodePagesWithReExecute":
                case "UseStatusCodePagesWithRedirects": return PipelineCall.StatusCodePages;
                default: return null;
            }
        }

        private void AddEvidence(CodeEvidence evidence)
        {
            int current;
            do
            {
                current = Volatile.Read(ref _evidence);
            }
            while ((current & (int)evidence) == 0
                && Interlocked.CompareExchange(ref _evidence, current | (int)evidence, current) != current);
        }
    }
}
