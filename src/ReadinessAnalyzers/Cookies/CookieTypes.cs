using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Cookies
{
    /// <summary>
    /// The cookie types and enum values of one compilation, looked up once by metadata name and shared by the
    /// Cookies rules.
    /// </summary>
    internal sealed class CookieTypes
    {
        public const string CookieOptionsName = "Microsoft.AspNetCore.Http.CookieOptions";
        public const string CookieBuilderName = "Microsoft.AspNetCore.Http.CookieBuilder";
        public const string CookieSecurePolicyName = "Microsoft.AspNetCore.Http.CookieSecurePolicy";
        public const string CookiePolicyOptionsName = "Microsoft.AspNetCore.Builder.CookiePolicyOptions";
        public const string HttpOnlyPolicyName = "Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy";
        public const string SameSiteModeName = "Microsoft.AspNetCore.Http.SameSiteMode";
        public const string IResponseCookiesName = "Microsoft.AspNetCore.Http.IResponseCookies";

        private CookieTypes(WellKnownTypes types)
        {
            CookieOptions = types.Get(CookieOptionsName);
            CookieBuilder = types.Get(CookieBuilderName);
            CookiePolicyOptions = types.Get(CookiePolicyOptionsName);
            ResponseCookies = types.Get(IResponseCookiesName);
            var securePolicy = types.Get(CookieSecurePolicyName);
            SecurePolicyAlways = EnumValue(securePolicy, "Always");
            SecurePolicyNone = EnumValue(securePolicy, "None");
            SecurePolicySameAsRequest = EnumValue(securePolicy, "SameAsRequest");
            HttpOnlyPolicyNone = EnumValue(types.Get(HttpOnlyPolicyName), "None");
            SameSiteNone = EnumValue(types.Get(SameSiteModeName), "None");
        }

        public INamedTypeSymbol? CookieOptions { get; }

        public INamedTypeSymbol? CookieBuilder { get; }

        public INamedTypeSymbol? CookiePolicyOptions { get; }

        public INamedTypeSymbol? ResponseCookies { get; }

        public object? SecurePolicyAlways { get; }

        public object? SecurePolicyNone { get; }

        public object? SecurePolicySameAsRequest { get; }

        public object? HttpOnlyPolicyNone { get; }

        public object? SameSiteNone { get; }

        /// <summary>Null when the compilation does not reference ASP.NET Core's cookie types.</summary>
        public static CookieTypes? Create(Compilation compilation)
        {
            var types = WellKnownTypes.GetOrCreate(compilation);
            if (!types.ReferencesAspNetCore)
            {
                return null;
            }

            var cookieTypes = new CookieTypes(types);
            return cookieTypes.CookieOptions is null && cookieTypes.CookieBuilder is null ? null : cookieTypes;
        }

        /// <summary>
        /// True when <paramref name="property"/> is <paramref name="name"/> declared on <paramref name="type"/>
        /// (an override in a derived builder counts).
        /// </summary>
        public static bool IsProperty(IPropertySymbol property, INamedTypeSymbol? type, string name)
        {
            if (type is null || property.Name != name)
            {
                return false;
            }

            for (var current = property; current != null; current = current.OverriddenProperty)
            {
                if (SymbolEqualityComparer.Default.Equals(current.ContainingType?.OriginalDefinition, type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when <paramref name="value"/> is the constant <paramref name="expected"/> (an enum member's value).</summary>
        public static bool IsConstant(IOperation? value, object? expected)
        {
            if (value is null || expected is null)
            {
                return false;
            }

            var constant = value.ConstantValue;
            return constant.HasValue && expected.Equals(constant.Value);
        }

        /// <summary>True when <paramref name="value"/> is the constant <paramref name="expected"/>.</summary>
        public static bool IsConstant(IOperation? value, bool expected)
        {
            if (value is null)
            {
                return false;
            }

            var constant = value.ConstantValue;
            return constant.HasValue && constant.Value is bool b && b == expected;
        }

        private static object? EnumValue(INamedTypeSymbol? enumType, string member)
        {
            if (enumType is null)
            {
                return null;
            }

            foreach (var symbol in enumType.GetMembers(member))
            {
                if (symbol is IFieldSymbol { HasConstantValue: true } field)
                {
                    return field.ConstantValue;
                }
            }

            return null;
        }
    }
}
