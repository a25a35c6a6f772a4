using Microsoft.CodeAnalysis.Diagnostics;
using ReadinessAnalyzers.CodeFixes.Secrets;
using ReadinessAnalyzers.Secrets;
using ReadinessAnalyzers.Tests.Https;
using ReadinessAnalyzers.Tests.Secrets;
using ReadinessAnalyzers.Tests.Verification;

namespace ReadinessAnalyzers.Tests.Fixes;

public class HardcodedSecretFixerTests
{
    private const string AppSettingsPath = "/0/appsettings.json";

    private const string TemplateAppSettings = """
        {
          "Logging": {
            "LogLevel": {
              "Default": "Information"
            }
          },
          "AllowedHosts": "*"
        }
        """;

    private static CodeFixTest<TAnalyzer, HardcodedSecretFixer> Test<TAnalyzer>(string before, string after)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new() { TestCode = before, FixedCode = after, NoNewCompilerWarnings = true };

    private static CodeFixTest<TAnalyzer, HardcodedSecretFixer> NoFix<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
        => new() { TestCode = source };

    [Fact]
    public Task SigningKeyInAddJwtBearerIsReadFromBuilderConfigurationAndItsKeyAddedToAppSettings()
    {
        var test = Test<HardcodedCryptographicKeyAnalyzer>("""
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes([|"dev-secret-key-change-in-production"|])),
                };
            });
            var app = builder.Build();
            app.Run();
            """, """
            using System.Text;
            using Microsoft.IdentityModel.Tokens;

            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddAuthentication().AddJwtBearer(options =>
            {
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuerSigningKey = true,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(builder.Configuration["Jwt:SigningKey"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:SigningKey'"))),
                };
            });
            var app = builder.Build();
            app.Run();
            """);
        test.Sources.Add(("/0/AuthenticationStubs.cs", AuthenticationStubs.Source));
        test.FixedSources.Add(("/0/AuthenticationStubs.cs", AuthenticationStubs.Source));
        test.AdditionalFiles.Add((AppSettingsPath, TemplateAppSettings));
        test.FixedAdditionalFiles.Add((AppSettingsPath, """
            {
              "Logging": {
                "LogLevel": {
                  "Default": "Information"
                }
              },
              "AllowedHosts": "*",
              "Jwt": {
                "SigningKey": ""
              }
            }
            """));
        return test.RunAsync();
    }

    [Fact]
    public Task LocalNamedJwtSecretIsReadUnderJwtSecret() => Test<HardcodedCryptographicKeyAnalyzer>("""
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var jwtSecret = [|"orders-api-signing-secret-2024"|];
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSecret));
        """, """
        using System.Text;
        using Microsoft.IdentityModel.Tokens;

        var builder = WebApplication.CreateBuilder(args);
        var jwtSecret = builder.Configuration["Jwt:Secret"] ?? throw new InvalidOperationException("Missing configuration 'Jwt:Secret'");
        var key = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(jwtSecret));
        """).RunAsync();

    [Fact]
    public Task NoConfigurationInScopeOffersNoFix() => NoFix<HardcodedCredentialAnalyzer>("""
        public static class PaymentGateway
        {
            public static HttpRequestMessage Charge()
            {
                var apiKey = [|"k8Jd93hQz71LmX0p"|];
                var request = new HttpRequestMessage(HttpMethod.Post, "https://payments.example.com/charges");
                request.Headers.Add("X-Api-Key", apiKey);
                return request;
            }
        }
        """).RunNoFixAsync();
}
