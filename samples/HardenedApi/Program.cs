// HardenedApi: the same orders API done right. `dotnet build samples/HardenedApi` reports nothing;
// `readiness audit samples/HardenedApi` scores 100, READY.
using HardenedApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOrdersServices(builder.Configuration, builder.Environment);

var app = builder.Build();

app.UseOrdersPipeline();
app.MapOrdersEndpoints();

app.Run();
