using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace InsecureApi;

public static class HttpsSetup
{
    public static void AddHttpsServices(IServiceCollection services)
    {
        // RDY6001: the payment gateway's certificate is "self-signed on staging", so every certificate is accepted —
        // in production too: anyone on the path can read the card tokens this client sends.
        services.AddHttpClient("payments").ConfigurePrimaryHttpMessageHandler(() => new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        // RDY6001: the same, hand-written, for the shipping provider.
        services.AddHttpClient("shipping").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (sender, certificate, chain, errors) => true },
        });

        services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, options =>
        {
            // RDY6003: the identity provider's metadata and signing keys fetched over plain HTTP: replaced keys, forged tokens.
            options.MetadataAddress = "http://login.orders.example.com/.well-known/openid-configuration";

            // RDY6002: needed for the http:// address above, copied from the local Keycloak setup.
            options.RequireHttpsMetadata = false;
        });

        services.AddCors(options =>
            // RDY6003: the partner portal's origin on plain HTTP: script injected into its pages can call this API.
            options.AddPolicy("partners", policy => policy.WithOrigins("https://partners.example.com", "http://partners.example.com")));
    }
}
