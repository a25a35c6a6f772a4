using Verify = ReadinessAnalyzers.Tests.Verification.CSharpAnalyzerVerifier<ReadinessAnalyzers.Auth.AntiforgeryDisabledGloballyAnalyzer>;

namespace ReadinessAnalyzers.Tests.Auth;

public class AntiforgeryDisabledGloballyAnalyzerTests
{
    [Fact]
    public Task GlobalIgnoreFilterIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews(options => {|#0:options.Filters.Add(new IgnoreAntiforgeryTokenAttribute())|});
        """,
        Verify.Diagnostic(RuleIds.AntiforgeryDisabledGlobally).WithLocation(0).WithMessageContaining("every controller action and Razor Page"));

    [Fact]
    public Task GenericAndTypeofFormsAreReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        public class Startup
        {
            public void ConfigureServices(IServiceCollection services)
            {
                services.AddMvc(options =>
                {
                    [|options.Filters.Add<IgnoreAntiforgeryTokenAttribute>()|];
                    [|options.Filters.Add(typeof(IgnoreAntiforgeryTokenAttribute), order: 1)|];
                    [|options.Filters.Insert(0, new IgnoreAntiforgeryTokenAttribute { Order = 1001 })|];
                });
            }
        }
        """);

    [Fact]
    public Task RazorPagesConventionIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddRazorPages(options => {|#0:options.Conventions.ConfigureFilter(new IgnoreAntiforgeryTokenAttribute())|});
        """,
        Verify.Diagnostic(RuleIds.AntiforgeryDisabledGlobally).WithLocation(0).WithMessageContaining("every Razor Page"));

    [Fact]
    public Task AbstractBaseControllerIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        [{|#0:IgnoreAntiforgeryToken|}]
        public abstract class AppController : Controller
        {
        }

        public class OrdersController : AppController
        {
            [HttpPost]
            public IActionResult Cancel(int id) => Ok();
        }

        public class InvoicesController : AppController
        {
        }
        """,
        Verify.Diagnostic(RuleIds.AntiforgeryDisabledGlobally).WithLocation(0).WithMessageContaining("base class AppController").WithMessageContaining("every controller deriving from it"));

    [Fact]
    public Task ConcreteBasePageModelWithDerivedPagesIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;
        using Microsoft.AspNetCore.Mvc.RazorPages;

        [[|IgnoreAntiforgeryToken(Order = 2000)|]]
        public class AppPageModel : PageModel
        {
        }

        public class CheckoutModel : AppPageModel
        {
        }
        """);

    [Fact]
    public Task RootRouteGroupDisablingAntiforgeryIsReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGroup("").{|#0:DisableAntiforgery()|};
        var all = app.MapGroup("/");
        all.[|DisableAntiforgery()|];
        app.Run();
        """,
        Verify.Diagnostic(RuleIds.AntiforgeryDisabledGlobally).WithLocation(0).WithMessageContaining("every endpoint"));

    [Fact]
    public Task RazorComponentsDisablingAntiforgeryIsReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Components;

        public class App : ComponentBase { }

        public static class Pipeline
        {
            public static void Map(WebApplication app) => app.MapRazorComponents<App>().[|DisableAntiforgery()|];
        }
        """);

    // ---- not reported ----

    [Fact]
    public Task IgnoreOnASingleControllerIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        [IgnoreAntiforgeryToken]
        public class WebhooksController : Controller
        {
            [HttpPost]
            public IActionResult Receive() => Ok();
        }
        """);

    [Fact]
    public Task IgnoreOnABaseThatIsNotAControllerIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        [IgnoreAntiforgeryToken]
        public abstract class Handler { }
        public class Concrete : Handler { }
        """);

    [Fact]
    public Task AutoValidateFilterIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        """);

    [Fact]
    public Task DisableAntiforgeryOnOneEndpointOrAPrefixedGroupIsNotReported() => Verify.VerifyAnalyzerAsync("""
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapPost("/webhooks/stripe", () => Results.Ok()).DisableAntiforgery();
        app.MapGroup("/api").DisableAntiforgery();
        app.MapGroup("/api").MapGroup("").DisableAntiforgery();
        app.Run();
        """);

    [Fact]
    public Task GlobalFilterInsideIsDevelopmentIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews(options =>
        {
            if (builder.Environment.IsDevelopment())
            {
                options.Filters.Add(new IgnoreAntiforgeryTokenAttribute());
            }
        });
        """);

    [Fact]
    public Task UserCollectionWithAnAddMethodIsNotReported() => Verify.VerifyAnalyzerAsync("""
        using Microsoft.AspNetCore.Mvc;

        var attributes = new List<object>();
        attributes.Add(new IgnoreAntiforgeryTokenAttribute());
        """);

    // ---- broken code ----

    [Fact]
    public Task HalfTypedFilterIsStillReportedWithoutCrashing() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.Mvc;

        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddControllersWithViews(options => [|options.Filters.Add(new IgnoreAntiforgeryTokenAttribute(|]
        """);

    [Fact]
    public Task UnresolvedBaseClassDoesNotCrash() => Verify.VerifyBrokenCodeAsync("""
        using Microsoft.AspNetCore.Mvc;

        [IgnoreAntiforgeryToken]
        public abstract class AppController : MissingController { }
        public class OrdersController : AppController { }
        var app = WebApplication.CreateBuilder(args).Build();
        app.MapGroup(missing).DisableAntiforgery();
        """);
}
