using ReadinessAnalyzers.Secrets;
using Verification = ReadinessAnalyzers.Tests.Verification;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Secrets.ConnectionStringPasswordAnalyzer>;

namespace ReadinessAnalyzers.Tests.Secrets;

public class ConnectionStringPasswordAnalyzerTests
{
    private const string Stubs = """
        namespace Microsoft.Data.SqlClient
        {
            public sealed class SqlConnection { public SqlConnection(string connectionString) { } }
        }

        namespace StackExchange.Redis
        {
            public sealed class ConnectionMultiplexer { public static ConnectionMultiplexer Connect(string configuration) => new(); }
        }

        namespace Microsoft.EntityFrameworkCore
        {
            public static class SqlServerDbContextOptionsExtensions
            {
                public static DbContextOptionsBuilder UseSqlServer(this DbContextOptionsBuilder builder, string connectionString) => builder;
            }
        }
        """;

    private static Task VerifyWithStubsAsync(string source)
    {
        var test = new Verification.AnalyzerTest<ConnectionStringPasswordAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/Stubs.cs", Stubs));
        return test.RunAsync();
    }

    [Fact]
    public Task PasswordsInProviderCallsAreReportedOnThePassword() => VerifyWithStubsAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<DbContext>(o => o.UseNpgsql("Host=db;Database=orders;Username=app;Password=[|Pg7xQ2vLm9Kd|]"));
        builder.Services.AddDbContext<DbContext>(o => o.UseSqlServer("Server=sql;Database=orders;User Id=app;Pwd=[|Sq7LpW2xV9mK|];TrustServerCertificate=true"));
        var sql = new Microsoft.Data.SqlClient.SqlConnection("Data Source=sql;Initial Catalog=orders;User ID=sa;Password=[|Sa9vQ2xLm7Tz|]");
        var redis = StackExchange.Redis.ConnectionMultiplexer.Connect("cache:6379,password=[|Rd8fK2vQx5Lp|],ssl=true");
        """);

    [Fact]
    public Task UrisWithCredentialsAreReported() => Verify.VerifyAnalyzerAsync("""
        var bus = new Uri("amqp://orders:[|Rb7vQ2xLz9Kd|]@rabbit:5672/");
        const string Mongo = "mongodb://app:[|Mg5tK9vQ2xLp|]@mongo:27017/orders";
        var postgres = @"postgres://app:[|Pg7xQ2vLm9Kd|]@db:5432/orders";
        """);

    [Fact]
    public Task ConstantsAndInterpolatedTextAreReported() => Verify.VerifyAnalyzerAsync("""
        public static class Db
        {
            public const string Orders = "Host=db;Username=app;Password=[|Pg7xQ2vLm9Kd|]";
            public static string For(string database) => $"Host=db;Database={database};Username=app;Password=[|Pg7xQ2vLm9Kd|]";
        }
        """);

    [Fact]
    public Task MessageMasksThePassword() => Verify.VerifyAnalyzerAsync("""
        const string Orders = "Host=db;Username=app;Password={|#0:Pg7xQ2vLm9KdW3sT5|}";
        """,
        Verify.Diagnostic(RuleIds.ConnectionStringWithPassword).WithLocation(0)
            .WithMessageContaining("PostgreSQL").WithMessageContaining("Pg7x…(17 chars)"));

    [Fact]
    public Task InsideIsDevelopmentIsStillReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDbContext<DbContext>(o => o.UseNpgsql("Host=localhost;Username=dev;Password=[|Dv4eL9pQx2Km|]"));
        }
        """);

    [Fact]
    public Task NoPasswordEmptyPasswordAndPlaceholdersAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        var a = "Server=sql;Database=orders;Integrated Security=true;TrustServerCertificate=true";
        var b = "Server=sql;Database=orders;Trusted_Connection=True";
        var c = "Host=db;Username=app;Password=;";
        var d = "Host=db;Username=app;Password=${DB_PASSWORD}";
        var e = "Host=db;Username=app;Password=%DB_PASSWORD%";
        var f = "Host=db;Username=app;Password={0}";
        var g = "Host=db;Username=app;Password=<password>";
        var h = "https://orders.example.com/api/v1";
        var i = "Please enter your password=";
        var j = builder.Configuration.GetConnectionString("Orders");
        var k = $"Host=db;Username=app;Password={builder.Configuration["Db:Password"]}";
        """);

    [Fact]
    public Task ExtraPlaceholderPatternsSilenceAPassword()
    {
        var test = new Verification.AnalyzerTest<ConnectionStringPasswordAnalyzer>
        {
            TestCode = """const string Orders = "Host=db;Username=app;Password=Dev-Pg7xQ2vLm9";""",
            EditorConfig = "RDY1003.extra_placeholder_patterns = dev-*\n",
        };
        return test.RunAsync();
    }

    [Fact]
    public Task TestProjectIsNotAnalyzed()
    {
        var test = new Verification.AnalyzerTest<ConnectionStringPasswordAnalyzer>
        {
            TestCode = """const string Orders = "Host=localhost;Username=test;Password=Pg7xQ2vLm9Kd";""",
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task PasswordsAreFoundWithoutPackageReferences()
    {
        var test = new Verification.AnalyzerTest<ConnectionStringPasswordAnalyzer>
        {
            TestCode = """
                public static class Db
                {
                    public static object Open() => new NpgsqlConnection("Host=db;Username=app;Password=[|Np4gS9vX2qLm|]");
                }
                """,
            References = Verification.TestReferences.WithoutPackages,
            CompilerDiagnostics = Verification.CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task HelpTextThatQuotesDefaultCredentialsIsNotReported() => Verify.VerifyAnalyzerAsync("""
        public static class Help
        {
            public const string Login = "The appliance ships with: username=operator, password=Op3rat0r!9";
        }
        """);

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<Missing>(o => o.UseNpgsql("Host=db;Username=app;Password=[|Pg7xQ2vLm9Kd|]"
        var x = "Password=
        """);
}
