using Microsoft.CodeAnalysis;
using ReadinessAnalyzers.Internals;

namespace ReadinessAnalyzers.Https
{
    /// <summary>
    /// The options of the two handlers that fetch an identity provider's metadata: JWT bearer and OpenID Connect. Both
    /// packages ship outside the shared framework; when neither is referenced, the rules using this register nothing.
    /// </summary>
    internal sealed class RemoteAuthenticationOptions
    {
        private const string JwtBearerOptionsType = "Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerOptions";
        private const string OpenIdConnectOptionsType = "Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions";

        private readonly INamedTypeSymbol? _jwtBearer;
        private readonly INamedTypeSymbol? _openIdConnect;

        private RemoteAuthenticationOptions(INamedTypeSymbol? jwtBearer, INamedTypeSymbol? openIdConnect)
        {
            _jwtBearer = jwtBearer;
            _openIdConnect = openIdConnect;
        }

        /// <summary>Null when neither options type is referenced.</summary>
        public static RemoteAuthenticationOptions? Create(WellKnownTypes types)
        {
            var jwtBearer = types.Get(JwtBearerOptionsType);
            var openIdConnect = types.Get(OpenIdConnectOptionsType);
            return jwtBearer is null && openIdConnect is null ? null : new RemoteAuthenticationOptions(jwtBearer, openIdConnect);
        }

        /// <summary>"JwtBearerOptions" or "OpenIdConnectOptions" when <paramref name="property"/> is declared on (a base of) one of them, else null.</summary>
        public string? OptionsName(IPropertySymbol property)
        {
            for (var type = property.ContainingType; type != null; type = type.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(type, _jwtBearer))
                {
                    return "JwtBearerOptions";
                }

                if (SymbolEqualityComparer.Default.Equals(type, _openIdConnect))
                {
                    return "OpenIdConnectOptions";
                }
            }

            return null;
        }
    }
}
