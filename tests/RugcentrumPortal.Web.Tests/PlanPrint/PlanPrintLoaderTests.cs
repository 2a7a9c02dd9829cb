using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PlanPrint;

namespace RugcentrumPortal.Web.Tests.PlanPrint;

/// <summary>The printed plan's content as the loader reads it for each kind of user, against the real database.</summary>
public class PlanPrintLoaderTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private RecoveryPlan plan = default!;

    public async Task InitializeAsync()
    {
        plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, ["chin-tuck", "cat-camel", "sleep-routine"]);
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = await db.Users.Where(u => u.Email == Baseline.NoordTherapist).Select(u => u.Id).SingleAsync();
        db.Assessments.Add(new ClinicalAssessment
        {
            PatientId = Baseline.NoordPatientId, TherapistId = therapistId, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Completed,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow, PrecautionConditions = ["osteoporosis"],
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PlanPrintModel?> LoadAsAsync(string email, Guid? patientId, Guid? planId = null)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<PlanPrintLoader>().LoadAsync(patientId, planId, default);
    }

    [Fact]
    public async Task Therapist_gets_the_active_plan_numbered_with_dosage_and_the_patients_precautions()
    {
        var model = await LoadAsAsync(Baseline.NoordTherapist, Baseline.NoordPatientId);

        Assert.NotNull(model);
        Assert.Equal((plan.Title, plan.Version), (model.PlanTitle, model.Version));
        Assert.Equal([(1, "chin-tuck"), (2, "cat-camel")], model.Exercises.Select(e => (e.Number, e.Exercise.Id)));
        Assert.Equal([(3, "sleep-routine")], model.SelfCare.Select(e => (e.Number, e.Exercise.Id)));
        Assert.All(model.Exercises, e => Assert.Equal(e.Exercise.DefaultDosage.Describe().Nl, e.Dosage));
        Assert.NotEmpty(model.Exercises.Single(e => e.Exercise.Id == "cat-camel").Precautions);
    }

    [Fact]
    public async Task The_patient_gets_their_own_active_plan_with_the_precautions_recorded_for_them()
    {
        var model = await LoadAsAsync(Baseline.NoordPatient, null);

        Assert.NotNull(model);
        Assert.Equal(plan.Title, model.PlanTitle);
        Assert.NotEmpty(model.Exercises.Single(e => e.Exercise.Id == "cat-camel").Precautions);
    }

    [Fact]
    public async Task A_patient_cannot_use_the_therapists_route_and_another_practice_gets_nothing()
    {
        Assert.Null(await LoadAsAsync(Baseline.NoordPatient, Baseline.NoordPatientId));
        Assert.Null(await LoadAsAsync(Baseline.ZuidTherapist, Baseline.NoordPatientId));
        Assert.Null(await LoadAsAsync(Baseline.ZuidTherapist, Baseline.NoordPatientId, plan.Id));
        Assert.Null(await LoadAsAsync(Baseline.ZuidPatient, Baseline.NoordPatientId));
    }
}
