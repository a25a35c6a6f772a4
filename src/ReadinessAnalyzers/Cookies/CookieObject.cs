using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// What the code around one cookie setting says about the same cookie object: whether it is made Secure
    /// (<c>Secure = true</c>, <c>SecurePolicy = Always</c>) and its name (<c>CookieBuilder.Name</c>, or the key of the
    /// <c>Append</c> that writes these options). The object is followed where its properties are set: its object
    /// initializer, assignments through the same local, parameter or member chain (<c>o.Cookie.X = …</c>) in the
    /// same method or lambda, and the local it was created into. Only computed once a rule has found something to report.
    /// </summary>
    internal readonly struct CookieObject
    {
        private CookieObject(bool isSecure, string? name, List<ISimpleAssignmentOperation>? otherSecureSettings)
        {
            IsSecure = isSecure;
            Name = name;
            OtherSecureSettings = otherSecureSettings;
        }

        public bool IsSecure { get; }

        public string? Name { get; }

        /// <summary>
        /// The assignments that set the object's Secure / SecurePolicy to something other than the secure constant
        /// (<c>false</c>, <c>SameAsRequest</c>, a variable), each once; null when there is none. A fix that makes the
        /// object Secure replaces these rather than adding a setting they would override.
        /// </summary>
        public List<ISimpleAssignmentOperation>? OtherSecureSettings { get; }

        /// <summary>The facts about the object whose property <paramref name="assignment"/> sets.</summary>
        public static CookieObject Of(ISimpleAssignmentOperation assignment, CookieTypes types)
        {
            var collector = new Collector(types);
            if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer)
            {
                collector.AddInitializer(initializer);
                var creation = initializer.Parent;
                if (creation != null)
                {
                    collector.AddAppendOf(creation);
                    if (LocalCreatedFrom(creation) is ILocalSymbol local)
                    {
                        collector.ScanForLocal(Root(assignment), local);
                    }
                }
            }
            else if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance })
            {
                var root = Root(assignment);
                collector.ScanForInstance(root, instance);
                if (Unwrap(instance) is ILocalReferenceOperation localReference)
                {
                    collector.ScanForLocal(root, localReference.Local);
                }
            }

            return new CookieObject(collector.IsSecure, collector.Name, collector.OtherSecureSettings);
        }

        /// <summary>
        /// The first branch of <paramref name="value"/> (itself, or an arm of <c>c ? a : b</c>) that is one of the constants
        /// and runs outside Development; null when there is none.
        /// </summary>
        public static IOperation? ProductionBranchWith(IOperation? value, object? constant, object? otherConstant, DevelopmentGuard guard)
        {
            value = Unwrap(value);
            if (value is null)
            {
                return null;
            }

            if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
            {
                return ProductionBranchWith(conditional.WhenTrue, constant, otherConstant, guard)
                    ?? ProductionBranchWith(whenFalse, constant, otherConstant, guard);
            }

            return (CookieTypes.IsConstant(value, constant) || CookieTypes.IsConstant(value, otherConstant)) && !guard.IsDevelopmentOnly(value)
                ? value
                : null;
        }

        /// <summary>
        /// "the cookie of 'AddSession'" when the setting is made in a lambda passed to a method, else "the cookie".
        /// </summary>
        public static string Describe(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation)
                {
                    for (var outer = current.Parent; outer != null; outer = outer.Parent)
                    {
                        if (outer is IInvocationOperation invocation)
                        {
                            return "the cookie of '" + invocation.TargetMethod.Name + "'";
                        }

                        if (!(outer is IDelegateCreationOperation || outer is IArgumentOperation || outer is IConversionOperation))
                        {
                            return "the cookie";
                        }
                    }
                }
            }

            return "the cookie";
        }

        internal static IOperation? Unwrap(IOperation? operation)
        {
            while (operation is IConversionOperation { IsImplicit: true } || operation is IParenthesizedOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
            }

            return operation;
        }

        private static IOperation Root(IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        private static ILocalSymbol? LocalCreatedFrom(IOperation creation)
        {
            var current = creation.Parent;
            while (current is IConversionOperation)
            {
                current = current.Parent;
            }

            return current is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } ? declarator.Symbol : null;
        }

        /// <summary>Two references that denote the same object: the same local, parameter, or member chain on it.</summary>
        private static bool SameReference(IOperation? left, IOperation? right)
        {
            left = Unwrap(left);
            right = Unwrap(right);
            switch (left)
            {
                case null:
                    return right is null;
                case ILocalReferenceOperation leftLocal:
                    return right is ILocalReferenceOperation rightLocal && SymbolEqualityComparer.Default.Equals(leftLocal.Local, rightLocal.Local);
                case IParameterReferenceOperation leftParameter:
                    return right is IParameterReferenceOperation rightParameter
                        && SymbolEqualityComparer.Default.Equals(leftParameter.Parameter, rightParameter.Parameter);
                case IInstanceReferenceOperation _:
                    return right is IInstanceReferenceOperation;
                case IPropertyReferenceOperation leftProperty:
                    return right is IPropertyReferenceOperation rightProperty
                        && leftProperty.Arguments.Length == 0
                        && rightProperty.Arguments.Length == 0
                        && SymbolEqualityComparer.Default.Equals(leftProperty.Property, rightProperty.Property)
                        && SameReference(leftProperty.Instance, rightProperty.Instance);
                case IFieldReferenceOperation leftField:
                    return right is IFieldReferenceOperation rightField
                        && SymbolEqualityComparer.Default.Equals(leftField.Field, rightField.Field)
                        && SameReference(leftField.Instance, rightField.Instance);
                default:
                    return false;
            }
        }

        private sealed class Collector
        {
            private readonly CookieTypes _types;

            public Collector(CookieTypes types) => _types = types;

            public bool IsSecure { get; private set; }

            public string? Name { get; private set; }

            public List<ISimpleAssignmentOperation>? OtherSecureSettings { get; private set; }

            public void AddInitializer(IObjectOrCollectionInitializerOperation initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation assignment)
                    {
                        Add(assignment);
                    }
                }
            }

            public void ScanForInstance(IOperation root, IOperation instance)
            {
                foreach (var operation in root.Descendants())
                {
                    if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                        && SameReference(target.Instance, instance))
                    {
                        Add(assignment);
                    }
                }
            }

            /// <summary>The local's own initializer, assignments through it, and the Append calls it is passed to.</summary>
            public void ScanForLocal(IOperation root, ILocalSymbol local)
            {
                foreach (var operation in root.Descendants())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                            if (Unwrap(declarator.Initializer?.Value) is IObjectCreationOperation { Initializer: { } initializer })
                            {
                                AddInitializer(initializer);
                            }

                            break;
                        case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Instance: ILocalReferenceOperation target } } assignment
                            when SymbolEqualityComparer.Default.Equals(target.Local, local):
                            Add(assignment);
                            break;
                        case IArgumentOperation argument when Unwrap(argument.Value) is ILocalReferenceOperation passed
                            && SymbolEqualityComparer.Default.Equals(passed.Local, local):
                            AddAppendOf(argument.Value);
                            break;
                    }
                }
            }

            /// <summary>When <paramref name="options"/> is the options argument of <c>Response.Cookies.Append</c>, its key names the cookie.</summary>
            public void AddAppendOf(IOperation options)
            {
                var current = options.Parent;
                while (current is IConversionOperation)
                {
                    current = current.Parent;
                }

                if (current is IArgumentOperation { Parent: IInvocationOperation invocation }
                    && Invocations.Is(invocation.TargetMethod, _types.ResponseCookies, "Append"))
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "key" && Invocations.ConstantString(argument.Value) is string key)
                        {
                            Name = key;
                        }
                    }
                }
            }

            private void Add(ISimpleAssignmentOperation assignment)
            {
                if (!(assignment.Target is IPropertyReferenceOperation target))
                {
                    return;
                }

                var property = target.Property;
                switch (property.Name)
                {
                    case "Secure":
                        if (CookieTypes.IsProperty(property, _types.CookieOptions, "Secure"))
                        {
                            AddSecureSetting(assignment, CookieTypes.IsConstant(assignment.Value, true));
                        }
                        else if (CookieTypes.IsProperty(property, _types.CookiePolicyOptions, "Secure"))
                        {
                            AddSecureSetting(assignment, CookieTypes.IsConstant(assignment.Value, _types.SecurePolicyAlways));
                        }

                        break;
                    case "SecurePolicy":
                        if (CookieTypes.IsProperty(property, _types.CookieBuilder, "SecurePolicy"))
                        {
                            AddSecureSetting(assignment, CookieTypes.IsConstant(assignment.Value, _types.SecurePolicyAlways));
                        }

                        break;
                    case "Name":
                        if (CookieTypes.IsProperty(property, _types.CookieBuilder, "Name") && Invocations.ConstantString(assignment.Value) is string name)
                        {
                            Name = name;
                        }

                        break;
                }
            }

            private void AddSecureSetting(ISimpleAssignmentOperation assignment, bool isSecure)
            {
                if (isSecure)
                {
                    IsSecure = true;
                    return;
                }

                OtherSecureSettings ??= new List<ISimpleAssignmentOperation>();
                if (!OtherSecureSettings.Contains(assignment))
                {
                    OtherSecureSettings.Add(assignment);
                }
            }
        }
    }
}
