using RugcentrumPortal.Web.Components;
using RugcentrumPortal.Web.Components.Workspace;
using RugcentrumPortal.Web.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Features.Accounts;
using RugcentrumPortal.Web.Features.Admin;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Features.Dashboard;
using RugcentrumPortal.Web.Features.Examination;
using RugcentrumPortal.Web.Features.ExerciseMedia;
using RugcentrumPortal.Web.Features.Feedback;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Features.Invitations;
using RugcentrumPortal.Web.Features.Messages;
using RugcentrumPortal.Web.Features.Outcomes;
using RugcentrumPortal.Web.Features.Passwords;
using RugcentrumPortal.Web.Features.PatientPortal;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Features.PlanPrint;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Features.Privacy;
using RugcentrumPortal.Web.Features.Reminders;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;
using RugcentrumPortal.Web.Infrastructure.Mail;
using RugcentrumPortal.Web.Infrastructure.Push;

var builder = WebApplication.CreateBuilder(args);
PortalAddress.RequireInProduction(builder.Configuration, builder.Environment);

// Serves the scoped-CSS bundle (*.razor.css) from the build output in every environment, as the demo and the
// tests run it; a published app carries the bundle in wwwroot and has no manifest, so this is a no-op there.
builder.WebHost.UseStaticWebAssets();

builder.Services.AddPracticeClock(builder.Configuration);
builder.Services.AddCurrentUser();
builder.Services.AddAccessLog();
builder.Services.AddPortalData(builder.Configuration);
builder.Services.AddPortalIdentity(builder.Configuration, builder.Environment);
builder.Services.AddPortalLocalization();
builder.Services.AddPortalMail(builder.Configuration);
builder.Services.AddPortalPush();
builder.Services.AddInvitations(builder.Configuration);
builder.Services.AddPasswords(builder.Configuration);
builder.Services.AddPrivacy(builder.Configuration);
builder.Services.AddPlanPrinting(builder.Configuration);
builder.Services.AddPatients();
builder.Services.AddAdmin();
builder.Services.AddPatientPortal();
builder.Services.AddOutcomes();
builder.Services.AddIntake();
builder.Services.AddBalance();
builder.Services.AddExamination();
builder.Services.AddDashboard();
builder.Services.AddPlans();
builder.Services.AddFeedback();
builder.Services.AddReminders(builder.Configuration);
builder.Services.AddMessages();
builder.Services.AddExerciseMedia(builder.Configuration);
builder.Services.AddPracticeExercises();
builder.Services.AddWorkspace(builder.Configuration);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

var app = builder.Build();

await app.InitializeDatabaseAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/fout", createScopeForErrors: true);
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
app.UseMalformedRequestsAsBadRequest();
app.UseSecurityHeaders();
app.UseRequestLocalization();
app.UseRateLimiter();
app.UseAuthentication();
app.UseCurrentUser();
app.UseRequiredPasswordChange();
app.UseAuthorization();
app.UseAntiforgery();

app.MapHealthChecks("/healthz");
// Liveness only: answers without touching the database, so load tests can measure the server itself.
app.MapHealthChecks("/healthz/live", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false });
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapPlanPdf();
app.MapPrivacyExports();
app.MapReminderDevices();
app.MapExerciseMedia();
// Files from wwwroot and the packages, compressed at build time and fingerprinted where the page asks via Assets[].
app.MapStaticAssets();
app.MapRazorComponents<App>().WithStaticAssets().AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
