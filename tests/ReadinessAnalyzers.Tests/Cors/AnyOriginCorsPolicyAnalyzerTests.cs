using ReadinessAnalyzers.Cors;
using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Cors.AnyOriginCorsPolicyAnalyzer>;

namespace ReadinessAnalyzers.Tests.Cors;

public class AnyOriginCorsPolicyAnalyzerTests
{
    // ---- RDY2001: any origin ----

    [Fact]
    public Task AllowAnyOriginInAddPolicyIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(options => options.AddPolicy("web", policy => {|RDY2001:policy.AllowAnyOrigin()|}.AllowAnyHeader().AllowAnyMethod()));
        var app = builder.Build();
        app.UseCors("web");
        app.Run();
        """);

    [Fact]
    public Task AllowAnyOriginInUseCorsIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseCors(policy => {|RDY2001:policy.AllowAnyOrigin()|});
        app.Run();
        """);

    [Fact]
    public Task AllowAnyOriginInDefaultPolicyInStartupIsReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddCors(options =>
                {
                    options.AddDefaultPolicy(policy =>
                    {
                        {|RDY2001:policy.AllowAnyOrigin()|};
                        policy.AllowAnyMethod();
                    });
                });
            }
        }
        """);

    [Fact]
    public Task WildcardInWithOriginsIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("a", p => {|RDY2001:p.WithOrigins("*")|}));
        builder.Services.AddCors(o => o.AddPolicy("b", p => {|RDY2001:p.WithOrigins("https://shop.example.com", "*")|}));
        builder.Services.AddCors(o => o.AddPolicy("c", p => {|RDY2001:p.WithOrigins(new[] { "https://shop.example.com", "*" })|}));
        builder.Services.AddCors(o => o.AddPolicy("d", p => {|RDY2001:p.WithOrigins(["*"])|}));
        builder.Build().Run();
        """);

    [Fact]
    public Task WildcardInALocalOriginsArrayIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        string[] origins = ["https://shop.example.com", "*"];
        builder.Services.AddCors(o => o.AddPolicy("a", p => {|RDY2001:p.WithOrigins(origins)|}));
        builder.Build().Run();
        """);

    [Fact]
    public Task WildcardCorsPolicyBuilderConstructorIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("a", {|RDY2001:new CorsPolicyBuilder("*")|}.AllowAnyHeader().Build()));
        builder.Build().Run();
        """);

    [Fact]
    public Task AlwaysTrueOriginPredicatesAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => {|RDY2001:p.SetIsOriginAllowed(_ => true)|});
            o.AddPolicy("b", p => {|RDY2001:p.SetIsOriginAllowed(origin => true)|});
            o.AddPolicy("c", p => {|RDY2001:p.SetIsOriginAllowed(origin => { Console.WriteLine(origin); return true; })|});
            o.AddPolicy("d", p => {|RDY2001:p.SetIsOriginAllowed(delegate { return true; })|});
            o.AddPolicy("e", p => {|RDY2001:p.SetIsOriginAllowed(Origins.AllowAll)|});
            o.AddPolicy("f", p => {|RDY2001:p.SetIsOriginAllowed(Origins.AcceptEverything)|});
        });
        builder.Build().Run();

        static class Origins
        {
            public static bool AllowAll(string origin) => true;

            public static bool AcceptEverything(string origin)
            {
                return (true);
            }
        }
        """);

    [Fact]
    public Task AlwaysTruePredicateHeldInALocalIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        Func<string, bool> anyOrigin = _ => true;
        builder.Services.AddCors(o => o.AddPolicy("a", p => {|RDY2001:p.SetIsOriginAllowed(anyOrigin)|}));
        builder.Build().Run();
        """);

    [Fact]
    public Task PredicateThatThrowsForSomeOriginsIsNotAlwaysTrue() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("a", p => p.SetIsOriginAllowed(origin =>
        {
            if (!origin.EndsWith(".example.com", StringComparison.Ordinal)) throw new InvalidOperationException(origin);
            return true;
        })));
        builder.Build().Run();
        """);

    [Fact]
    public Task CorsPolicyObjectWithWildcardOriginIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class Policies
        {
            public static CorsPolicy Open()
            {
                var policy = new CorsPolicy();
                {|RDY2001:policy.Origins.Add("*")|};
                return policy;
            }

            public static CorsPolicy Initialized() => new CorsPolicy { Origins = { {|RDY2001:"*"|} } };

            public static CorsPolicy Predicate() => new CorsPolicy { {|RDY2001:IsOriginAllowed = _ => true|} };
        }
        """);

    [Fact]
    public Task MessageNamesTheCallAndTheFix() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseCors(p => {|#0:p.AllowAnyOrigin()|});
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.AnyOriginAllowed).WithLocation(0).WithMessageContaining("'AllowAnyOrigin()' allows every origin")
            .WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));

    [Fact]
    public Task ElseBranchOfIsDevelopmentIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins("https://localhost:5173")));
        }
        else
        {
            builder.Services.AddCors(o => o.AddPolicy("a", p => {|RDY2001:p.AllowAnyOrigin()|}));
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task PolicyDefinedUnconditionallyButAppliedOnlyInDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("dev", p => p.AllowAnyOrigin()));
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseCors("dev");
        }
        app.Run();
        """);

    // ---- RDY2002: credentials with any origin ----

    [Fact]
    public Task AlwaysTruePredicateWithCredentialsInTheSameChainIsReportedOnce() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p => {|RDY2002:p.SetIsOriginAllowed(_ => true)|}.AllowCredentials().AllowAnyHeader()));
        builder.Build().Run();
        """);

    [Fact]
    public Task CredentialsEarlierInTheChainAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p => {|RDY2002:p.AllowCredentials().AllowAnyHeader().AllowAnyOrigin()|}));
        builder.Build().Run();
        """);

    [Fact]
    public Task CredentialsInAnotherStatementOnTheSamePolicyParameterAreReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", policy =>
        {
            {|RDY2002:policy.WithOrigins("*")|};
            policy.AllowAnyHeader();
            policy.AllowCredentials();
        }));
        builder.Build().Run();
        """);

    [Fact]
    public Task CredentialsOnTheSameBuilderLocalAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class Policies
        {
            public static CorsPolicy Build()
            {
                var builder = {|RDY2002:new CorsPolicyBuilder("*")|};
                builder.AllowCredentials();
                return builder.Build();
            }

            public static CorsPolicy Build2()
            {
                var builder = new CorsPolicyBuilder().AllowCredentials();
                {|RDY2002:builder.SetIsOriginAllowed(Always)|};
                return builder.Build();
            }

            private static bool Always(string origin) => true;
        }
        """);

    [Fact]
    public Task CorsPolicyObjectWithSupportsCredentialsIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class Policies
        {
            public static CorsPolicy Open()
            {
                var policy = new CorsPolicy();
                {|RDY2002:policy.IsOriginAllowed = origin => true|};
                policy.SupportsCredentials = true;
                return policy;
            }

            public static CorsPolicy Initialized() => new CorsPolicy { Origins = { {|RDY2002:"*"|} }, SupportsCredentials = true };
        }
        """);

    [Fact]
    public Task CredentialsMessageNamesBothCalls() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseCors(p => {|#0:p.SetIsOriginAllowed(_ => true)|}.AllowCredentials());
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.CredentialsWithAnyOrigin).WithLocation(0)
            .WithMessageContaining("'SetIsOriginAllowed(always true)' allows every origin on a policy that also calls AllowCredentials()"));

    [Fact]
    public Task CorsPolicyCredentialsMessageNamesSupportsCredentials() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        public static class Policies
        {
            public static CorsPolicy Open(CorsPolicy policy)
            {
                policy.SupportsCredentials = true;
                {|#0:policy.Origins.Add("*")|};
                return policy;
            }
        }
        """,
        Verify.Diagnostic(RuleIds.CredentialsWithAnyOrigin).WithLocation(0)
            .WithMessageContaining("'CorsPolicy.Origins.Add(\"*\")' allows every origin on a policy that also sets SupportsCredentials = true"));

    [Fact]
    public Task DisallowCredentialsLastInTheChainLeavesOnlyAnyOrigin() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.UseCors(p => {|RDY2001:p.AllowAnyOrigin()|}.AllowCredentials().DisallowCredentials());
        app.Run();
        """);

    [Fact]
    public Task CredentialsOnADifferentPolicyAreNotCombined() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("public", p => {|RDY2001:p.AllowAnyOrigin()|});
            o.AddPolicy("spa", p => p.WithOrigins("https://app.example.com").AllowCredentials());
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task CredentialsOnlyInDevelopmentLeaveOnlyAnyOrigin() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p =>
        {
            {|RDY2001:p.AllowAnyOrigin()|};
            if (builder.Environment.IsDevelopment())
            {
                p.AllowCredentials();
            }
        }));
        builder.Build().Run();
        """);

    // ---- not reported ----

    [Fact]
    public Task ExplicitOriginsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var configured = builder.Configuration.GetSection("Cors:Origins").Get<string[]>() ?? [];
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.WithOrigins("https://shop.example.com").AllowCredentials());
            o.AddPolicy("b", p => p.WithOrigins(configured).AllowAnyHeader());
            o.AddPolicy("c", p => p.WithOrigins("https://*.example.com").SetIsOriginAllowedToAllowWildcardSubdomains());
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task RealOriginPredicatesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var allowed = new HashSet<string> { "https://shop.example.com" };
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.SetIsOriginAllowed(origin => allowed.Contains(origin)).AllowCredentials());
            o.AddPolicy("b", p => p.SetIsOriginAllowed(origin => { if (origin.EndsWith(".example.com")) return true; return false; }));
            o.AddPolicy("c", p => p.SetIsOriginAllowed(IsTrusted));
            o.AddPolicy("d", p => p.SetIsOriginAllowed(allowed.Contains));
        });
        builder.Build().Run();

        static bool IsTrusted(string origin) => new Uri(origin).Host == "shop.example.com";
        """);

    [Fact]
    public Task UserMethodsWithTheSameNamesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        public sealed class FakePolicy
        {
            public FakePolicy AllowAnyOrigin() => this;
            public FakePolicy WithOrigins(params string[] origins) => this;
            public FakePolicy SetIsOriginAllowed(Func<string, bool> predicate) => this;
            public FakePolicy AllowCredentials() => this;
            public List<string> Origins { get; } = new();

            public static void Use()
            {
                var policy = new FakePolicy().AllowAnyOrigin().WithOrigins("*").SetIsOriginAllowed(_ => true).AllowCredentials();
                policy.Origins.Add("*");
            }
        }
        """);

    [Fact]
    public Task AnyOriginInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddCors(o => o.AddPolicy("dev", p => p.AllowAnyOrigin().AllowAnyHeader()));
            builder.Services.AddCors(o => o.AddPolicy("spa", p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));
        }
        var app = builder.Build();
        app.Run();
        """);

    [Fact]
    public Task AnyOriginAfterDevelopmentEarlyReturnIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class DevCors
        {
            public static void UseDevCors(WebApplication app)
            {
                if (!app.Environment.IsDevelopment())
                {
                    return;
                }

                app.UseCors(p => p.AllowAnyOrigin());
            }
        }
        """);

    [Fact]
    public Task AnyOriginInConfigureDevelopmentServicesIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public class Startup
        {
            public void ConfigureDevelopmentServices(IServiceCollection services) =>
                services.AddCors(o => o.AddDefaultPolicy(p => p.SetIsOriginAllowed(_ => true).AllowCredentials()));
        }
        """);

    [Fact]
    public Task AnyOriginUnderIfDebugIsNotReported() => Verify.VerifyAnalyzerAsync("""
        #define DEBUG
        var app = WebApplication.CreateBuilder(args).Build();
        #if DEBUG
        app.UseCors(p => p.AllowAnyOrigin());
        #endif
        app.Run();
        """);

    // ---- half-typed code ----

    [Fact]
    public Task HalfTypedPolicyIsStillReportedWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("a", p => {|RDY2001:p.AllowAnyOrigin()|}.WithOrigins(
        """);

    [Fact]
    public Task UnresolvedReceiverIsReportedByTheExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        public class Startup
        {
            public void Configure(IMissingPolicyBuilder policy)
            {
                {|RDY2001:policy.AllowAnyOrigin()|};
                policy.WithOrigins("*").SetIsOriginAllowed(_ => true).AllowCredentials();
                policy.SetIsOriginAllowed();
                new CorsPolicy { Origins = { "*" }, IsOriginAllowed = };
            }
        }
        """);

    [Fact]
    public Task MissingArgumentsDoNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.Cors.Infrastructure;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("a", p => p.SetIsOriginAllowed().WithOrigins(null).AllowCredentials()));
        var policy = new CorsPolicy();
        policy.IsOriginAllowed = ;
        policy.Origins.Add();
        """);

    // ---- allowed_origin_patterns: wildcard subdomains ----

    private const string TenantsPolicy = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("tenants", p => {|#0:p.WithOrigins("https://*.contoso.com")|}.SetIsOriginAllowedToAllowWildcardSubdomains()));
        builder.Build().Run();
        """;

    private static Verification.AnalyzerTest<AnyOriginCorsPolicyAnalyzer> WithPatterns(string source, string? editorConfig)
    {
        var test = new Verification.AnalyzerTest<AnyOriginCorsPolicyAnalyzer> { TestCode = source };
        if (editorConfig != null)
        {
            test.EditorConfig = editorConfig;
        }

        return test;
    }

    [Fact]
    public Task WildcardSubdomainsAreNotReportedWhenNoPatternsAreConfigured()
        => WithPatterns(TenantsPolicy.Replace("{|#0:", "", StringComparison.Ordinal).Replace("\")|}", "\")", StringComparison.Ordinal), null).RunAsync();

    [Fact]
    public Task WildcardSubdomainsNoPatternAllowsAreReported()
    {
        var test = WithPatterns(TenantsPolicy, "readiness.allowed_origin_patterns = https://*.fabrikam.com, https://partner.example:8443");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.AnyOriginAllowed).WithLocation(0)
            .WithMessageContaining("'WithOrigins(\"https://*.contoso.com\")' admits every subdomain of contoso.com, which no allowed_origin_patterns entry trusts"));
        return test.RunAsync();
    }

    [Theory]
    [InlineData("https://*.contoso.com")]
    [InlineData("HTTPS://*.Contoso.com:443")]
    [InlineData("http://localhost:5000, https://*.contoso.com")]
    public Task WildcardSubdomainsAnAllowedPatternCoversAreNotReported(string patterns)
        => WithPatterns(TenantsPolicy.Replace("{|#0:", "", StringComparison.Ordinal).Replace("\")|}", "\")", StringComparison.Ordinal),
            "readiness.allowed_origin_patterns = " + patterns).RunAsync();

    [Fact]
    public Task ADeeperWildcardUnderAnAllowedPatternIsNotReportedButAnotherSchemeOrPortIs() => WithPatterns("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o =>
        {
            o.AddPolicy("a", p => p.WithOrigins("https://*.eu.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains());
            o.AddPolicy("b", p => {|RDY2001:p.WithOrigins("http://*.contoso.com")|}.SetIsOriginAllowedToAllowWildcardSubdomains());
            o.AddPolicy("c", p => {|RDY2001:p.WithOrigins("https://*.contoso.com:8443")|}.SetIsOriginAllowedToAllowWildcardSubdomains());
            o.AddPolicy("d", p => {|RDY2001:p.WithOrigins("https://*.notcontoso.com")|}.SetIsOriginAllowedToAllowWildcardSubdomains());
            o.AddPolicy("e", p => p.WithOrigins("https://shop.contoso.com", "https://elsewhere.example"));
        });
        builder.Build().Run();
        """, "readiness.allowed_origin_patterns = https://*.contoso.com").RunAsync();

    [Fact]
    public Task WildcardSubdomainsWithoutSetIsOriginAllowedToAllowWildcardSubdomainsAreNotReported() => WithPatterns("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins("https://*.contoso.com")));
        builder.Services.AddCors(o => o.AddPolicy("b", p =>
        {
            p.WithOrigins("https://*.contoso.com");
            if (builder.Environment.IsDevelopment())
            {
                p.SetIsOriginAllowedToAllowWildcardSubdomains();
            }
        }));
        builder.Build().Run();
        """, "readiness.allowed_origin_patterns = https://*.fabrikam.com").RunAsync();

    [Fact]
    public Task WildcardSubdomainsOnACredentialedPolicyAreRdy2002AndReadItsOwnKey()
    {
        var test = WithPatterns("""
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("spa", p =>
            {
                {|#0:p.WithOrigins("https://*.contoso.com")|};
                p.SetIsOriginAllowedToAllowWildcardSubdomains();
                p.AllowCredentials();
            }));
            builder.Build().Run();
            """, "RDY2001.allowed_origin_patterns = https://*.contoso.com\nRDY2002.allowed_origin_patterns = https://app.contoso.com");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.CredentialsWithAnyOrigin).WithLocation(0)
            .WithMessageContaining("admits every subdomain of contoso.com on a policy that also calls AllowCredentials()"));
        return test.RunAsync();
    }

    [Fact]
    public Task InvalidPatternsAreIgnored() => WithPatterns(
        TenantsPolicy.Replace("{|#0:", "", StringComparison.Ordinal).Replace("\")|}", "\")", StringComparison.Ordinal),
        "readiness.allowed_origin_patterns = contoso.com, https://*.com, ftp://*.contoso.com, https://*.contoso.com/api, *").RunAsync();

    [Fact]
    public Task WildcardSubdomainsInDevelopmentOnlyCodeAreNotReported() => WithPatterns("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddCors(o => o.AddPolicy("a", p => p.WithOrigins("https://*.contoso.com").SetIsOriginAllowedToAllowWildcardSubdomains()));
        }
        builder.Build().Run();
        """, "readiness.allowed_origin_patterns = https://*.fabrikam.com").RunAsync();

    // ---- origins read from configuration ----

    private static Verification.AnalyzerTest<AnyOriginCorsPolicyAnalyzer> WithSettings(string source, params (string Path, string Markup)[] files)
    {
        var test = new Verification.AnalyzerTest<AnyOriginCorsPolicyAnalyzer> { TestCode = source };
        test.AdditionalFiles.AddRange(files);
        return test;
    }

    private const string ConfiguredPolicy = """
        var builder = WebApplication.CreateBuilder(args);
        var origins = builder.Configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        builder.Services.AddCors(o => o.AddPolicy("web", p => {|#0:p.WithOrigins(origins)|}.AllowAnyHeader()));
        builder.Build().Run();
        """;

    [Fact]
    public Task AStarReadFromAppSettingsIsAnyOrigin()
    {
        var test = WithSettings(ConfiguredPolicy, ("/app/appsettings.json", """{ "Cors": { "AllowedOrigins": [ "https://shop.example.com", "*" ] } }"""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.AnyOriginAllowed).WithLocation(0)
            .WithMessageContaining("'WithOrigins(\"*\" from 'Cors:AllowedOrigins:1' in appsettings.json)' allows every origin"));
        return test.RunAsync();
    }

    [Fact]
    public Task AStarSetByTheProductionFileIsReportedAndOneOnlyInDevelopmentIsNot()
    {
        var production = WithSettings(ConfiguredPolicy,
            ("/app/appsettings.json", """{ "Cors": { "AllowedOrigins": [ "https://shop.example.com" ] } }"""),
            ("/app/appsettings.Production.json", """{ "cors": { "allowedOrigins": [ "*" ] } }"""));
        production.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.AnyOriginAllowed).WithLocation(0)
            .WithMessageContaining("in appsettings.Production.json"));
        var development = WithSettings(ConfiguredPolicy.Replace("{|#0:", "", StringComparison.Ordinal).Replace("(origins)|}", "(origins)", StringComparison.Ordinal),
            ("/app/appsettings.json", """{ "Cors": { "AllowedOrigins": [ "https://shop.example.com" ] } }"""),
            ("/app/appsettings.Development.json", """{ "Cors": { "AllowedOrigins": [ "*" ] } }"""));
        return Task.WhenAll(production.RunAsync(), development.RunAsync());
    }

    [Fact]
    public Task AStarFromConfigurationWithCredentialsIsRdy2002() => WithSettings("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("spa", p => {|RDY2002:p.WithOrigins(builder.Configuration["Cors:Origin"]!)|}.AllowCredentials()));
        builder.Build().Run();
        """, ("/app/appsettings.json", """{ "Cors": { "Origin": "*" } }""")).RunAsync();

    [Fact]
    public Task ListedOriginsFromConfigurationAreNotReported() => WithSettings(
        ConfiguredPolicy.Replace("{|#0:", "", StringComparison.Ordinal).Replace("(origins)|}", "(origins)", StringComparison.Ordinal),
        ("/app/appsettings.json", """
            {
              // the shop and its admin
              "Cors": { "AllowedOrigins": [ "https://shop.example.com", "https://admin.example.com", ], },
              "Other": [ "*" ]
            }
            """)).RunAsync();

    [Fact]
    public Task AWildcardSubdomainFromConfigurationIsJudgedByThePatterns()
    {
        const string source = """
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddCors(o => o.AddPolicy("tenants", p => {|#0:p.WithOrigins(builder.Configuration.GetSection("Cors").GetSection("Tenants").Get<string[]>()!)|}
                .SetIsOriginAllowedToAllowWildcardSubdomains()));
            builder.Build().Run();
            """;
        var outside = WithSettings(source, ("/app/appsettings.json", """{ "Cors": { "Tenants": [ "https://*.contoso.com" ] } }"""));
        outside.EditorConfig = "readiness.allowed_origin_patterns = https://*.fabrikam.com";
        outside.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.AnyOriginAllowed).WithLocation(0)
            .WithMessageContaining("'WithOrigins(\"https://*.contoso.com\" from 'Cors:Tenants:0' in appsettings.json)' admits every subdomain of contoso.com"));
        var allowed = WithSettings(source.Replace("{|#0:", "", StringComparison.Ordinal).Replace("()!)|}", "()!)", StringComparison.Ordinal),
            ("/app/appsettings.json", """{ "Cors": { "Tenants": [ "https://*.contoso.com" ] } }"""));
        allowed.EditorConfig = "readiness.allowed_origin_patterns = https://*.contoso.com";
        return Task.WhenAll(outside.RunAsync(), allowed.RunAsync());
    }

    private const string NamedPolicies = """
        public static class CorsSetup
        {
            private const string Open = "OpenForLocalTools";
            private const string Partners = "Partners";

            public static void AddPolicies(IServiceCollection services) => services.AddCors(options =>
            {
                options.AddPolicy(Open, p => ALLOW.AllowAnyHeader());
                options.AddPolicy(Partners, p => p.WithOrigins("https://partner.example.com"));
            });

            public static void Use(IApplicationBuilder app, IHostEnvironment env)
            {
                if (env.IsDevelopment())
                {
                    app.UseCors(Open);
                }
                else
                {
                    app.UseCors(USED);
                }
            }
        }
        """;

    [Fact]
    public Task ANamedPolicyThisFileAppliesOnlyInDevelopmentIsNotReported()
        => Verify.VerifyAnalyzerAsync(NamedPolicies.Replace("ALLOW", "p.AllowAnyOrigin()").Replace("USED", "Partners"));

    [Fact]
    public Task ANamedPolicyAlsoAppliedOutsideDevelopmentIsReported()
        => Verify.VerifyAnalyzerAsync(NamedPolicies.Replace("ALLOW", "{|RDY2001:p.AllowAnyOrigin()|}").Replace("USED", "Open"));

    [Fact]
    public Task ADevelopmentPolicyAlsoRequiredByAnEndpointIsReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddCors(o => o.AddPolicy("dev", p => {|RDY2001:p.AllowAnyOrigin()|}));
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseCors("dev");
        }
        app.MapGet("/feed", () => "feed").RequireCors("dev");
        app.Run();
        """);
}
