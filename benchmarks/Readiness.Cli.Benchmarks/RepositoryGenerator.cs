using System.Text;

namespace Readiness.Cli.Benchmarks;

/// <summary>
/// Writes a repository that looks like a real ASP.NET Core solution: one shared library and web APIs that reference
/// it, each with controllers, minimal-API endpoint groups, services, EF-free repositories, options and DTOs, config
/// files and a Dockerfile. A few files make the mistakes the analyzers look for, most do not.
/// </summary>
internal static class RepositoryGenerator
{
    public static (int Projects, int Files) Generate(string root, int projects, int files)
    {
        Directory.CreateDirectory(root);
        var filesPerProject = files / projects;
        var written = 0;
        Write(root, "Shared/Shared.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
              </PropertyGroup>
              <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>
            </Project>
            """);
        for (var i = 0; i < filesPerProject; i++, written++)
        {
            Write(root, $"Shared/Model/Entity{i:000}.cs", Entity("Shared", i));
        }

        for (var p = 1; p < projects; p++)
        {
            var name = $"Service{p:00}.Api";
            Write(root, $"src/{name}/{name}.csproj", $$"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <RootNamespace>{{Namespace(name)}}</RootNamespace>
                  </PropertyGroup>
                  <ItemGroup><ProjectReference Include="..\..\Shared\Shared.csproj" /></ItemGroup>
                </Project>
                """);
            Write(root, $"src/{name}/Program.cs", Program(name, p));
            Write(root, $"src/{name}/appsettings.json", """
                {
                  "Logging": { "LogLevel": { "Default": "Information", "Microsoft.AspNetCore": "Warning" } },
                  "AllowedHosts": "orders.example.com",
                  "ConnectionStrings": { "Orders": "Host=db;Database=orders;Username=app;Password=${DB_PASSWORD}" }
                }
                """);
            Write(root, $"src/{name}/appsettings.Development.json", """{ "Logging": { "LogLevel": { "Default": "Debug" } } }""");
            Write(root, $"src/{name}/Dockerfile", "FROM mcr.microsoft.com/dotnet/aspnet:10.0\nUSER app\nCOPY . /app\nENTRYPOINT [\"dotnet\", \"app.dll\"]\n");
            written++;
            for (var i = 1; i < filesPerProject; i++, written++)
            {
                var (folder, text) = (i % 4) switch
                {
                    0 => ("Controllers", Controller(name, i)),
                    1 => ("Endpoints", Endpoints(name, i)),
                    2 => ("Services", Service(name, i)),
                    _ => ("Model", Entity(Namespace(name), i)),
                };
                Write(root, $"src/{name}/{folder}/{folder.TrimEnd('s')}{i:000}.cs", text);
            }
        }

