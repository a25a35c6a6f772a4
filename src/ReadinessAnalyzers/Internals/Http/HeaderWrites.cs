using System;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ReadinessAnalyzers.Internals.Http
{
    /// <summary>How a header was written on a header dictionary.</summary>
    internal enum HeaderWriteKind
    {
        /// <summary><c>Append</c>, <c>Add</c>, <c>TryAdd</c> or <c>AppendCommaSeparatedValues</c> with the name as an argument.</summary>
        Call,

        /// <summary><c>Headers["X-Frame-Options"] = …</c>.</summary>
        Indexer,

        /// <summary>A typed property: <c>Headers.XFrameOptions = …</c>.</summary>
        Property,
    }

    /// <summary>One header write: which header (as text or as a member name) and the value written.</summary>
    internal readonly struct HeaderWrite
    {
        public HeaderWrite(HeaderWriteKind kind, string? nameText, string? nameMember, string? methodName, IOperation? value)
        {
            Kind = kind;
            NameText = nameText;
            NameMember = nameMember;
            MethodName = methodName;
            Value = value;
        }

        public HeaderWriteKind Kind { get; }

        /// <summary>The header name when it is a constant (a literal or a const field); null otherwise.</summary>
        public string? NameText { get; }

        /// <summary>The <c>HeaderNames</c> field or typed <c>IHeaderDictionary</c> property that names the header; null otherwise.</summary>
        public string? NameMember { get; }

        /// <summary>For <see cref="HeaderWriteKind.Call"/>: the method called (Append, Add …).</summary>
        public string? MethodName { get; }

        /// <summary>The value written (for AppendCommaSeparatedValues, the params array).</summary>
        public IOperation? Value { get; }

        /// <summary>
        /// True when the write is for <paramref name="headerName"/> (compared case-insensitively, as HTTP has it) or for the
        /// <c>HeaderNames</c> field / typed property <paramref name="member"/> (null when the framework has none).
        /// </summary>
        public bool Is(string headerName, string? member) =>
            (NameText != null && string.Equals(NameText, headerName, StringComparison.OrdinalIgnoreCase))
            || (member != null && NameMember == member);

        /// <summary>The header name for a message: the text, or the member name.</summary>
        public string DisplayName => NameText ?? NameMember ?? string.Empty;
    }

    /// <summary>
    /// Response and request headers written by hand on an <c>IHeaderDictionary</c>, shared by every rule that judges a header
    /// (CORS, Set-Cookie, security headers). Created once per compilation; null when the HTTP abstractions are absent.
    /// </summary>
    internal sealed class HeaderWrites
    {
        /// <summary>Stands for an interpolation hole or a non-constant operand in a reconstructed header text.</summary>
        public const char Hole = '\u0001';

        private const string HeaderNamesType = "Microsoft.Net.Http.Headers.HeaderNames";
        private const string StringValuesType = "Microsoft.Extensions.Primitives.StringValues";

        private readonly INamedTypeSymbol _headerDictionary;
        private readonly INamedTypeSymbol? _headerNames;
        private readonly INamedTypeSymbol? _stringValues;

        private HeaderWrites(INamedTypeSymbol headerDictionary, WellKnownTypes types)
        {
            _headerDictionary = headerDictionary;
            _headerNames = types.Get(HeaderNamesType);
            _stringValues = types.Get(StringValuesType);
        }

        public static HeaderWrites? Create(WellKnownTypes types)
        {
            var headerDictionary = types.Get(TypeNames.IHeaderDictionary);
            return headerDictionary is null ? null : new HeaderWrites(headerDictionary, types);
        }

        /// <summary>
        /// When <paramref name="operation"/> (an invocation or a simple assignment) writes a header on a header dictionary:
        /// <c>Append</c>, <c>Add</c>, <c>TryAdd</c>, <c>AppendCommaSeparatedValues</c>, the indexer, or a typed property,
        /// with the name as a constant or a <c>HeaderNames</c> field. The name is read before the receiver's type is checked.
        /// </summary>
        public bool TryRead(IOperation operation, out HeaderWrite write)
        {
            write = default;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var name = method.Name;
                    if (name != "Append" && name != "Add" && name != "TryAdd" && name != "AppendCommaSeparatedValues")
                    {
                        return false;
                    }

                    IOperation? key = null;
                    IOperation? value = null;
                    foreach (var argument in invocation.Arguments)
                    {
                        var parameter = argument.Parameter?.Name;
                        if (parameter == "key")
                        {
                            key = argument.Value;
                        }
                        else if (parameter == "value" || parameter == "values")
                        {
                            value = argument.Value;
                        }
                    }

                    // The key decides first (List.Add has none); the receiver's type only then.
                    if (key is null || !TryReadName(key, out var text, out var member))
                    {
                        return false;
                    }

                    // An extension's receiver is its first argument, converted to the parameter's type (IDictionary<,> for TryAdd).
                    var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    if (!IsHeaderDictionary(Unwrap(receiver)?.Type))
                    {
                        return false;
                    }

                    write = new HeaderWrite(HeaderWriteKind.Call, text, member, name, value);
                    return true;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                    if (target.Property.IsIndexer)
                    {
                        if (target.Arguments.Length == 1 && TryReadName(target.Arguments[0].Value, out var indexText, out var indexMember)
                            && IsHeaderDictionary(Unwrap(target.Instance)?.Type))
                        {
                            write = new HeaderWrite(HeaderWriteKind.Indexer, indexText, indexMember, null, assignment.Value);
                            return true;
                        }
                    }
                    else if (SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, _headerDictionary))
                    {
                        // The typed properties are declared on IHeaderDictionary itself: one comparison, no interface walk.
                        write = new HeaderWrite(HeaderWriteKind.Property, null, target.Property.Name, null, assignment.Value);
                        return true;
                    }

                    return false;

                default:
                    return false;
            }
        }

        /// <summary>True for <c>IHeaderDictionary</c> or a type implementing it.</summary>
        public bool IsHeaderDictionary(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _headerDictionary))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, _headerDictionary))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="operation"/> names <paramref name="headerName"/>: as constant text, or the HeaderNames field.</summary>
        public bool IsHeaderName(IOperation? operation, string headerName, string? headerNamesField) =>
            operation != null && TryReadName(operation, out var text, out var member)
            && ((text != null && string.Equals(text, headerName, StringComparison.OrdinalIgnoreCase))
                || (headerNamesField != null && member == headerNamesField));

        /// <summary>
        /// The header value as text, each non-constant part replaced by <see cref="Hole"/>: constants, interpolated strings,
        /// concatenations, and a StringValues made from one string. Null when the value is not text the compiler can see.
        /// </summary>
        public string? Text(IOperation? value)
        {
            value = Unwrap(value);
            if (value is IObjectCreationOperation creation && _stringValues != null && creation.Arguments.Length == 1
                && SymbolEqualityComparer.Default.Equals(creation.Type, _stringValues))
            {
                value = Unwrap(creation.Arguments[0].Value);
            }

            if (value is null)
            {
                return null;
            }

            if (Invocations.ConstantString(value) is string constant)
            {
                return constant;
            }

            if (!(value is IInterpolatedStringOperation) && !(value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add }))
            {
                return null;
            }

            if (value.Type?.SpecialType != SpecialType.System_String)
            {
                return null;
            }

            var builder = new StringBuilder();
            Append(builder, value);
            return builder.ToString();
        }

        /// <summary>True for <c>StringValues.Empty</c>: a header blanked, not written.</summary>
        public bool IsEmptyStringValues(IOperation? value) =>
            Unwrap(value) is IFieldReferenceOperation { Field: { Name: "Empty" } } field
            && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _stringValues);

        public static IOperation? Unwrap(IOperation? operation) => Operations.Unwrap(operation);

        private bool TryReadName(IOperation operation, out string? text, out string? member)
        {
            operation = Unwrap(operation)!;
            text = Invocations.ConstantString(operation);
            member = null;
            if (text != null)
            {
                return true;
            }

            // HeaderNames.XFrameOptions is a static readonly field, not a constant.
            if (operation is IFieldReferenceOperation field && _headerNames != null
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _headerNames))
            {
                member = field.Field.Name;
                return true;
            }

            return false;
        }

        private static void Append(StringBuilder builder, IOperation operation)
        {
            operation = Unwrap(operation)!;
            if (Invocations.ConstantString(operation) is string constant)
            {
                builder.Append(constant);
                return;
            }

            switch (operation)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text && Invocations.ConstantString(text.Text) is string literal)
                        {
                            builder.Append(literal);
                        }
                        else
                        {
                            builder.Append(Hole);
                        }
                    }

                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary when binary.Type?.SpecialType == SpecialType.System_String:
                    Append(builder, binary.LeftOperand);
                    Append(builder, binary.RightOperand);
                    break;
                default:
                    builder.Append(Hole);
                    break;
            }
        }
    }
}
