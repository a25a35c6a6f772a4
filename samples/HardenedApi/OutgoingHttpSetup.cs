using System.Net;

namespace HardenedApi;

/// <summary>
/// Outgoing HTTP through IHttpClientFactory with a timeout and bounded retries. (Microsoft.Extensions.Http.Resilience's
/// AddStandardResilienceHandler is the usual choice; the package source this sample builds from does not carry it.)
/// </summary>
public static class OutgoingHttpSetup
{
    public static void AddShippingClient(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<TransientRetryHandler>();
        services.AddHttpClient("shipping", client =>
            {
                client.BaseAddress = new Uri(configuration["Shipping:BaseUrl"] ?? "https://shipping.example.com/");
                client.Timeout = TimeSpan.FromSeconds(10);
            })
            .AddHttpMessageHandler<TransientRetryHandler>();
    }
}

/// <summary>Retries idempotent requests on transient failures, three attempts at most, with exponential backoff.</summary>
public sealed class TransientRetryHandler : DelegatingHandler
{
    private const int MaxAttempts = 3;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var idempotent = request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Options;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (!idempotent || attempt == MaxAttempts || !IsTransient(response.StatusCode))
                {
                    return response;
                }

                response.Dispose();
            }
            catch (HttpRequestException) when (idempotent && attempt < MaxAttempts)
            {
                // A connection failure: try again after the backoff below.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1)), cancellationToken);
        }
    }

    private static bool IsTransient(HttpStatusCode status)
        => status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