        Write(root, "docker-compose.yml", "services:\n  api:\n    build: src/Service01.Api\n    environment:\n      - ASPNETCORE_ENVIRONMENT=Production\n");
        return (projects, written);
    }

    private static string Namespace(string project) => project.Replace(".", "");

    private static string Program(string project, int index) => $$"""
        using {{Namespace(project)}}.Endpoints;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks();
        builder.Services.AddControllers();
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

        {{(index % 7 == 0 ? "app.UseDeveloperExceptionPage(); // a mistake the audit must find" : "app.UseHttpsRedirection();")}}
        app.MapHealthChecks("/health");
        app.MapControllers();
        Endpoints1.Map(app);
        app.Run();
        """;

    private static string Controller(string project, int i) => $$"""
        using Microsoft.AspNetCore.Mvc;
        using Shared.Model;

        namespace {{Namespace(project)}}.Controllers;

        [ApiController]
        [Route("api/orders{{i}}")]
        public sealed class Orders{{i}}Controller(ILogger<Orders{{i}}Controller> logger) : ControllerBase
        {
            private static readonly Dictionary<int, Entity{{i % 100:000}}> Store = new();

            [HttpGet("{id:int}")]
            public ActionResult<Entity{{i % 100:000}}> Get(int id)
            {
                logger.LogInformation("Reading order {OrderId}", id);
                return Store.TryGetValue(id, out var entity) ? Ok(entity) : NotFound();
            }

            [HttpPost]
            public async Task<IActionResult> Create([FromBody] Entity{{i % 100:000}} entity, CancellationToken cancellationToken)
            {
                await Task.Delay(1, cancellationToken);
                if (string.IsNullOrWhiteSpace(entity.Name))
                {
                    return ValidationProblem();
                }

                Store[entity.Id] = entity with { Name = entity.Name.Trim() };
                return CreatedAtAction(nameof(Get), new { id = entity.Id }, entity);
            }

            [HttpGet]
            public IEnumerable<string> Names(int take = 10) =>
                Store.Values.Where(e => e.Amount > 0).OrderBy(e => e.Name).Take(take).Select(e => e.Name.ToUpperInvariant());
        }
        """;

    private static string Endpoints(string project, int i) => $$"""
        using Microsoft.AspNetCore.Http.HttpResults;

        namespace {{Namespace(project)}}.Endpoints;

        public static class Endpoints{{i}}
        {
            public static void Map(IEndpointRouteBuilder app)
            {
                var group = app.MapGroup("/v{{i}}/items");
                group.MapGet("/", (HttpContext context) => TypedResults.Ok(new[] { context.TraceIdentifier }));
                group.MapGet("/{id:int}", Results<Ok<int>, NotFound> (int id) => id > 0 ? TypedResults.Ok(id) : TypedResults.NotFound());
                group.MapPost("/", async (HttpRequest request, ILoggerFactory loggers) =>
                {
                    using var reader = new StreamReader(request.Body);
                    var body = await reader.ReadToEndAsync();
                    loggers.CreateLogger("Endpoints{{i}}").LogDebug("Received {Length} bytes", body.Length);
                    return Results.Accepted();
                });
            }
        }
        """;

    private static string Service(string project, int i) => $$"""
        using Microsoft.Extensions.Options;

        namespace {{Namespace(project)}}.Services;

        public sealed class Pricing{{i}}Options
        {
            public decimal Discount { get; set; } = 0.1m;
            public int MaxItems { get; set; } = 50;
        }

        public interface IPricing{{i}}
        {
            ValueTask<decimal> PriceAsync(IReadOnlyList<decimal> items, CancellationToken cancellationToken);
        }

        public sealed class Pricing{{i}}(IOptions<Pricing{{i}}Options> options, ILogger<Pricing{{i}}> logger) : IPricing{{i}}
        {
            public async ValueTask<decimal> PriceAsync(IReadOnlyList<decimal> items, CancellationToken cancellationToken)
            {
                var settings = options.Value;
                if (items.Count > settings.MaxItems)
                {
                    logger.LogWarning("Too many items: {Count}", items.Count);
                    throw new InvalidOperationException("too many items");
                }

                await Task.Yield();
                var total = 0m;
                foreach (var item in items)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    total += item switch
                    {
                        < 0 => throw new ArgumentOutOfRangeException(nameof(items)),
                        > 1000 => item * (1 - settings.Discount),
                        _ => item,
                    };
                }

                return Math.Round(total, 2);
            }
        }
        """;

    private static string Entity(string ns, int i) => $$"""
        namespace {{(ns == "Shared" ? "Shared.Model" : ns + ".Model")}};

        /// <summary>An order line as the API exposes it.</summary>
        public sealed record Entity{{i:000}}(int Id, string Name, decimal Amount)
        {
            public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;

            public IReadOnlyList<string> Tags { get; init; } = [];

            public bool IsLarge => Amount > 1000;

            public Entity{{i:000}} WithTag(string tag) => this with { Tags = [.. Tags, tag] };

            public override string ToString() => $"{Id}: {Name} ({Amount:0.00})";
        }
        """;

    private static void Write(string root, string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }
}
