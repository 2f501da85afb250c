using EPeople.Application;
using EPeople.Application.Abstractions;
using EPeople.Infrastructure;
using EPeople.Infrastructure.Persistence;
using EPeople.Infrastructure.Scheduling;
using EPeople.Web.Components;
using EPeople.Web.Endpoints;
using EPeople.Web.Health;
using EPeople.Web.Infrastructure;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Radzen;

if (WorkflowCommands.IsWorkflowCommand(args))
{
    return WorkflowCommands.Run(args, Console.Out, Console.Error);
}

if (RouterCommands.IsRouterCommand(args))
{
    return RouterCommands.Run(args, Console.Out, Console.Error);
}

if (AnalyticsReplayCommand.IsReplayCommand(args))
{
    return AnalyticsReplayCommand.Run(args, Console.Out, Console.Error);
}

var command = AdminCommands.IsAdminCommand(args) ? args[0] : null;
var analyticsCommand = AnalyticsCommands.IsAnalyticsCommand(args);
var builder = WebApplication.CreateBuilder(command is null && !analyticsCommand ? args : args[(analyticsCommand ? Math.Min(2, args.Length) : 1)..]);
var services = builder.Services;

services.AddApplication();
services.AddInfrastructure(builder.Configuration, builder.Environment.ContentRootPath, builder.Environment.IsDevelopment());
services.Configure<PublicSiteOptions>(builder.Configuration.GetSection(PublicSiteOptions.Section));

services.AddHttpContextAccessor();
services.AddScoped<CurrentUser>();
services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());

// Cookies for the Blazor UI, bearer tokens for /api. The API never accepts the cookie, so a third-party
// page cannot make a signed-in citizen's browser call it (no CSRF surface on the API).
const string SmartScheme = "EPeople";
services.AddAuthentication(o =>
    {
        o.DefaultScheme = SmartScheme;
        o.DefaultChallengeScheme = SmartScheme;
        o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
    })
    .AddPolicyScheme(SmartScheme, "Cookie (UI) or bearer token (API)", o => o.ForwardDefaultSelector = http =>
        http.Request.Path.StartsWithSegments("/api") ? IdentityConstants.BearerScheme : IdentityConstants.ApplicationScheme)
    .AddBearerToken(IdentityConstants.BearerScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(1))
    .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
    {
        o.LoginPath = "/account/login";
        o.AccessDeniedPath = "/account/access-denied";
        o.Cookie.Name = "epeople.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
    }));
services.AddAuthorization();
services.AddDataProtection().SetApplicationName("EPeople").PersistKeysToDbContext<EPeopleDbContext>();

// Korean is written as Korean in pages, not as &#x...; entities (a third of the size, and readable in the source).
services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
services.AddProblemDetails();
services.AddSignInRateLimiting(builder.Configuration);
services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
services.AddOpenApi();
services.AddLocalization(o => o.ResourcesPath = "Resources");
services.Configure<RequestLocalizationOptions>(o =>
{
    o.SetDefaultCulture("ko").AddSupportedCultures(CultureEndpoints.SupportedCultures).AddSupportedUICultures(CultureEndpoints.SupportedCultures);
    // Korean unless the citizen chose otherwise (cookie) or a link says so (?culture=en); the browser's language is not guessed.
    o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
});

var healthChecks = services.AddHealthChecks().AddCheck<DatabaseReadyHealthCheck>("database", tags: [HealthEndpoints.ReadyTag])
    .AddCheck<RouterHealthCheck>("router", tags: [HealthEndpoints.ReadyTag]);
if (builder.Configuration.GetSection(SchedulerOptions.Section).Get<SchedulerOptions>()?.Enabled ?? true)
{
    healthChecks.AddCheck<SchedulerHealthCheck>("scheduler", tags: [HealthEndpoints.ReadyTag]);
}

services.AddRazorComponents().AddInteractiveServerComponents();
services.AddCascadingAuthenticationState();
services.AddRadzenComponents();
services.AddScoped<CircuitClientAddress>();
services.AddScoped<CircuitHandler, CircuitClientAddressHandler>();
services.AddScoped<ScopedSender>();
services.AddScoped<EPeople.Web.Components.Designer.DesignerClipboard>();

var app = builder.Build();

if (command is not null)
{
    return await AdminCommands.RunAsync(app, command);
}

if (analyticsCommand)
{
    return await AnalyticsCommands.RunAsync(app, args);
}

await app.InitializeDatabaseAsync();

app.UseExceptionHandler();
app.UseStatusCodePages();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.Use(async (context, next) =>
{
    var headers = context.Response.Headers;
    headers.XContentTypeOptions = "nosniff";
    headers["Referrer-Policy"] = "same-origin";
    headers.XFrameOptions = "DENY";
    // Never framed by another site (clickjacking). Blazor would add frame-ancestors 'self' only while its WebSocket
    // compression is on; compression is off (below), so the policy is ours, and stricter.
    headers.ContentSecurityPolicy = "frame-ancestors 'none'";
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        headers.CacheControl = "no-store";
    }

    await next();
});
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "EPeople API v1");
    o.RoutePrefix = "swagger";
});
app.MapHealthEndpoints();
app.MapCultureEndpoints();
app.MapAccountEndpoints();
var api = app.MapGroup("/api/v1");
api.MapAuthEndpoints();
api.MapInstitutionEndpoints();
api.MapOfficialEndpoints();
api.MapTaskEndpoints();
api.MapCalendarEndpoints();
api.MapWorkflowEndpoints();
api.MapPetitionEndpoints();
api.MapNoticeEndpoints();
api.MapRoutingEndpoints();
api.MapGroupEndpoints();
api.MapAnalyticsEndpoints();
// WebSocket compression off: its per-connection compressor state was most of a circuit's memory outside the GC heap
// (circuits benchmark, G6), and render batches are small; framing is refused by our own headers above.
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);

await app.RunAsync();
return 0;

/// <summary>The entry point, public so WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
