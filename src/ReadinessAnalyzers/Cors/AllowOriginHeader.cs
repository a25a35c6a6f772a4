using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using ReadinessAnalyzers.Internals;
using ReadinessAnalyzers.Internals.Http;

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

        private readonly HeaderWrites _headers;
        private readonly INamedTypeSymbol? _httpContext;
        private readonly INamedTypeSymbol? _httpRequest;

        private AllowOriginHeader(HeaderWrites headers, WellKnownTypes types)
        {
            _headers = headers;
            _httpContext = types.Get(TypeNames.HttpContext);
            _httpRequest = types.Get(TypeNames.HttpRequest);
        }

        public static AllowOriginHeader? Create(WellKnownTypes types)
        {
            var headers = HeaderWrites.Create(types);
            return headers is null ? null : new AllowOriginHeader(headers, types);
        }

        /// <summary>
        /// When <paramref name="operation"/> writes Access-Control-Allow-Origin on a header dictionary, the value written
        /// and how it was written (for the message); otherwise null. Recognised: every write <see cref="HeaderWrites"/> reads
        /// (<c>Append</c>, <c>Add</c>, <c>TryAdd</c>, the indexer, the typed <c>AccessControlAllowOrigin</c> property), with
        /// the name as a literal, a constant or <c>HeaderNames.AccessControlAllowOrigin</c>.
        /// </summary>
        public IOperation? WrittenValue(IOperation operation, out string how)
        {
            how = string.Empty;
            if (!_headers.TryRead(operation, out var write) || !write.Is(AllowOriginName, "AccessControlAllowOrigin"))
            {
                return null;
            }

            how = write.Kind == HeaderWriteKind.Call ? write.MethodName!
                : write.Kind == HeaderWriteKind.Indexer ? "Headers[\"" + AllowOriginName + "\"]"
                : "Headers.AccessControlAllowOrigin";
            return write.Value;
        }

        /// <summary>True when a header value is exactly "*" (a string, or a StringValues made from one).</summary>
        public bool IsWildcard(IOperation? value)
        {
            // Exactly "*": an interpolation hole would not survive the comparison.
            return _headers.Text(value) == "*";
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

        private bool IsHeaderDictionary(ITypeSymbol? type) => _headers.IsHeaderDictionary(type);

        /// <summary>The header name as a string (case-insensitive, as HTTP has it) or the HeaderNames field.</summary>
        private bool IsHeaderName(IOperation? operation, string headerName, string headerNamesField) =>
            _headers.IsHeaderName(operation, headerName, headerNamesField);
    }
}
