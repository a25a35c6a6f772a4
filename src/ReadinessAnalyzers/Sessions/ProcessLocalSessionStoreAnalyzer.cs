using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Sessions
{
    /// <summary>
    /// RDY5002: a static mutable collection (or memory cache) named for per-user state — sessions, carts, tickets,
    /// refresh tokens, one-time codes — and an <c>ITicketStore</c> that keeps tickets in memory.
    /// RDY5007: the same kind of collection in an instance field of a class registered with <c>AddSingleton</c>; whether a
    /// class is registered is a whole-program question, answered at compilation end.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProcessLocalSessionStoreAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor StaticRule = RuleDescriptors.Create(
            RuleIds.ProcessLocalSessionStore,
            title: "Per-user state kept in a process-local store",
            messageFormat: "{0}: it lives in this process only, so it is lost on restart and not seen by other instances; keep it in a shared store (IDistributedCache, a database)",
            description: "A static collection or memory cache that holds sessions, carts, tickets, refresh tokens or one-time codes works on a "
                + "developer machine and fails in production: a deploy or restart empties it, and behind a load balancer each "
                + "instance has its own copy, so users are logged out, carts vanish and codes are rejected at random.");

        internal static readonly DiagnosticDescriptor SingletonRule = RuleDescriptors.Create(
            RuleIds.SingletonSessionStore,
            title: "Per-user state kept in a singleton's memory",
            messageFormat: "'{0}' ({1}) holds per-user state in '{2}', which is registered as a singleton: it lives in this process only, so it is lost on restart and not seen by other instances; keep it in a shared store (IDistributedCache, a database)",
            description: "A service registered with AddSingleton lives as long as the process. A mutable collection in it that holds "
                + "sessions, carts, tickets, refresh tokens or one-time codes is per-instance, per-process state: lost on restart, "
                + "different on every instance. Reported at compilation end, because the registration may be anywhere in the project.",
            customTags: WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>Collections that can be changed in place, and memory caches.</summary>
        private static readonly string[] MutableStoreTypeNames =
        {
            "System.Collections.Generic.Dictionary`2",
            "System.Collections.Generic.List`1",
            "System.Collections.Generic.HashSet`1",
            "System.Collections.Generic.SortedDictionary`2",
            "System.Collections.Generic.SortedList`2",
            "System.Collections.Generic.SortedSet`1",
            "System.Collections.Generic.LinkedList`1",
            "System.Collections.Generic.Queue`1",
            "System.Collections.Generic.Stack`1",
            "System.Collections.Generic.IDictionary`2",
            "System.Collections.Generic.IList`1",
            "System.Collections.Generic.ICollection`1",
            "System.Collections.Generic.ISet`1",
            "System.Collections.Concurrent.ConcurrentDictionary`2",
            "System.Collections.Concurrent.ConcurrentBag`1",
            "System.Collections.Concurrent.ConcurrentQueue`1",
            "System.Collections.Concurrent.ConcurrentStack`1",
            "System.Collections.Hashtable",
            "System.Collections.ArrayList",
            "Microsoft.Extensions.Caching.Memory.MemoryCache",
            "Microsoft.Extensions.Caching.Memory.IMemoryCache",
            "System.Runtime.Caching.MemoryCache",
        };

        /// <summary>Keys of reflection caches (ConcurrentDictionary&lt;Type, …&gt;, &lt;MethodInfo, …&gt;): process-local by nature, and fine.</summary>
        private static readonly string[] ReflectionTypeNames =
        {
            "System.Reflection.MemberInfo",
            "System.Reflection.ParameterInfo",
            "System.Reflection.Assembly",
            "System.Reflection.Module",
        };

        /// <summary>Fields whose presence makes an ITicketStore's memory collection a local cache in front of a shared store.</summary>
        private static readonly string[] SharedStoreTypeNames =
        {
            "Microsoft.Extensions.Caching.Distributed.IDistributedCache",
            "Microsoft.EntityFrameworkCore.DbContext",
            "Microsoft.EntityFrameworkCore.IDbContextFactory`1",
        };

        private const string ITicketStore = "Microsoft.AspNetCore.Authentication.Cookies.ITicketStore";
        private const string ServiceCollectionServiceExtensions = "Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions";
        private const string ServiceCollectionDescriptorExtensions = "Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(StaticRule, SingletonRule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                if (!types.ReferencesAspNetCore)
                {
                    return;
                }

                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);
                if (guard.IsTestProject)
                {
                    return;
                }

                var known = new KnownTypes(types);
                var singletons = new SingletonState();

                start.RegisterSymbolAction(
                    context => AnalyzeMember(context, known, guard, singletons),
                    SymbolKind.Field,
                    SymbolKind.Property);

                if (known.ServiceExtensions != null || known.DescriptorExtensions != null)
                {
                    start.RegisterOperationAction(
                        context => RecordSingletonRegistration(context, known, guard, singletons),
                        OperationKind.Invocation);

                    start.RegisterCompilationEndAction(context => ReportSingletonStores(context, singletons));
                }
            });
        }

        private static void AnalyzeMember(SymbolAnalysisContext context, KnownTypes known, DevelopmentGuard guard, SingletonState singletons)
        {
            var member = context.Symbol;
            if (member.IsImplicitlyDeclared || !(member.ContainingType is { } containingType))
            {
                return;
            }

            ITypeSymbol type;
            if (member is IFieldSymbol field)
            {
                if (field.IsConst)
                {
                    return;
                }

                type = field.Type;
            }
            else
            {
                type = ((IPropertySymbol)member).Type;
            }

            if (!(type is INamedTypeSymbol named) || !known.IsMutableStore(named, out var store) || known.IsReflectionCache(store))
            {
                return;
            }

            // A property is storage only when it is an auto-property; a computed one reads from somewhere else.
            if (member is IPropertySymbol && !IsAutoProperty(member, context.CancellationToken))
            {
                return;
            }

            if (known.TicketStore != null && Implements(containingType, known.TicketStore))
            {
                if (!known.HasSharedStoreField(containingType) && !guard.IsDevelopmentOnly(member))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        StaticRule,
                        member.Locations[0],
                        "ITicketStore '" + containingType.Name + "' keeps authentication tickets in '" + member.Name + "' (" + Display(type) + ")"));
                }

                return;
            }

            if (!SessionStateNames.IsSessionStateName(member.Name) && !HoldsSessionStateElements(store))
            {
                return;
            }

            if (member.IsStatic)
            {
                if (!guard.IsDevelopmentOnly(member))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        StaticRule,
                        member.Locations[0],
                        "Static '" + containingType.Name + "." + member.Name + "' (" + Display(type) + ") holds per-user state"));
                }
            }
            else if (containingType.TypeKind == TypeKind.Class)
            {
                singletons.Candidates.Enqueue(member);
            }
        }

        private static void RecordSingletonRegistration(OperationAnalysisContext context, KnownTypes known, DevelopmentGuard guard, SingletonState singletons)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var name = method.Name;
            if (name != "AddSingleton" && name != "TryAddSingleton")
            {
                return;
            }

            if (!Invocations.Is(method, known.ServiceExtensions, name) && !Invocations.Is(method, known.DescriptorExtensions, name))
            {
                return;
            }

            if (guard.IsDevelopmentOnly(invocation))
            {
                return;
            }

            // AddSingleton<TService, TImplementation>() / AddSingleton<T>() / AddSingleton<T>(instance).
            foreach (var typeArgument in method.TypeArguments)
            {
                singletons.Add(typeArgument);
            }

            // AddSingleton(typeof(IService), typeof(Implementation)), AddSingleton(instance), AddSingleton<I>(sp => new Impl(…)).
            foreach (var argument in invocation.Arguments)
            {
                var value = Unwrap(argument.Value);
                switch (value)
                {
                    case ITypeOfOperation typeOf:
                        singletons.Add(typeOf.TypeOperand);
                        break;
                    case IObjectCreationOperation creation:
                        singletons.Add(creation.Type);
                        break;
                    case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                        foreach (var statement in lambda.Body.Operations)
                        {
                            if (statement is IReturnOperation { ReturnedValue: { } returned } && Unwrap(returned) is IObjectCreationOperation created)
                            {
                                singletons.Add(created.Type);
                            }
                        }

                        break;
                }
            }
        }

        private static void ReportSingletonStores(CompilationAnalysisContext context, SingletonState singletons)
        {
            if (singletons.Registered.IsEmpty)
            {
                return;
            }

            foreach (var member in singletons.Candidates)
            {
                var containingType = member.ContainingType.OriginalDefinition;
                if (!singletons.IsRegistered(containingType, out var registered))
                {
                    continue;
                }

                var type = member is IFieldSymbol field ? field.Type : ((IPropertySymbol)member).Type;
                context.ReportDiagnostic(Diagnostic.Create(
                    SingletonRule,
                    member.Locations[0],
                    containingType.Name + "." + member.Name,
                    Display(type),
                    registered.Name));
            }
        }

        /// <summary>Dictionary&lt;string, UserSession&gt;, List&lt;RefreshToken&gt;: the stored element says it is per-user state.</summary>
        private static bool HoldsSessionStateElements(INamedTypeSymbol store)
        {
            var current = store;
            for (var depth = 0; depth < 2 && current.TypeArguments.Length > 0; depth++)
            {
                var element = current.TypeArguments[current.TypeArguments.Length - 1];
                if (SessionStateNames.IsSessionStateName(element.Name))
                {
                    return true;
                }

                if (!(element is INamedTypeSymbol next))
                {
                    return false;
                }

                current = next;
            }

            return false;
        }

        private static bool IsAutoProperty(ISymbol property, CancellationToken cancellationToken)
        {
            var references = property.DeclaringSyntaxReferences;
            if (references.Length == 0 || !(references[0].GetSyntax(cancellationToken) is PropertyDeclarationSyntax declaration))
            {
                return false;
            }

            if (declaration.ExpressionBody != null || declaration.AccessorList is null)
            {
                return false;
            }

            foreach (var accessor in declaration.AccessorList.Accessors)
            {
                if (accessor.Body != null || accessor.ExpressionBody != null)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol @interface)
        {
            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate, @interface))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation Unwrap(IOperation operation) => Operations.Unwrap(operation)!;

        private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

        /// <summary>The types this rule compares against, looked up once per compilation.</summary>
        private sealed class KnownTypes
        {
            private readonly ImmutableHashSet<INamedTypeSymbol> _mutableStores;
            private readonly INamedTypeSymbol?[] _reflectionTypes;
            private readonly INamedTypeSymbol?[] _sharedStores;

            public KnownTypes(WellKnownTypes types)
            {
                var stores = ImmutableHashSet.CreateBuilder<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var name in MutableStoreTypeNames)
                {
                    if (types.Get(name) is { } type)
                    {
                        stores.Add(type);
                    }
                }

                _mutableStores = stores.ToImmutable();
                _reflectionTypes = Resolve(types, ReflectionTypeNames);
                _sharedStores = Resolve(types, SharedStoreTypeNames);
                TicketStore = types.Get(ITicketStore);
                ServiceExtensions = types.Get(ServiceCollectionServiceExtensions);
                DescriptorExtensions = types.Get(ServiceCollectionDescriptorExtensions);
            }

            public INamedTypeSymbol? TicketStore { get; }

            public INamedTypeSymbol? ServiceExtensions { get; }

            public INamedTypeSymbol? DescriptorExtensions { get; }

            /// <summary>True when <paramref name="type"/> is, or derives from, a mutable collection or memory cache.</summary>
            public bool IsMutableStore(INamedTypeSymbol type, out INamedTypeSymbol store)
            {
                var current = type;
                for (var depth = 0; current != null && depth < 4; depth++, current = current.BaseType)
                {
                    if (_mutableStores.Contains(current.OriginalDefinition))
                    {
                        store = current;
                        return true;
                    }
                }

                store = type;
                return false;
            }

            /// <summary>ConcurrentDictionary&lt;Type, …&gt;, HashSet&lt;MethodInfo&gt;: a cache of reflection, not of users.</summary>
            public bool IsReflectionCache(INamedTypeSymbol store)
            {
                return store.TypeArguments.Length > 0 && DerivesFromAny(store.TypeArguments[0], _reflectionTypes);
            }

            /// <summary>An ITicketStore with an IDistributedCache or DbContext field uses its memory collection as a local cache only.</summary>
            public bool HasSharedStoreField(INamedTypeSymbol type)
            {
                foreach (var member in type.GetMembers())
                {
                    var memberType = member is IFieldSymbol field ? field.Type : null;
                    if (memberType != null && (DerivesFromAny(memberType, _sharedStores) || ImplementsAny(memberType, _sharedStores)))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool DerivesFromAny(ITypeSymbol type, INamedTypeSymbol?[] candidates)
            {
                for (ITypeSymbol? current = type; current != null; current = current.BaseType)
                {
                    foreach (var candidate in candidates)
                    {
                        if (candidate != null && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, candidate))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static bool ImplementsAny(ITypeSymbol type, INamedTypeSymbol?[] candidates)
            {
                foreach (var @interface in type.AllInterfaces)
                {
                    foreach (var candidate in candidates)
                    {
                        if (candidate != null && SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, candidate))
                        {
                            return true;
                        }
                    }
                }

                return false;
            }

            private static INamedTypeSymbol?[] Resolve(WellKnownTypes types, string[] names)
            {
                var resolved = new INamedTypeSymbol?[names.Length];
                for (var i = 0; i < names.Length; i++)
                {
                    resolved[i] = types.Get(names[i]);
                }

                return resolved;
            }
        }

        /// <summary>Singleton registrations and candidate fields of one compilation; written from concurrent actions.</summary>
        private sealed class SingletonState
        {
            public ConcurrentQueue<ISymbol> Candidates { get; } = new ConcurrentQueue<ISymbol>();

            public ConcurrentDictionary<ITypeSymbol, byte> Registered { get; } = new ConcurrentDictionary<ITypeSymbol, byte>(SymbolEqualityComparer.Default);

            public void Add(ITypeSymbol? type)
            {
                if (type is INamedTypeSymbol { TypeKind: TypeKind.Class } named)
                {
                    Registered.TryAdd(named.OriginalDefinition, 0);
                }
            }

            /// <summary>True when <paramref name="type"/> or a class derived from it is registered as a singleton.</summary>
            public bool IsRegistered(INamedTypeSymbol type, out INamedTypeSymbol registered)
            {
                foreach (var entry in Registered.Keys)
                {
                    for (var current = entry as INamedTypeSymbol; current != null; current = current.BaseType)
                    {
                        if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type))
                        {
                            registered = (INamedTypeSymbol)entry;
                            return true;
                        }
                    }
                }

                registered = type;
                return false;
            }
        }
    }
}
