using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Hardening
{
    /// <summary>
    /// RDY9007: request-size limits switched off for the whole app: Kestrel's or IIS's <c>MaxRequestBodySize = null</c> (or
    /// 2 GiB and more), <c>FormOptions</c> limits set to <c>int.MaxValue</c>/<c>long.MaxValue</c>, and
    /// <c>DisableRequestSizeLimit</c> on an abstract base controller, as a global MVC filter, or on every controller route.
    /// The attribute on one upload action (or one concrete controller) is the intended use and is not reported.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequestSizeLimitDisabledAnalyzer : DiagnosticAnalyzer
    {
        internal static readonly DiagnosticDescriptor Rule = RuleDescriptors.Create(
            RuleIds.RequestSizeLimitDisabled,
            title: "Request size limit disabled for the whole app",
            messageFormat: "{0} removes a request size limit for every endpoint: one client can fill memory or disk with a single request; keep the default and raise the limit only on the upload endpoints that need it ([RequestSizeLimit] / [RequestFormLimits])",
            description: "Kestrel limits request bodies to about 30 MB, IIS likewise, and form reading has its own limits. Switching them off "
                + "globally turns every endpoint into a way to exhaust memory, disk or threads. Raise the limit per endpoint instead.");

        private const string KestrelServerLimitsType = "Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerLimits";
        private const string IisServerOptionsType = "Microsoft.AspNetCore.Builder.IISServerOptions";
        private const string FormOptionsType = "Microsoft.AspNetCore.Http.Features.FormOptions";
        private const string DisableRequestSizeLimitAttributeType = "Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute";
        private const string FilterCollectionType = "Microsoft.AspNetCore.Mvc.Filters.FilterCollection";
        private const string ControllerConventionBuilderType = "Microsoft.AspNetCore.Builder.ControllerActionEndpointConventionBuilder";

        /// <summary>A body limit at or above 2 GiB is no limit: it is more than any endpoint should buffer or stream by default.</summary>
        private const long UnlimitedBodySize = int.MaxValue;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

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

                var kestrelLimits = types.Get(KestrelServerLimitsType);
                var iisOptions = types.Get(IisServerOptionsType);
                var formOptions = types.Get(FormOptionsType);
                var disableAttribute = types.Get(DisableRequestSizeLimitAttributeType);
                var filters = types.Get(FilterCollectionType);
                var controllerConventions = types.Get(ControllerConventionBuilderType);
                var guard = DevelopmentGuard.Create(start.Compilation, start.Options);

                start.RegisterOperationAction(
                    context =>
                    {
                        var assignment = (ISimpleAssignmentOperation)context.Operation;
                        if (!(assignment.Target is IPropertyReferenceOperation target))
                        {
                            return;
                        }

                        var property = target.Property;
                        var name = property.Name;
                        string? what = null;
                        if (name == "MaxRequestBodySize")
                        {
                            if ((SymbolEqualityComparer.Default.Equals(property.ContainingType, kestrelLimits)
                                    || SymbolEqualityComparer.Default.Equals(property.ContainingType, iisOptions))
                                && IsUnlimited(assignment.Value, UnlimitedBodySize, orNull: true))
                            {
                                what = "'" + property.ContainingType.Name + ".MaxRequestBodySize = " + ValueText(assignment.Value) + "'";
                            }
                        }
                        else if (IsFormLimit(name) && SymbolEqualityComparer.Default.Equals(property.ContainingType, formOptions)
                            && IsUnlimited(assignment.Value, property.Type.SpecialType == SpecialType.System_Int64 ? UnlimitedBodySize : int.MaxValue, orNull: false))
                        {
                            what = "'FormOptions." + name + " = " + ValueText(assignment.Value) + "'";
                        }

                        if (what != null && !guard.IsDevelopmentOnly(context.Operation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, context.Operation.Syntax.GetLocation(), what));
                        }
                    },
                    OperationKind.SimpleAssignment);

                if (disableAttribute is null)
                {
                    return;
                }

                start.RegisterOperationAction(
                    context =>
                    {
                        var invocation = (IInvocationOperation)context.Operation;
                        var method = invocation.TargetMethod;
                        string? what = null;
                        // Filters.Add(new …()) binds to Collection<IFilterMetadata>.Add: the receiver's type decides.
                        if (method.Name == "Add" && filters != null && AddsAttribute(invocation, disableAttribute) && IsOrDerives(Receiver(invocation)?.Type, filters))
                        {
                            what = "'DisableRequestSizeLimit' added as a global MVC filter";
                        }
                        else if (method.Name == "WithMetadata" && controllerConventions != null && AddsAttribute(invocation, disableAttribute)
                            && IsOrDerives(Receiver(invocation)?.Type, controllerConventions))
                        {
                            what = "'DisableRequestSizeLimit' on every controller route";
                        }

                        if (what != null && !guard.IsDevelopmentOnly(context.Operation))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(Rule, Invocations.CallLocation(invocation), what));
                        }
                    },
                    OperationKind.Invocation);

                start.RegisterSymbolAction(
                    context =>
                    {
                        var type = (INamedTypeSymbol)context.Symbol;
                        if (!type.IsAbstract || type.TypeKind != TypeKind.Class || guard.IsTestProject)
                        {
                            return;
                        }

                        foreach (var attribute in type.GetAttributes())
                        {
                            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, disableAttribute) && attribute.ApplicationSyntaxReference != null)
                            {
                                context.ReportDiagnostic(Diagnostic.Create(
                                    Rule,
                                    attribute.ApplicationSyntaxReference.GetSyntax(context.CancellationToken).GetLocation(),
                                    "'[DisableRequestSizeLimit]' on the base class '" + type.Name + "' (inherited by every controller derived from it)"));
                            }
                        }
                    },
                    SymbolKind.NamedType);
            });
        }

        private static bool IsFormLimit(string name)
        {
            switch (name)
            {
                case "MultipartBodyLengthLimit":
                case "BufferBodyLengthLimit":
                case "ValueLengthLimit":
                case "ValueCountLimit":
                case "KeyLengthLimit":
                case "MultipartHeadersLengthLimit":
                case "MultipartHeadersCountLimit":
                case "MultipartBoundaryLengthLimit":
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True for null (when allowed) or a constant at or above <paramref name="unlimited"/>.</summary>
        private static bool IsUnlimited(IOperation? value, long unlimited, bool orNull)
        {
            while (value is IConversionOperation conversion && !value.ConstantValue.HasValue)
            {
                value = conversion.Operand;
            }

            if (value is null || !value.ConstantValue.HasValue)
            {
                return false;
            }

            switch (value.ConstantValue.Value)
            {
                case null:
                    return orNull;
                case long number:
                    return number >= unlimited;
                case int number:
                    return number >= unlimited;
                case ulong number:
                    return number >= (ulong)unlimited;
                case uint number:
                    return number >= unlimited;
                default:
                    return false;
            }
        }

        private static string ValueText(IOperation value)
        {
            var syntax = value.Syntax.ToString();
            return syntax.Length <= 40 ? syntax : syntax.Substring(0, 40) + "…";
        }

        private static bool AddsAttribute(IInvocationOperation invocation, INamedTypeSymbol attribute)
        {
            // Filters.Add<DisableRequestSizeLimitAttribute>()
            foreach (var typeArgument in invocation.TargetMethod.TypeArguments)
            {
                if (SymbolEqualityComparer.Default.Equals(typeArgument, attribute))
                {
                    return true;
                }
            }

            foreach (var argument in invocation.Arguments)
            {
                var value = argument.Value;
                while (value is IConversionOperation conversion)
                {
                    value = conversion.Operand;
                }

                switch (value)
                {
                    case IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, attribute):
                        return true;
                    case ITypeOfOperation typeOf when SymbolEqualityComparer.Default.Equals(typeOf.TypeOperand, attribute):
                        return true;
                    case IArrayCreationOperation { Initializer: { } initializer }:
                        foreach (var element in initializer.ElementValues)
                        {
                            var item = element;
                            while (item is IConversionOperation elementConversion)
                            {
                                item = elementConversion.Operand;
                            }

                            if (item is IObjectCreationOperation created && SymbolEqualityComparer.Default.Equals(created.Type, attribute))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        private static IOperation? Receiver(IInvocationOperation invocation)
        {
            var receiver = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            while (receiver is IConversionOperation conversion)
            {
                receiver = conversion.Operand;
            }

            return receiver;
        }

        private static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol baseType)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
