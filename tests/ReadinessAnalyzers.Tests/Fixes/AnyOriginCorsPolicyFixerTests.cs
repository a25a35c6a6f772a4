using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ReadinessAnalyzers.CodeFixes.Cors;
using ReadinessAnalyzers.CodeFixes.Internals;
using ReadinessAnalyzers.Cors;
using ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpCodeFixVerifier<
    ReadinessAnalyzers.Cors.AnyOriginCorsPolicyAnalyzer, ReadinessAnalyzers.CodeFixes.Cors.AnyOriginCorsPolicyFixer>;

namespace ReadinessAnalyzers.Tests.Fixes;

public class AnyOriginCorsPolicyFixerTests
{
    private const string ReadFromConfiguration = AnyOriginCorsPolicyFixer.ReadFromConfigurationKey;

    [Fact]
    public Task AllowAnyOriginReadsTheOriginsFromTheBuildersConfigurationAndAddsTheKeyToAppSettings() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("web", policy => {|RDY2001:policy.AllowAnyOrigin()|}.AllowAnyHeader()));
            var app = builder.Build();
            app.UseCors("web");
            app.Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(options => options.AddPolicy("web", policy => policy.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader()));
            var app = builder.Build();
            app.UseCors("web");
            app.Run();
            """,
        AdditionalFiles =
        {
            ("/0/appsettings.json", """
                {
                  "Logging": {
                    "LogLevel": {
                      "Default": "Information"
                    }
                  },
                  "AllowedHosts": "shop.example.com"
                }
                """),
        },
        FixedAdditionalFiles =
        {
            ("/0/appsettings.json", """
                {
                  "Logging": {
                    "LogLevel": {
                      "Default": "Information"
                    }
                  },
                  "AllowedHosts": "shop.example.com",
                  "Cors": {
                    "AllowedOrigins": []
                  }
                }
                """),
        },
    }.RunAsync();

    [Fact]
    public Task AnAlwaysTruePredicateWithCredentialsBecomesTheConfiguredOrigins() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p => {|RDY2002:p.SetIsOriginAllowed(_ => true)|}.AllowAnyHeader().AllowCredentials()));
        var app = builder.Build();
        app.UseCors(p => {|RDY2001:p.AllowAnyOrigin()|});
        app.Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().AllowCredentials()));
        var app = builder.Build();
        app.UseCors(p => p.WithOrigins(app.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []));
        app.Run();
        """);

    [Fact]
    public Task OnlyWildcardsBecomeTheConfiguredOrigins() => Verify.VerifyCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => {|RDY2001:p.WithOrigins("*")|});
            o.AddPolicy("b", p => {|RDY2001:p.WithOrigins(["*"])|});
        });
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []));
            o.AddPolicy("b", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []));
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task AWildcardBesideNamedOriginsIsRemovedAndTheNamedOriginsStay() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        CodeActionEquivalenceKey = AnyOriginCorsPolicyFixer.RemoveWildcardKey,
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => {|RDY2001:p.WithOrigins("https://shop.example.com", "*")|});
                o.AddPolicy("b", p => {|RDY2001:p.WithOrigins("*", "https://shop.example.com")|});
                o.AddPolicy("c", p => {|RDY2001:p.WithOrigins(new[] { "https://shop.example.com", "*", "https://admin.example.com" })|});
                o.AddPolicy("d", p => {|RDY2002:p.WithOrigins(["https://shop.example.com", "*"])|}.AllowCredentials());
            });
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o =>
            {
                o.AddPolicy("a", p => p.WithOrigins("https://shop.example.com"));
                o.AddPolicy("b", p => p.WithOrigins("https://shop.example.com"));
                o.AddPolicy("c", p => p.WithOrigins(new[] { "https://shop.example.com", "https://admin.example.com" }));
                o.AddPolicy("d", p => p.WithOrigins(["https://shop.example.com"]).AllowCredentials());
            });
            builder.Build().Run();
            """,
    }.RunAsync();

    [Fact]
    public Task APolicyBuilderInAServiceReadsTheInjectedConfiguration() => Verify.VerifyCodeFixAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public sealed class CorsPolicies(IConfiguration configuration)
        {
            private readonly IConfiguration _configuration = configuration;

            public CorsPolicy Public() => {|RDY2001:new CorsPolicyBuilder("*")|}.Build();
        }
        """, """
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public sealed class CorsPolicies(IConfiguration configuration)
        {
            private readonly IConfiguration _configuration = configuration;

            public CorsPolicy Public() => new CorsPolicyBuilder(_configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).Build();
        }
        """);

    [Fact]
    public Task StartupReadsItsConfigurationPropertyAndAParameterIsNearerThanAMember() => Verify.VerifyCodeFixAsync("""
        public class Startup
        {
            public Startup(IConfiguration configuration) => Configuration = configuration;

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|}));
            }

            public static void AddPartnerCors(IServiceCollection services, IConfiguration partnerSettings)
            {
                services.AddCors(o => o.AddPolicy("partners", p => {|RDY2001:p.AllowAnyOrigin()|}));
            }
        }
        """, """
        public class Startup
        {
            public Startup(IConfiguration configuration) => Configuration = configuration;

            public IConfiguration Configuration { get; }

            public void ConfigureServices(IServiceCollection services)
            {
                services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            }

            public static void AddPartnerCors(IServiceCollection services, IConfiguration partnerSettings)
            {
                services.AddCors(o => o.AddPolicy("partners", p => p.WithOrigins(partnerSettings.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            }
        }
        """);

    [Fact]
    public Task AHostBuilderContextInALambdaCarriesTheConfiguration() => Verify.VerifyCodeFixAsync("""
        Host.CreateDefaultBuilder(args)
            .ConfigureServices((context, services) => services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|})))
            .Build()
            .Run();
        """, """
        Host.CreateDefaultBuilder(args)
            .ConfigureServices((context, services) => services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(context.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []))))
            .Build()
            .Run();
        """);

    [Fact]
    public Task AppSettingsWithACorsSectionGetsTheKeyInsideItAndKeepsCommentsAndTrailingCommas() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|}));
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            builder.Build().Run();
            """,
        AdditionalFiles =
        {
            ("/0/appsettings.json", """
                {
                    // Cross-origin settings.
                    "Cors": {
                        "MaxAgeSeconds": 600, // ten minutes
                    },
                }
                """),
        },
        FixedAdditionalFiles =
        {
            ("/0/appsettings.json", """
                {
                    // Cross-origin settings.
                    "Cors": {
                        "MaxAgeSeconds": 600, // ten minutes
                        "AllowedOrigins": [],
                    },
                }
                """),
        },
    }.RunAsync();

    [Theory]
    [InlineData("""{ "Cors": { "AllowedOrigins": [ "https://shop.example.com" ] } }""")]
    [InlineData("""{ "cors": { "allowedorigins": [] } }""")]
    [InlineData("""{ "Cors:AllowedOrigins": [] }""")]
    [InlineData("""{ "Cors": "disabled" }""")]
    [InlineData("""{ "Logging": { """)]
    [InlineData("""[ "not", "an", "object" ]""")]
    public Task AppSettingsThatHaveTheKeyOrCannotTakeItAreLeftAlone(string json) => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|}));
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            builder.Build().Run();
            """,
        AdditionalFiles = { ("/0/appsettings.json", json) },
    }.RunAsync();

    [Theory]
    [InlineData("""{ "AllowedHosts": "*" }""", """{ "AllowedHosts": "*", "Cors": { "AllowedOrigins": [] } }""")]
    [InlineData("{}", "{\n  \"Cors\": {\n    \"AllowedOrigins\": []\n  }\n}")]
    [InlineData("{\r\n  \"A\": 1\r\n}", "{\r\n  \"A\": 1,\r\n  \"Cors\": {\r\n    \"AllowedOrigins\": []\r\n  }\r\n}")]
    [InlineData("{\n\t\"A\": 1 // one\n}", "{\n\t\"A\": 1, // one\n\t\"Cors\": {\n\t\t\"AllowedOrigins\": []\n\t}\n}")]
    [InlineData("{\n  \"Cors\": {\n  }\n}", "{\n  \"Cors\": {\n    \"AllowedOrigins\": []\n  }\n}")]
    [InlineData("{\n  \"Cors\": { \"MaxAge\": 5 }\n}", "{\n  \"Cors\": { \"MaxAge\": 5, \"AllowedOrigins\": [] }\n}")]
    [InlineData("{\n  \"A\": \"x\\\" }\",\n  /* block } */\n  \"B\": [ 1, { \"C\": 2 } ]\n}", "{\n  \"A\": \"x\\\" }\",\n  /* block } */\n  \"B\": [ 1, { \"C\": 2 } ],\n  \"Cors\": {\n    \"AllowedOrigins\": []\n  }\n}")]
    public void TheKeyIsAddedInTheFilesOwnLayout(string json, string expected)
        => Assert.Equal(expected, AppSettingsKeys.Add(json, [AllowedOriginsSetting.Path], AppSettingsKeys.EmptyArray));

    [Fact]
    public Task FixAllAcrossTwoFilesAddsTheKeyOnce() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        CodeActionEquivalenceKey = ReadFromConfiguration,
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => {|RDY2001:p.AllowAnyOrigin()|}));
            builder.Services.AddCors(o => o.AddPolicy("spa", p => {|RDY2002:p.SetIsOriginAllowed(origin => true)|}.AllowCredentials()));
            builder.Build().Run();
            """,
        FixedCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowCredentials()));
            builder.Build().Run();
            """,
        Sources =
        {
            ("/0/PartnerCors.cs", """
                public static class PartnerCors
                {
                    public static IServiceCollection AddPartnerCors(this IServiceCollection services, IConfiguration configuration)
                        => services.AddCors(o => o.AddPolicy("partners", p => {|RDY2001:p.WithOrigins("*")|}));
                }
                """),
        },
        FixedSources =
        {
            ("/0/PartnerCors.cs", """
                public static class PartnerCors
                {
                    public static IServiceCollection AddPartnerCors(this IServiceCollection services, IConfiguration configuration)
                        => services.AddCors(o => o.AddPolicy("partners", p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
                }
                """),
        },
        AdditionalFiles = { ("/0/appsettings.json", """{ "AllowedHosts": "shop.example.com" }""") },
        FixedAdditionalFiles = { ("/0/appsettings.json", """{ "AllowedHosts": "shop.example.com", "Cors": { "AllowedOrigins": [] } }""") },
    }.RunAsync();

    [Fact]
    public Task BeforeCSharp12TheFallbackIsAnEmptyArray() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        LanguageVersion = LanguageVersion.CSharp11,
        TestCode = """
            public static class WebCors
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                    => services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|}));
            }
            """,
        FixedCode = """
            public static class WebCors
            {
                public static void Add(IServiceCollection services, IConfiguration configuration)
                    => services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? Array.Empty<string>())));
            }
            """,
    }.RunAsync();

    [Fact]
    public Task TheConfigurationNamespaceIsImportedWhenGetIsNotInScope() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        ImplicitUsings = "global using System;",
        TestCode = """
            // Partner CORS.
            using Microsoft.Extensions.DependencyInjection;

            public static class WebCors
            {
                public static void Add(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
                    => services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|}));
            }
            """,
        FixedCode = """
            // Partner CORS.
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Configuration;

            public static class WebCors
            {
                public static void Add(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
                    => services.AddCors(o => o.AddDefaultPolicy(p => p.WithOrigins(configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])));
            }
            """,
    }.RunAsync();

    [Fact]
    public Task NoConfigurationInScopeOriginsInALocalOrACorsPolicyObjectGetNoFix() => Verify.VerifyNoCodeFixAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class WebCors
        {
            public static IServiceCollection AddWebCors(this IServiceCollection services)
                => services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.AllowAnyOrigin()|}));

            public static void Local(CorsPolicyBuilder p, IConfiguration configuration)
            {
                string[] origins = ["https://shop.example.com", "*"];
                {|RDY2001:p.WithOrigins(origins)|};
            }

            public static CorsPolicy Policy(IConfiguration configuration)
            {
                var policy = new CorsPolicy();
                {|RDY2001:policy.Origins.Add("*")|};
                {|RDY2001:policy.IsOriginAllowed = _ => true|};
                return policy;
            }

            public static void Static(IServiceCollection services, IConfiguration configuration)
                => services.AddCors(o => o.AddDefaultPolicy(static p => {|RDY2001:p.AllowAnyOrigin()|}));
        }
        """);

    [Fact]
    public Task TopLevelBuilderAndAppInProgramCsAreNotReadFromAnotherFile() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        // Top-level locals are in scope in every file, but only Program.cs may use them (CS8801).
        Sources =
        {
            ("/0/Program.cs", """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddWebCors();
                var app = builder.Build();
                app.Run();
                """),
            ("/0/WebCors.cs", """
                public static class WebCors
                {
                    public static IServiceCollection AddWebCors(this IServiceCollection services)
                        => services.AddCors(o => o.AddPolicy("web", p => {|RDY2001:p.AllowAnyOrigin()|}));
                }
                """),
        },
    }.RunNoFixAsync();

    [Fact]
    public Task AStarInAppSettingsIsReportedWithoutAFixBecauseTheFileIsWhereToChangeIt() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        TestCode = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddDefaultPolicy(p => {|RDY2001:p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [])|}));
            builder.Build().Run();
            """,
        AdditionalFiles = { ("/0/appsettings.json", """{ "Cors": { "AllowedOrigins": [ "*" ] } }""") },
    }.RunNoFixAsync();

    [Fact]
    public Task HalfTypedCodeIsFixedWithoutAddingErrors() => Verify.VerifyBrokenCodeFixAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("web", p => {|RDY2001:p.AllowAnyOrigin()|}.AllowAnyHeader().WithExposedHeaders(missing)));
        builder.Build().Run();
        """, """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? []).AllowAnyHeader().WithExposedHeaders(missing)));
        builder.Build().Run();
        """);

    [Fact]
    public Task AnUnresolvedAllowAnyOriginGetsNoFix() => new CodeFixTest<AnyOriginCorsPolicyAnalyzer, AnyOriginCorsPolicyFixer>
    {
        CompilerDiagnostics = CompilerDiagnostics.None,
        TestCode = """
            public class Startup
            {
                public Startup(IConfiguration configuration) => Configuration = configuration;

                public IConfiguration Configuration { get; }

                public void Configure(IMissingPolicyBuilder policy) => {|RDY2001:policy.AllowAnyOrigin()|};
            }
            """,
    }.RunNoFixAsync();
}
