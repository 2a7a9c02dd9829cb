using RugcentrumPortal.Web.Components;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.Accounts;
using RugcentrumPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// Serves the components' scoped CSS bundle from a build output in every environment (demo script, tests);
// a published app has the bundle in wwwroot and no manifest, and then this does nothing.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddPortalData(builder.Configuration);
builder.Services.AddPortalIdentity(builder.Configuration, builder.Environment);
builder.Services.AddPortalLocalization();
builder.Services.AddRazorComponents();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.InitializeDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/healthz");
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapRazorComponents<App>();

app.Run();

public partial class Program;
