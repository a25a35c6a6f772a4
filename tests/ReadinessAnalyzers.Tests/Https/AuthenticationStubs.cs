namespace ReadinessAnalyzers.Tests.Https;

/// <summary>
/// The JwtBearer and OpenIdConnect packages are not restorable here: small stubs with their real namespaces, type and
/// member names, so the rules resolve them by metadata name exactly as they would the real packages.
/// </summary>
internal static class AuthenticationStubs
{
    public const string Source = """
        namespace Microsoft.AspNetCore.Authentication.JwtBearer
        {
            public class JwtBearerOptions : Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions
            {
                public string? Authority { get; set; }
                public string? MetadataAddress { get; set; }
                public bool RequireHttpsMetadata { get; set; } = true;
                public string? Audience { get; set; }
                public Microsoft.IdentityModel.Tokens.TokenValidationParameters TokenValidationParameters { get; set; } = new();
            }
        }

        namespace Microsoft.AspNetCore.Authentication.OpenIdConnect
        {
            public class OpenIdConnectOptions : Microsoft.AspNetCore.Authentication.RemoteAuthenticationOptions
            {
                public string? Authority { get; set; }
                public string? MetadataAddress { get; set; }
                public bool RequireHttpsMetadata { get; set; } = true;
                public string? ClientId { get; set; }
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            using Microsoft.AspNetCore.Authentication;
            using Microsoft.AspNetCore.Authentication.JwtBearer;
            using Microsoft.AspNetCore.Authentication.OpenIdConnect;

            public static class JwtBearerExtensions
            {
                public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder, System.Action<JwtBearerOptions> configure) => builder;
            }

            public static class OpenIdConnectExtensions
            {
                public static AuthenticationBuilder AddOpenIdConnect(this AuthenticationBuilder builder, System.Action<OpenIdConnectOptions> configure) => builder;
            }
        }
        """;
}
