using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ReadinessAnalyzers.Benchmarks;

/// <summary>
/// A generated ASP.NET Core application: controllers, minimal-API endpoint groups, services, options and setup
/// extensions, in the proportions of a real line-of-business API, with a few guarded and unguarded patterns the
/// rules look at, plus one 1,000-line controller for the editor's path.
/// </summary>
public sealed class GeneratedApp
{
    public const string EditorDocumentPath = "/app/Controllers/LargeOrdersController.cs";

    private GeneratedApp(CSharpCompilation compilation, int lines)
    {
        Compilation = compilation;
        Lines = lines;
    }

    public CSharpCompilation Compilation { get; }

    public int Lines { get; }

    public SyntaxTree EditorDocument => Compilation.SyntaxTrees.Single(t => t.FilePath == EditorDocumentPath);

    private static ImmutableArray<DiagnosticAnalyzer> All { get; } = typeof(RuleIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.Assembly == typeof(RuleIds).Assembly && typeof(DiagnosticAnalyzer).IsAssignableFrom(t)
            && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>Every analyzer, or those with a rule whose ID starts with one of the prefixes given to <see cref="Only"/>.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; private set; } = All;

    /// <summary>Limits the measured analyzers to those reporting a rule ID with one of these prefixes (RDY1, RDY8001 …).</summary>
    public static void Only(string[] prefixes) => Analyzers = All
        .Where(a => a.SupportedDiagnostics.Any(d => prefixes.Any(p => d.Id.StartsWith(p, StringComparison.Ordinal))))
        .ToImmutableArray();

