// Stand-in for the one Microsoft.Identity.Web type SessionsSetup.cs uses: the package is not on the NuGet source this
// repository builds from. Same namespace, type and method names as the real package, so the analyzers see the real call.
namespace Microsoft.Identity.Web;

public class MicrosoftIdentityAppCallsWebApiAuthenticationBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    public MicrosoftIdentityAppCallsWebApiAuthenticationBuilder AddInMemoryTokenCaches() => this;

    public MicrosoftIdentityAppCallsWebApiAuthenticationBuilder AddDistributedTokenCaches() => this;
}
