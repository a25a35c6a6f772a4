using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Errors
{
    /// <summary>
    /// RDY8001: the developer exception page, the database error page and the migrations endpoint, outside Development.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DeveloperErrorPageAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.DeveloperErrorPage,
            title: "Developer error page enabled outside Development",
            messageFormat: "'{0}' is not limited to Development: it shows stack traces, source, queries or migration actions to anyone who triggers it",
            description: "The developer exception page, the database error page and the migrations endpoint disclose internals "
                + "and, for migrations, let a caller change the database. Call them only when the environment is Development.");

        private const string DeveloperExceptionPageExtensions = "Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions";
        private const string DatabaseErrorPageExtensions = "Microsoft.AspNetCore.Builder.DatabaseErrorPageExtensions";
        private const string MigrationsEndPointExtensions = "Microsoft.AspNetCore.Builder.MigrationsEndPointExtensions";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var types = WellKnownTypes.GetOrCreate(start.Compilation);
                if (!types.MayBeUnrestoredWebCode)
                {
                    return;
                }

                var developerExceptionPage = types.Get(DeveloperExceptionPageExtensions);
                var databaseErrorPage = types.Get(DatabaseErrorPageExtensions);
                var migrationsEndPoint = types.Get(MigrationsEndPointExtensions);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                start.RegisterOperationAction(
                    context =>
                    {
                        var method = ((IInvocationOperation)context.Operation).TargetMethod;
                        if (Invocations.Is(method, developerExceptionPage, "UseDeveloperExceptionPage")
                            || Invocations.Is(method, databaseErrorPage, "UseDatabaseErrorPage")
                            || Invocations.Is(method, migrationsEndPoint, "UseMigrationsEndPoint"))
                        {
                            Report(context, guard, method.Name);
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterOperationAction(
                    context =>
                    {
                        // The package is not restored or the call is half-typed: the exact method name decides.
                        var name = Invocations.UnresolvedMethodName((IInvalidOperation)context.Operation);
                        if (name == "UseDeveloperExceptionPage" || name == "UseDatabaseErrorPage" || name == "UseMigrationsEndPoint")
                        {
                            Report(context, guard, name);
                        }
                    },
                    OperationKind.Invalid);
            });
        }

        private static void Report(OperationAnalysisContext context, DevelopmentGuard guard, string methodName)
        {
            if (!guard.IsDevelopmentOnly(context.Operation))
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), DevelopmentOnlyFix.WrapProperties, methodName));
            }
        }
    }
}