    public static GeneratedApp Create(int files)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(GlobalUsings, parse, "/app/GlobalUsings.g.cs", Encoding.UTF8),
            CSharpSyntaxTree.ParseText(ProgramFile, parse, "/app/Program.cs", Encoding.UTF8),
            CSharpSyntaxTree.ParseText(LargeController(), parse, EditorDocumentPath, Encoding.UTF8),
        };

        for (var i = 0; i < files; i++)
        {
            var (folder, text) = (i % 4) switch
            {
                0 => ("Controllers", Controller(i)),
                1 => ("Endpoints", Endpoints(i)),
                2 => ("Services", Service(i)),
                _ => ("Setup", Setup(i)),
            };
            trees.Add(CSharpSyntaxTree.ParseText(text, parse, $"/app/{folder}/File{i:D4}.cs", Encoding.UTF8));
        }

        var lines = trees.Sum(t => t.GetText().Lines.Count);
        var compilation = CSharpCompilation.Create(
            "GeneratedApp",
            trees,
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return new GeneratedApp(compilation, lines);
    }

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p =>
            {
                var name = Path.GetFileNameWithoutExtension(p);
                return name is "System" or "netstandard" or "mscorlib"
                    || name.StartsWith("System.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Extensions.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.IdentityModel.", StringComparison.Ordinal)
                    || name.StartsWith("Microsoft.Net.Http.Headers", StringComparison.Ordinal);
            })
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray());

    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Concurrent;
        global using System.Collections.Generic;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.AspNetCore.Builder;
        global using Microsoft.AspNetCore.Hosting;
        global using Microsoft.AspNetCore.Http;
        global using Microsoft.AspNetCore.Mvc;
        global using Microsoft.AspNetCore.Routing;
        global using Microsoft.EntityFrameworkCore;
        global using Microsoft.Extensions.Configuration;
        global using Microsoft.Extensions.DependencyInjection;
        global using Microsoft.Extensions.Hosting;
        global using Microsoft.Extensions.Logging;
        """;

    private const string ProgramFile = """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllers();
        builder.Services.AddProblemDetails();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Services.AddDbContext<GeneratedApp.Data.AppDbContext>(o =>
        {
            if (builder.Environment.IsDevelopment())
            {
                o.UseInMemoryDatabase("dev");
                o.EnableSensitiveDataLogging();
            }
        });
        builder.Services.AddCors(o => o.AddPolicy("web", p => p.WithOrigins(builder.Configuration["Cors:Origin"] ?? "https://app.example.com").AllowAnyHeader()));
        var app = builder.Build();
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/error");
            app.UseHsts();
        }
        app.UseHttpsRedirection();
        app.UseCors("web");
        app.MapControllers();
        app.Run();

        namespace GeneratedApp.Data
        {
            public sealed class Order
            {
                public int Id { get; set; }
                public string Customer { get; set; } = "";
                public decimal Total { get; set; }
                public DateTimeOffset CreatedAt { get; set; }
            }

            public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
            {
                public DbSet<Order> Orders => Set<Order>();
            }
        }
        """;

    private static string Controller(int i) => $$"""
        namespace GeneratedApp.Controllers{{i}};

        using GeneratedApp.Data;

        [ApiController]
        [Route("api/orders{{i}}")]
        public sealed class Orders{{i}}Controller(AppDbContext db, ILogger<Orders{{i}}Controller> logger, IConfiguration configuration) : ControllerBase
        {
            private const string CacheKeyPrefix = "orders{{i}}:";
            private const string PasswordLabel = "Enter your password";

            [HttpGet]
            public async Task<ActionResult<IEnumerable<Order>>> List(int page = 1, int pageSize = 20, CancellationToken cancellationToken = default)
            {
                logger.LogInformation("Listing page {Page} of size {PageSize}", page, pageSize);
                var orders = await db.Orders
                    .OrderByDescending(o => o.CreatedAt)
                    .Skip((page - 1) * pageSize)
                    .Take(pageSize)
                    .ToListAsync(cancellationToken);
                return Ok(orders);
            }

            [HttpGet("{id:int}")]
            public async Task<ActionResult<Order>> Get(int id, CancellationToken cancellationToken)
            {
                var order = await db.Orders.FindAsync([id], cancellationToken);
                if (order is null)
                {
                    logger.LogDebug("Order {OrderId} not found", id);
                    return NotFound();
                }

                Response.Cookies.Append("last-order", id.ToString(), new CookieOptions { Secure = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
                return Ok(order);
            }

            [HttpPost]
            public async Task<ActionResult<Order>> Create(Order order, CancellationToken cancellationToken)
            {
                if (string.IsNullOrWhiteSpace(order.Customer))
                {
                    ModelState.AddModelError(nameof(order.Customer), "Customer is required.");
                    return ValidationProblem(ModelState);
                }

                order.CreatedAt = DateTimeOffset.UtcNow;
                db.Orders.Add(order);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Created order {OrderId} for {Customer}", order.Id, order.Customer);
                return CreatedAtAction(nameof(Get), new { id = order.Id }, order);
            }

            [HttpPut("{id:int}")]
            public async Task<IActionResult> Update(int id, Order update, CancellationToken cancellationToken)
            {
                var order = await db.Orders.FindAsync([id], cancellationToken);
                if (order is null)
                {
                    return NotFound();
                }

                order.Customer = update.Customer;
                order.Total = update.Total;
                await db.SaveChangesAsync(cancellationToken);
                return NoContent();
            }

            [HttpDelete("{id:int}")]
            public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
            {
                var order = await db.Orders.FindAsync([id], cancellationToken);
                if (order is null)
                {
                    return NotFound();
                }

                db.Orders.Remove(order);
                await db.SaveChangesAsync(cancellationToken);
                logger.LogWarning("Deleted order {OrderId}", id);
                return NoContent();
            }

            [HttpGet("summary")]
            public ActionResult<object> Summary()
            {
                var region = configuration["Orders:Region"] ?? "eu";
                var limit = configuration.GetValue<int>("Orders:Limit", 100);
                var totals = db.Orders
                    .GroupBy(o => o.Customer)
                    .Select(g => new { Customer = g.Key, Total = g.Sum(o => o.Total), Count = g.Count() })
                    .Take(limit)
                    .ToList();
                return Ok(new { region, totals, label = PasswordLabel, key = CacheKeyPrefix + region });
            }
        }
        """;

    private static string Endpoints(int i) => $$"""
        namespace GeneratedApp.Endpoints{{i}};

        public static class CatalogEndpoints{{i}}
        {
            private static readonly string[] Categories = ["books", "music", "games", "tools"];

            public static RouteGroupBuilder MapCatalog{{i}}(this IEndpointRouteBuilder routes)
            {
                var group = routes.MapGroup("/catalog{{i}}").WithTags("Catalog{{i}}");

                group.MapGet("/", (int? take) => Results.Ok(Categories.Take(take ?? Categories.Length)));

                group.MapGet("/{category}", (string category, HttpContext context) =>
                {
                    if (!Categories.Contains(category, StringComparer.OrdinalIgnoreCase))
                    {
                        return Results.NotFound();
                    }

                    context.Response.Headers.CacheControl = "public, max-age=60";
                    context.Response.Headers["X-Content-Type-Options"] = "nosniff";
                    return Results.Ok(new { category, items = Enumerable.Range(1, 10).Select(n => $"{category}-{n}") });
                });

                group.MapPost("/{category}/items", async (string category, HttpRequest request, ILoggerFactory loggers) =>
                {
                    var logger = loggers.CreateLogger("Catalog{{i}}");
                    using var reader = new System.IO.StreamReader(request.Body);
                    var body = await reader.ReadToEndAsync();
                    logger.LogInformation("Received {Length} bytes for {Category}", body.Length, category);
                    return Results.Accepted($"/catalog{{i}}/{category}");
                });

                group.MapDelete("/{category}/items/{id:int}", (string category, int id) =>
                    id > 0 ? Results.NoContent() : Results.BadRequest(new { error = "id must be positive" }));

                return group;
            }

            public static IResult Paged(int page, int size)
            {
                if (page < 1 || size is < 1 or > 100)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["page"] = ["page must be at least 1"],
                        ["size"] = ["size must be between 1 and 100"],
                    });
                }

                var items = Enumerable.Range((page - 1) * size, size).Select(n => new { id = n, name = $"item {n}" });
                return Results.Ok(new { page, size, items });
            }
        }
        """;

    private static string Service(int i) => $$"""
        namespace GeneratedApp.Services{{i}};

        public sealed record PriceQuote{{i}}(string Sku, decimal Amount, string Currency);

        public interface IPricingService{{i}}
        {
            Task<PriceQuote{{i}}?> QuoteAsync(string sku, CancellationToken cancellationToken);
        }

        public sealed class PricingService{{i}}(HttpClient http, ILogger<PricingService{{i}}> logger, IConfiguration configuration) : IPricingService{{i}}
        {
            // Reflection cache: read-mostly, process-local by design.
            private static readonly ConcurrentDictionary<Type, string> TypeNames = new();

            private readonly string _currency = configuration["Pricing:Currency"] ?? "EUR";

            public async Task<PriceQuote{{i}}?> QuoteAsync(string sku, CancellationToken cancellationToken)
            {
                if (string.IsNullOrEmpty(sku))
                {
                    throw new ArgumentException("A SKU is required.", nameof(sku));
                }

                var name = TypeNames.GetOrAdd(typeof(PriceQuote{{i}}), t => t.Name);
                logger.LogDebug("Quoting {Sku} as {Type}", sku, name);
                using var response = await http.GetAsync($"prices/{Uri.EscapeDataString(sku)}", cancellationToken);
                if (!response.IsSuccessStatusCode)
                {
                    logger.LogWarning("Pricing returned {Status} for {Sku}", (int)response.StatusCode, sku);
                    return null;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var amount)
                    ? new PriceQuote{{i}}(sku, amount, _currency)
                    : null;
            }

            public static decimal ApplyDiscount(decimal amount, int percent)
            {
                if (percent is < 0 or > 100)
                {
                    throw new ArgumentOutOfRangeException(nameof(percent));
                }

                return Math.Round(amount * (100 - percent) / 100m, 2, MidpointRounding.ToEven);
            }

            public static IEnumerable<(string Sku, decimal Total)> Totals(IEnumerable<PriceQuote{{i}}> quotes)
                => quotes.GroupBy(q => q.Sku).Select(g => (g.Key, g.Sum(q => q.Amount))).OrderByDescending(t => t.Item2);
        }
        """;

    private static string Setup(int i) => $$"""
        namespace GeneratedApp.Setup{{i}};

        public sealed class ShippingOptions{{i}}
        {
            public const string SectionName = "Shipping{{i}}";
            public const string ApiKeyConfigPath = "Shipping{{i}}:ApiKey";

            public string BaseUrl { get; set; } = "https://shipping.example.com";
            public string ApiKey { get; set; } = "";
            public int TimeoutSeconds { get; set; } = 30;
        }

        public static class ShippingSetup{{i}}
        {
            public static IServiceCollection AddShipping{{i}}(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
            {
                services.Configure<ShippingOptions{{i}}>(configuration.GetSection(ShippingOptions{{i}}.SectionName));
                services.AddHttpClient("shipping{{i}}", (sp, client) =>
                {
                    var options = configuration.GetSection(ShippingOptions{{i}}.SectionName).Get<ShippingOptions{{i}}>() ?? new ShippingOptions{{i}}();
                    client.BaseAddress = new Uri(options.BaseUrl);
                    client.Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
                    client.DefaultRequestHeaders.Add("X-Api-Key", configuration[ShippingOptions{{i}}.ApiKeyConfigPath]);
                });

                if (environment.IsDevelopment())
                {
                    services.AddDistributedMemoryCache();
                }

                services.AddSession(o =>
                {
                    o.Cookie.HttpOnly = true;
                    o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    o.IdleTimeout = TimeSpan.FromMinutes(20);
                });

                services.AddLogging(b => b.AddFilter("GeneratedApp", LogLevel.Information));
                return services;
            }

            public static WebApplication UseShipping{{i}}(this WebApplication app)
            {
                if (!app.Environment.IsDevelopment())
                {
                    app.UseHsts();
                }

                app.UseSession();
                app.MapGet("/shipping{{i}}/health", () => Results.Ok("ok"));
                return app;
            }
        }
        """;

    private static string LargeController()
    {
        var text = new StringBuilder();
        text.AppendLine("namespace GeneratedApp.Controllers;");
        text.AppendLine();
        text.AppendLine("[ApiController]");
        text.AppendLine("[Route(\"api/large\")]");
        text.AppendLine("public sealed class LargeOrdersController(ILogger<LargeOrdersController> logger, IConfiguration configuration) : ControllerBase");
        text.AppendLine("{");
        for (var action = 0; text.ToString().Count(c => c == '\n') < 990; action++)
        {
            text.AppendLine($$"""
                    [HttpGet("action{{action}}/{id:int}")]
                    public IActionResult Action{{action}}(int id, string? filter)
                    {
                        if (id <= 0)
                        {
                            return BadRequest(new { error = "id must be positive" });
                        }

                        var setting = configuration["Large:Setting{{action}}"] ?? "default";
                        logger.LogInformation("Action {{action}} for {Id} with {Filter}", id, filter);
                        var values = Enumerable.Range(0, id % 50).Select(n => n * {{action + 1}}).Where(n => n % 3 == 0).ToList();
                        Response.Headers["X-Action"] = "{{action}}";
                        return Ok(new { id, setting, filter, count = values.Count, sum = values.Sum() });
                    }

                """);
        }

        text.AppendLine("}");
        return text.ToString();
    }
}
