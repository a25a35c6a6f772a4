using ReadinessAnalyzers.Sessions;
using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Sessions.InMemoryDatabaseAnalyzer>;

namespace ReadinessAnalyzers.Tests.Sessions;

public class InMemoryDatabaseAnalyzerTests
{
    private const string Context = """
        using Microsoft.EntityFrameworkCore;

        public class OrdersDb : DbContext
        {
            public OrdersDb(DbContextOptions<OrdersDb> options) : base(options) { }
        }
        """;

    private static Task VerifyWithContextAsync(string source)
    {
        var test = new Verification.AnalyzerTest<InMemoryDatabaseAnalyzer> { TestCode = source };
        test.Sources.Add(("/0/OrdersDb.cs", Context));
        return test.RunAsync();
    }

    [Fact]
    public Task InMemoryDatabaseInAddDbContextIsReported() => VerifyWithContextAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o => [|o.UseInMemoryDatabase("orders")|]);
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryDatabaseInOnConfiguringIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        public class CartDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options) => [|options.UseInMemoryDatabase("carts")|];
        }
        """);

    [Fact]
    public Task InMemoryDatabaseOnAGenericOptionsBuilderIsReported() => VerifyWithContextAsync("""
        using Microsoft.EntityFrameworkCore;

        public static class Db
        {
            public static DbContextOptions<OrdersDb> Options() =>
                [|new DbContextOptionsBuilder<OrdersDb>().UseInMemoryDatabase("orders")|].Options;
        }
        """);

    [Fact]
    public Task ElseBranchOfIsDevelopmentIsReported() => VerifyWithContextAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o =>
        {
            if (builder.Environment.IsDevelopment())
            {
                o.UseNpgsql(builder.Configuration.GetConnectionString("Orders"));
            }
            else
            {
                [|o.UseInMemoryDatabase("orders")|];
            }
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryDatabaseInsideIsDevelopmentIsNotReported() => VerifyWithContextAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.Services.AddDbContext<OrdersDb>(o => o.UseInMemoryDatabase("orders"));
        }
        else
        {
            builder.Services.AddDbContext<OrdersDb>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Orders")));
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryDatabaseInLambdaInsideIsDevelopmentIsNotReported() => VerifyWithContextAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        var isDev = builder.Environment.IsDevelopment();
        builder.Services.AddDbContext<OrdersDb>(o =>
        {
            if (builder.Environment.IsDevelopment())
            {
                o.UseInMemoryDatabase("orders");
            }
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task InMemoryDatabaseInTestProjectIsNotReported()
    {
        var test = new Verification.AnalyzerTest<InMemoryDatabaseAnalyzer>
        {
            TestCode = """
                using Microsoft.EntityFrameworkCore;

                public class OrdersFixture
                {
                    public DbContextOptions<OrdersDb> Options { get; } =
                        new DbContextOptionsBuilder<OrdersDb>().UseInMemoryDatabase("orders-tests").Options;
                }
                """,
            AssemblyName = "Orders.Tests",
        };
        test.Sources.Add(("/0/OrdersDb.cs", Context));
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task RealProviderIsNotReported() => VerifyWithContextAsync("""
        using Microsoft.EntityFrameworkCore;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddDbContext<OrdersDb>(o => o.UseNpgsql(builder.Configuration.GetConnectionString("Orders")));
        builder.Build().Run();
        """);

    [Fact]
    public Task UserMethodWithTheSameNameIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.EntityFrameworkCore;

        public static class DbSetup
        {
            public static DbContextOptionsBuilder UseInMemoryDatabase(this DbContextOptionsBuilder options, Uri sqliteFile) => options;
            public static void Configure(DbContextOptionsBuilder options) => options.UseInMemoryDatabase(new Uri("file:///orders.db"));
        }
        """);

    [Fact]
    public Task HalfTypedCallIsReportedByItsExactNameWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.EntityFrameworkCore;

        public class CartDb : DbContext
        {
            protected override void OnConfiguring(DbContextOptionsBuilder options) => [|options.UseInMemoryDatabase(missingName)|];
        }
        """);

    [Fact]
    public Task UnresolvedOptionsBuilderDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        public class CartDb
        {
            protected void OnConfiguring(MissingOptionsBuilder options) { options. }
        }
        """);

    [Fact]
    public Task WithoutPackageReferencesTheExactMethodNameIsReported()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Sessions.InMemoryDatabaseAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddDbContext<CatalogDb>(options => {|#0:options.UseInMemoryDatabase("catalog")|});
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InMemoryDatabase).WithLocation(0));
        return test.RunAsync();
    }

    [Fact]
    public Task AnOptInFlagWithARealProviderInTheOtherBranchIsNotReported()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Sessions.InMemoryDatabaseAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                public static class Storage
                {
                    public static void Add(IServiceCollection services, IConfiguration configuration)
                    {
                        var useTransientStore = configuration.GetValue<bool>("Storage:Transient");
                        if (useTransientStore)
                        {
                            services.AddDbContext<LedgerDb>(o => o.UseInMemoryDatabase("ledger"));
                        }
                        else
                        {
                            services.AddDbContext<LedgerDb>(o => o.UseSqlServer(configuration.GetConnectionString("Ledger")));
                        }
                    }
                }
                """,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task AFlagWithoutARealProviderElsewhereIsReported()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Sessions.InMemoryDatabaseAnalyzer>
        {
            References = Verification.TestReferences.WithoutPackages,
            TestCode = """
                public static class Storage
                {
                    public static void Add(IServiceCollection services, bool useTransientStore)
                    {
                        if (useTransientStore)
                        {
                            services.AddDbContext<LedgerDb>(o => {|#0:o.UseInMemoryDatabase("ledger")|});
                        }
                        else
                        {
                            services.AddSingleton<string>("none");
                        }
                    }
                }
                """,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.InMemoryDatabase).WithLocation(0));
        return test.RunAsync();
    }
}
