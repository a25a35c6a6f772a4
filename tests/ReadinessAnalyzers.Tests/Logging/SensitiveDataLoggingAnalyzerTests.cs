using ReadinessAnalyzers.Logging;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Logging.SensitiveDataLoggingAnalyzer>;

namespace ReadinessAnalyzers.Tests.Logging;

public class SensitiveDataLoggingAnalyzerTests
{
    private const string DbContext = """
        public class OrdersDb(Microsoft.EntityFrameworkCore.DbContextOptions<OrdersDb> options) : Microsoft.EntityFrameworkCore.DbContext(options);
        """;

    [Fact]
    public Task EnableSensitiveDataLoggingInAddDbContextIsReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o => o.UseNpgsql("Host=db").[|EnableSensitiveDataLogging()|]);
        builder.Build().Run();
        {{DbContext}}
        """);

    [Fact]
    public Task EnableSensitiveDataLoggingWithTrueInOnConfiguringIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        public class ShopDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
            {
                optionsBuilder.[|EnableSensitiveDataLogging(true)|];
                optionsBuilder.[|EnableSensitiveDataLogging(sensitiveDataLoggingEnabled: true)|];
            }
        }
        """);

    [Fact]
    public Task EnableSensitiveDataLoggingOnTheGenericBuilderIsReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        public static class Db
        {
            public static DbContextOptions<OrdersDb> Options()
                => new DbContextOptionsBuilder<OrdersDb>().UseInMemoryDatabase("orders").[|EnableSensitiveDataLogging()|].Options;
        }
        {{DbContext}}
        """);

    [Fact]
    public Task ShowPiiIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Logging;

        var builder = WebApplication.CreateBuilder(args);
        {|#0:IdentityModelEventSource.ShowPII = true|};
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.SensitiveDataLogging).WithLocation(0).WithMessageContaining("'IdentityModelEventSource.ShowPII = true'"));

    [Fact]
    public Task LogCompleteSecurityArtifactIsReported() => Verify.VerifyAnalyzerAsync("""
        public static class IdentitySetup
        {
            public static void Configure() => [|Microsoft.IdentityModel.Logging.IdentityModelEventSource.LogCompleteSecurityArtifact = true|];
        }
        """);

    [Fact]
    public Task MessageNamesTheMethod() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        public class ShopDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.{|#0:EnableSensitiveDataLogging()|};
        }
        """,
        Verify.Diagnostic(RuleIds.SensitiveDataLogging).WithLocation(0).WithMessageContaining("'EnableSensitiveDataLogging()' is not limited to Development"));

    [Fact]
    public Task GuardThatAlsoAdmitsAnotherEnvironmentIsNotADevelopmentGuard() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o =>
        {
            o.UseNpgsql("Host=db");
            if (builder.Environment.IsDevelopment() || builder.Environment.IsStaging())
            {
                o.[|EnableSensitiveDataLogging()|];
            }
        });
        builder.Build().Run();
        {{DbContext}}
        """);

    [Fact]
    public Task FalseAndNonConstantArgumentsAreNotReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.IdentityModel.Logging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o => o.UseNpgsql("Host=db")
            .EnableSensitiveDataLogging(false)
            .EnableSensitiveDataLogging(builder.Environment.IsDevelopment()));
        IdentityModelEventSource.ShowPII = false;
        IdentityModelEventSource.ShowPII = builder.Environment.IsDevelopment();
        IdentityModelEventSource.LogCompleteSecurityArtifact = false;
        builder.Build().Run();
        {{DbContext}}
        """);

    [Fact]
    public Task ReadingShowPiiAndLookAlikesAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        public class Settings { public bool ShowPII { get; set; } }

        public static class Checks
        {
            public static bool PiiShown() => Microsoft.IdentityModel.Logging.IdentityModelEventSource.ShowPII;
            public static void Set(Settings s) => s.ShowPII = true;
            public static DbContextOptionsBuilder EnableSensitiveDataLogging(this DbContextOptionsBuilder b, string reason) => b;
            public static void Use(DbContextOptionsBuilder b) => b.EnableSensitiveDataLogging("audit").EnableDetailedErrors(false);
        }
        """);

    [Fact]
    public Task SensitiveDataLoggingInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync($$"""
        using Microsoft.EntityFrameworkCore;
        using Microsoft.IdentityModel.Logging;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o =>
        {
            o.UseNpgsql("Host=db");
            if (builder.Environment.IsDevelopment())
            {
                o.EnableSensitiveDataLogging();
            }
        });
        if (builder.Environment.IsDevelopment())
        {
            IdentityModelEventSource.ShowPII = true;
        }
        builder.Build().Run();
        {{DbContext}}
        """);

    [Fact]
    public Task SensitiveDataLoggingAfterAnEarlyReturnIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.IdentityModel.Logging;

        public static class DevTools
        {
            public static void Enable(IHostEnvironment env)
            {
                if (!env.IsDevelopment()) return;
                IdentityModelEventSource.ShowPII = true;
                IdentityModelEventSource.LogCompleteSecurityArtifact = true;
            }
        }
        """);

    [Fact]
    public Task HalfTypedCallIsReportedByItsExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        public static class Db
        {
            public static void Configure(MissingOptionsBuilder o)
            {
                o.[|EnableSensitiveDataLogging()|];
                o.EnableSensitiveDataLogging(false);
                o.EnableSensitiveDataLogging(unknown);
                Microsoft.IdentityModel.Logging.IdentityModelEventSource.ShowPII = ;
                Missing.ShowPII = true;
            }
        }
        """);
}
