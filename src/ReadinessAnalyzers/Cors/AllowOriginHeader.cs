using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cors
{
    /// <summary>
    /// The Access-Control-Allow-Origin header written by hand, and the request's Origin header read: shared by the
    /// wildcard-header and reflected-origin rules. Created once per compilation; null when the HTTP abstractions are absent.
    /// </summary>
    internal sealed class AllowOriginHeader
    {
        public const string AllowOriginName = "Access-Control-Allow-Origin";
        public const string OriginName = "Origin";

        private const string HeaderNamesType = "Microsoft.Net.Http.Headers.HeaderNames";
        private const string StringValuesType = "Microsoft.Extensions.Primitives.StringValues";

        private readonly INamedTypeSymbol _headerDictionary;
        private readonly INamedTypeSymbol? _headerNames;
        private readonly INamedTypeSymbol? _stringValues;
        private readonly INamedTypeSymbol? _httpContext;
        private readonly INamedTypeSymbol? _httpRequest;

        private AllowOriginHeader(INamedTypeSymbol headerDictionary, WellKnownTypes types)
        {
            _headerDictionary = headerDictionary;
            _headerNames = types.Get(HeaderNamesType);
            _stringValues = types.Get(StringValuesType);
            _httpContext = types.Get(TypeNames.HttpContext);
            _httpRequest = types.Get(TypeNames.HttpRequest);
        }

        public static AllowOriginHeader? Create(WellKnownTypes types)
        {
            var headerDictionary = types.Get(TypeNames.IHeaderDictionary);
            return headerDictionary is null ? null : new AllowOriginHeader(headerDictionary, types);
        }

        /// <summary>
        /// When <paramref name="operation"/> writes Access-Control-Allow-Origin on a header dictionary, the value written
        /// and how it was written (for the message); otherwise null. Recognised: <c>Append</c>, <c>Add</c>, <c>TryAdd</c>,
        /// the indexer, and the typed <c>AccessControlAllowOrigin</c> property, with the name as a literal, a constant or
        /// <c>HeaderNames.AccessControlAllowOrigin</c>.
        /// </summary>
        public IOperation? WrittenValue(IOperation operation, out string how)
        {
            how = string.Empty;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var name = invocation.TargetMethod.Name;
                    if (name != "Append" && name != "Add" && name != "TryAdd")
                    {
                        return null;
                    }

                    // An instance call (IDictionary.Add) or an extension whose first argument is the dictionary (Append, TryAdd).
                    var arguments = invocation.Arguments;
                    var first = invocation.Instance is null && invocation.TargetMethod.IsExtensionMethod ? 1 : 0;
                    var receiver = first == 1 ? (arguments.Length > 0 ? arguments[0].Value : null) : invocation.Instance;
                    if (arguments.Length != first + 2 || !IsHeaderDictionary(Values.Unwrap(receiver)?.Type) || !IsHeaderName(arguments[first].Value, AllowOriginName, "AccessControlAllowOrigin"))
                    {
                        return null;
                    }

                    how = name;
                    return arguments[first + 1].Value;

                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment:
                    if (target.Property.IsIndexer)
                    {
                        if (target.Arguments.Length == 1 && IsHeaderDictionary(target.Instance?.Type)
                            && IsHeaderName(target.Arguments[0].Value, AllowOriginName, "AccessControlAllowOrigin"))
                        {
                            how = "Headers[\"" + AllowOriginName + "\"]";
                            return assignment.Value;
                        }
                    }
                    else if (target.Property.Name == "AccessControlAllowOrigin" && IsHeaderDictionary(target.Property.ContainingType))
                    {
                        how = "Headers.AccessControlAllowOrigin";
                        return assignment.Value;
                    }

                    return null;

                default:
                    return null;
            }
        }

        /// <summary>True when a header value is exactly "*" (a string, or a StringValues made from one).</summary>
        public bool IsWildcard(IOperation? value)
        {
            value = Values.Unwrap(value);
            if (value is IObjectCreationOperation creation && _stringValues != null
                && SymbolEqualityComparer.Default.Equals(creation.Type, _stringValues) && creation.Arguments.Length == 1)
            {
                value = creation.Arguments[0].Value;
            }

            return Values.IsConstant(value, "*");
        }

        /// <summary>
        /// True when <paramref name="operation"/> reads the request's Origin header directly: <c>Headers["Origin"]</c>,
        /// <c>Headers[HeaderNames.Origin]</c>, <c>Headers.Origin</c>, or <c>Headers.TryGetValue("Origin", out …)</c>.
        /// </summary>
        public bool IsOriginRead(IOperation? operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property when property.Property.IsIndexer:
                    return property.Arguments.Length == 1 && IsHeaderDictionary(property.Instance?.Type)
                        && IsHeaderName(property.Arguments[0].Value, OriginName, "Origin");

                case IPropertyReferenceOperation property:
                    return property.Property.Name == "Origin" && IsHeaderDictionary(property.Property.ContainingType);

                case IInvocationOperation invocation:
                    return invocation.TargetMethod.Name == "TryGetValue" && invocation.Arguments.Length == 2
                        && IsHeaderDictionary(Values.Unwrap(invocation.Instance)?.Type)
                        && IsHeaderName(invocation.Arguments[0].Value, OriginName, "Origin");

                default:
                    return false;
            }
        }

        /// <summary>True for the HttpContext, HttpRequest or a header dictionary: values the Origin header can be read from.</summary>
        public bool CarriesRequestHeaders(ITypeSymbol? type) =>
            type != null && (SymbolEqualityComparer.Default.Equals(type, _httpContext)
                || SymbolEqualityComparer.Default.Equals(type, _httpRequest)
                || IsHeaderDictionary(type));

        private bool IsHeaderDictionary(ITypeSymbol? type)
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

        /// <summary>The header name as a string (case-insensitive, as HTTP has it) or the HeaderNames field.</summary>
        private bool IsHeaderName(IOperation? operation, string headerName, string headerNamesField)
        {
            operation = Values.Unwrap(operation);
            if (operation is IFieldReferenceOperation field && field.Field.Name == headerNamesField
                && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, _headerNames))
            {
                return true;
            }

            return operation != null && operation.ConstantValue.HasValue && operation.ConstantValue.Value is string text
                && string.Equals(text, headerName, System.StringComparison.OrdinalIgnoreCase);
        }
    }
}
