// Stand-in for the JwtBearer types HttpsSetup.cs and AuthSetup.cs use: Microsoft.AspNetCore.Authentication.JwtBearer is
// not on the NuGet source this repository builds from, and no type in the shared framework has RequireHttpsMetadata.
// Same namespace, type and member names as the real package, so the analyzers see the real assignments.
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.AspNetCore.Authentication.JwtBearer
{
    public static class JwtBearerDefaults
    {
        public const string AuthenticationScheme = "Bearer";
    }

    public class JwtBearerOptions : AuthenticationSchemeOptions
    {
        public string? Authority { get; set; }

        public string? MetadataAddress { get; set; }

        public string? Audience { get; set; }

        public bool RequireHttpsMetadata { get; set; } = true;

        public TokenValidationParameters TokenValidationParameters { get; set; } = new();
    }
}

namespace Microsoft.Extensions.DependencyInjection
{
    public static class JwtBearerExtensions
    {
        public static AuthenticationBuilder AddJwtBearer(this AuthenticationBuilder builder, Action<JwtBearerOptions> configureOptions)
        {
            builder.Services.Configure(JwtBearerDefaults.AuthenticationScheme, configureOptions);
            return builder;
        }
    }
}
