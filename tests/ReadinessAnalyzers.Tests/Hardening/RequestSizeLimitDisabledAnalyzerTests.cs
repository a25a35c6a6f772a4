using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Hardening.RequestSizeLimitDisabledAnalyzer>;

namespace ReadinessAnalyzers.Tests.Hardening;

public class RequestSizeLimitDisabledAnalyzerTests
{
    [Fact]
    public Task UnlimitedServerBodySizeIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Server.Kestrel.Core;

        var builder = WebApplication.CreateBuilder(args);
        builder.WebHost.ConfigureKestrel(options => {|#0:options.Limits.MaxRequestBodySize = null|});
        builder.Services.Configure<KestrelServerOptions>(options => [|options.Limits.MaxRequestBodySize = long.MaxValue|]);
        builder.Services.Configure<IISServerOptions>(options => [|options.MaxRequestBodySize = null|]);
        builder.Services.Configure<IISServerOptions>(options => [|options.MaxRequestBodySize = 4L * 1024 * 1024 * 1024|]);
        builder.Build().Run();
        """,
        Verify.Diagnostic(RuleIds.RequestSizeLimitDisabled).WithLocation(0)
            .WithMessageContaining("'KestrelServerLimits.MaxRequestBodySize = null' removes a request size limit for every endpoint"));

    [Fact]
    public Task UnlimitedFormOptionsAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http.Features;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.Configure<FormOptions>(options =>
        {
            [|options.MultipartBodyLengthLimit = long.MaxValue|];
            [|options.ValueLengthLimit = int.MaxValue|];
            [|options.ValueCountLimit = int.MaxValue|];
            options.MemoryBufferThreshold = int.MaxValue;
            options.KeyLengthLimit = 4096;
        });
        builder.Build().Run();
        """);

    [Fact]
    public Task DisableRequestSizeLimitOnABaseControllerOrGloballyIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        [ApiController]
        [[|DisableRequestSizeLimit|]]
        public abstract class ApiControllerBase : ControllerBase { }

        public static class Setup
        {
            public static void Configure(WebApplicationBuilder builder, WebApplication app)
            {
                builder.Services.AddControllers(options => options.Filters.[|Add(new DisableRequestSizeLimitAttribute())|]);
                builder.Services.AddControllers(options => options.Filters.[|Add<DisableRequestSizeLimitAttribute>()|]);
                builder.Services.AddControllers(options => options.Filters.[|Add(typeof(DisableRequestSizeLimitAttribute))|]);
                app.MapControllers().[|WithMetadata(new DisableRequestSizeLimitAttribute())|];
            }
        }
        """);

    [Fact]
    public Task PerEndpointLimitsAreNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Http.Features;
        using Microsoft.AspNetCore.Mvc;

        public class UploadsController : ControllerBase
        {
            [HttpPost, DisableRequestSizeLimit, RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
            public IActionResult Upload() => Ok();

            [HttpPost, RequestSizeLimit(200_000_000)]
            public IActionResult Import() => Ok();
        }

        [DisableRequestSizeLimit]
        public class VideoController : ControllerBase { }

        public static class Setup
        {
            public static void Configure(WebApplicationBuilder builder, WebApplication app)
            {
                builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = 50 * 1024 * 1024);
                builder.Services.Configure<FormOptions>(options => options.MultipartBodyLengthLimit = 200_000_000);
                app.MapPost("/videos", () => Results.Ok()).WithMetadata(new DisableRequestSizeLimitAttribute());
            }
        }
        """);

    [Fact]
    public Task LimitsRemovedOnlyInDevelopmentAreNotReported() => Verify.VerifyAnalyzerAsync("""
        var builder = WebApplication.CreateBuilder(args);
        if (builder.Environment.IsDevelopment())
        {
            builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
        }
        builder.Build().Run();
        """);

    [Fact]
    public Task LimitsInATestProjectAreNotReported()
    {
        var test = new Verification.AnalyzerTest<ReadinessAnalyzers.Hardening.RequestSizeLimitDisabledAnalyzer>
        {
            TestCode = """
                using Microsoft.AspNetCore.Mvc;

                [DisableRequestSizeLimit]
                public abstract class TestControllerBase : ControllerBase { }

                public static class Host
                {
                    public static void Configure(WebApplicationBuilder builder) =>
                        builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = null);
                }
                """,
        };
        test.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.IsTestProject = true\n"));
        return test.RunAsync();
    }

    [Fact]
    public Task HalfTypedCodeDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.Mvc;

        public static class Setup
        {
            public static void Configure(WebApplicationBuilder builder, IMissing missing)
            {
                builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = );
                builder.WebHost.ConfigureKestrel(options => options.Limits.MaxRequestBodySize = missing.Size);
                builder.Services.AddControllers(options => options.Filters.Add(new DisableRequestSizeLimitAttribute(missing));
                missing.Limits.MaxRequestBodySize = null;
                builder.WebHost.ConfigureKestrel(options => [|options.Limits.MaxRequestBodySize = null|])
            }
        }
        """);
}
