using System.Net.Security;

namespace HardenedApi;

public static class HttpsSetup
{
    public static void AddHttpsServices(IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // The payment gateway's certificate chains to a public CA: the default validation, nothing to configure.
        services.AddHttpClient("payments");

        // The shipping provider uses a private CA: accept a valid chain, or exactly its pinned certificate.
        var pinned = configuration["Shipping:CertificateThumbprint"];
        services.AddHttpClient("shipping").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                errors == SslPolicyErrors.None
                || (certificate is not null && pinned is not null && string.Equals(certificate.Thumbprint, pinned, StringComparison.OrdinalIgnoreCase)),
        });

        if (environment.IsDevelopment())
        {
            // The local gateway simulator's self-signed certificate.
            services.AddHttpClient("payments-simulator").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
            });
        }

        // The partner portal on HTTPS; the local front end on loopback.
        services.AddCors(options => options.AddPolicy("partners", policy => policy.WithOrigins("https://partners.example.com", "http://localhost:5173")));
    }
}
