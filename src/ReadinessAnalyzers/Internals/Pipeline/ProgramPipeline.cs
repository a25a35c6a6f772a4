using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals.Pipeline
{
    /// <summary>
    /// What the entry point's pipeline configures, for the whole-program rules (RDY6004-6005, RDY8004, RDY9001-9004).
    /// Operation callbacks record the relevant framework calls and the calls between the project's wiring methods;
    /// at compilation end the pipeline is the entry point (top-level statements or Main), the Startup class it names
    /// (Configure, ConfigureServices), and the project's methods they call with the app, a builder or the services,
    /// up to <see cref="MaxCallDepth"/> calls away (Program → OrdersSetup.UseOrdersPipeline → ErrorsSetup.UseErrorPages).
    /// Calls elsewhere, and calls that only run in Development, do not configure the production pipeline.
    /// </summary>
    internal sealed class ProgramPipeline
    {
        /// <summary>How many calls away from Program/Startup a wiring method may be and still count.</summary>
        public const int MaxCallDepth = 2;

        private readonly HashSet<PipelineCall> _production;
        private readonly HashSet<PipelineCall> _developmentOnly;
        private readonly PipelineRecorder _recorder;

        private ProgramPipeline(PipelineRecorder recorder, HashSet<PipelineCall> production, HashSet<PipelineCall> developmentOnly, Location location, bool usesStartup)
        {
            _recorder = recorder;
            _production = production;
            _developmentOnly = developmentOnly;
            ReportLocation = location;
            UsesStartup = usesStartup;
        }

        /// <summary>Where whole-program diagnostics go: Startup.Configure, else app.Run()/RunAsync(), else builder.Build().</summary>
        public Location ReportLocation { get; }

        /// <summary>The pipeline is configured by a Startup class.</summary>
        public bool UsesStartup { get; }

        /// <summary>The pipeline makes this call outside Development.</summary>
        public bool Configures(PipelineCall call) => _production.Contains(call);

        /// <summary>The pipeline makes this call, but only in Development.</summary>
        public bool ConfiguresOnlyInDevelopment(PipelineCall call) => !_production.Contains(call) && _developmentOnly.Contains(call);

        /// <summary>Evidence named anywhere in the compilation outside Development (requested with <c>recordEvidence</c>).</summary>
        public bool Has(CodeEvidence evidence) => _recorder.HasEvidence(evidence);

        /// <summary>
        /// Registers the recording callbacks and, at compilation end, calls <paramref name="decide"/> once if the compilation is a
        /// web app. Call once from a compilation start action. <paramref name="recordEvidence"/> adds the (cheap)
        /// header-assignment callbacks behind <see cref="Has(CodeEvidence)"/>.
        /// </summary>
        public static void Register(CompilationStartAnalysisContext start, bool recordEvidence, Action<CompilationAnalysisContext, ProgramPipeline> decide)
        {
            var types = PipelineTypes.Create(start.Compilation);
            if (types is null || !IsApplication(start.Compilation.Options.OutputKind))
            {
                return;
            }

            var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
            if (guard.IsTestProject)
            {
                return;
            }

            var recorder = new PipelineRecorder(types, guard, start.Compilation.Assembly, recordEvidence);
            start.RegisterOperationAction(recorder.OnInvocation, OperationKind.Invocation);
            start.RegisterOperationAction(recorder.OnInvalid, OperationKind.Invalid);
            if (recordEvidence)
            {
                start.RegisterOperationAction(recorder.OnAssignment, OperationKind.SimpleAssignment);
            }

            start.RegisterCompilationEndAction(end =>
            {
                var pipeline = Resolve(end.Compilation, recorder, end.Options, end.CancellationToken);
                if (pipeline != null)
                {
                    decide(end, pipeline);
                }
            });
        }

        // A class library has no entry point, so no pipeline of its own: a web app is an executable.
        private static bool IsApplication(OutputKind kind)
            => kind == OutputKind.ConsoleApplication || kind == OutputKind.WindowsApplication || kind == OutputKind.WindowsRuntimeApplication;

        private static ProgramPipeline? Resolve(Compilation compilation, PipelineRecorder recorder, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var entryPoint = compilation.GetEntryPoint(cancellationToken);
            if (entryPoint is null)
            {
                return null;
            }

            var wiring = new Dictionary<IMethodSymbol, List<WiringCall>>(SymbolEqualityComparer.Default);
            foreach (var call in recorder.Wiring)
            {
                if (!call.DevelopmentOnly)
                {
                    if (!wiring.TryGetValue(call.Caller, out var calls))
                    {
                        wiring[call.Caller] = calls = new List<WiringCall>();
                    }

                    calls.Add(call);
                }
            }

            var reachable = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            Reach(entryPoint.OriginalDefinition, wiring, reachable);

            // Startup classes named by UseStartup in the reachable code: their Configure and ConfigureServices are the pipeline too.
            Location? startupLocation = null;
            var usesStartup = false;
            foreach (var fact in recorder.Facts)
            {
                if (fact.Call == PipelineCall.UseStartup && fact.Type is INamedTypeSymbol startup && reachable.Contains(fact.Owner))
                {
                    usesStartup = true;
                    foreach (var member in startup.GetMembers())
                    {
                        if (member is IMethodSymbol method && (method.Name == "Configure" || method.Name == "ConfigureServices"))
                        {
                            Reach(method.OriginalDefinition, wiring, reachable);
                            if (method.Name == "Configure" && method.Locations.Length > 0 && method.Locations[0].IsInSource)
                            {
                                startupLocation = Earliest(startupLocation, method.Locations[0]);
                            }
                        }
                    }
                }
            }

            var webApp = usesStartup;
            var production = new HashSet<PipelineCall>();
            var developmentOnly = new HashSet<PipelineCall>();
            Location? run = null;
            Location? build = null;
            var exceptionMiddleware = new HashSet<ITypeSymbol>(recorder.ExceptionMiddlewareTypes, SymbolEqualityComparer.Default);
            foreach (var fact in recorder.Facts)
            {
                if (!reachable.Contains(fact.Owner))
                {
                    continue;
                }

                var call = fact.Call;
                switch (call)
                {
                    case PipelineCall.WebAppCreated:
                        webApp = true;
                        continue;
                    case PipelineCall.Run:
                        run = Earliest(run, fact.Location);
                        continue;
                    case PipelineCall.Build:
                        build = Earliest(build, fact.Location);
                        continue;
                    case PipelineCall.UseMiddleware:
                        if (fact.Type != null && exceptionMiddleware.Contains(fact.Type))
                        {
                            call = PipelineCall.InlineExceptionMiddleware;
                        }
                        else if (IsRateLimitingMiddleware(fact.Type))
                        {
                            call = PipelineCall.RateLimitingMiddleware;
                        }
                        else
                        {
                            continue;
                        }

                        break;
                }

                (fact.DevelopmentOnly ? developmentOnly : production).Add(call);
            }

            // The wiring that continues in referenced projects compiled from source: it may satisfy a rule, never report one.
            var visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var call in recorder.ExternalWiring)
            {
                if (!call.DevelopmentOnly && reachable.Contains(call.Caller))
                {
                    ReferencedWiring.Read(compilation, call.Callee, options, production, developmentOnly, visited, cancellationToken);
                }
            }

            var location = startupLocation ?? run ?? build;
            return webApp && location != null ? new ProgramPipeline(recorder, production, developmentOnly, location, usesStartup) : null;
        }

        /// <summary>
        /// UseMiddleware&lt;T&gt; of a class named as rate limiters are (<c>IpRateLimitMiddleware</c>, <c>ClientRateLimitingMiddleware</c>, <c>ThrottlingMiddleware</c>,
        /// the app's own <c>TenantRateLimitMiddleware</c>), resolved or not.
        /// </summary>
        private static bool IsRateLimitingMiddleware(ITypeSymbol? type)
            => type != null
                && type.Name.EndsWith("Middleware", StringComparison.Ordinal)
                && (type.Name.IndexOf("RateLimit", StringComparison.Ordinal) >= 0 || type.Name.IndexOf("Throttl", StringComparison.Ordinal) >= 0);

        /// <summary>Adds <paramref name="root"/> and the wiring methods it calls, up to <see cref="MaxCallDepth"/> calls away.</summary>
        private static void Reach(IMethodSymbol root, Dictionary<IMethodSymbol, List<WiringCall>> wiring, HashSet<IMethodSymbol> reachable)
        {
            var level = new List<IMethodSymbol> { root };
            reachable.Add(root);
            for (var depth = 0; depth < MaxCallDepth && level.Count > 0; depth++)
            {
                var next = new List<IMethodSymbol>();
                foreach (var caller in level)
                {
                    if (wiring.TryGetValue(caller, out var calls))
                    {
                        foreach (var call in calls)
                        {
                            if (reachable.Add(call.Callee))
                            {
                                next.Add(call.Callee);
                            }
                        }
                    }
                }

                level = next;
            }
        }

        /// <summary>The first location in file order, so the diagnostic does not depend on callback order.</summary>
        private static Location Earliest(Location? current, Location candidate)
        {
            if (current is null)
            {
                return candidate;
            }

            var byPath = string.CompareOrdinal(candidate.SourceTree?.FilePath, current.SourceTree?.FilePath);
            return byPath < 0 || (byPath == 0 && candidate.SourceSpan.Start < current.SourceSpan.Start) ? candidate : current;
        }
    }
}
