// InsecureApi: a small orders API that makes every mistake ReadinessAnalyzers knows, one file per category.
// `dotnet build samples/InsecureApi` shows every rule; `readiness audit samples/InsecureApi` scores it NOT READY.
using InsecureApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOrdersServices(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseOrdersPipeline();
app.MapOrdersEndpoints();

app.Run();
