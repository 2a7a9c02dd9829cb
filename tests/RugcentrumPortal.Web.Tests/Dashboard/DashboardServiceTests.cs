using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Dashboard;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Infrastructure.Time;
using RugcentrumPortal.Web.Tests.Plans;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;

namespace RugcentrumPortal.Web.Tests.Dashboard;

/// <summary>The therapist's overview, loaded directly as the signed-in therapist, against the real database.</summary>
public class DashboardServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<DashboardData> LoadAsAsync(string email)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<DashboardService>().LoadAsync(None);
    }

    [Fact]
    public async Task Open_decisions_are_those_the_red_flag_gate_holds_back_most_urgent_first()
    {
        var gpPatient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var urgentPatient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var decidedPatient = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var gp = await SeedAsync(portal, gpPatient, Baseline.NoordTherapist, a => { NietPluis(a); a.HighestUrgency = Urgency.GpConsultation; });
        var urgent = await SeedAsync(portal, urgentPatient, Baseline.NoordTherapist, NietPluis);
        var decided = await SeedAsync(portal, decidedPatient, Baseline.NoordTherapist, a => { NietPluis(a); a.HighestUrgency = Urgency.GpConsultation; });
        await using (var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().RecordDecisionAsync(decidedPatient, decided,
                new DecisionInput { Kind = DecisionInput.Referral, AdviceGiven = "Naar de huisarts", GpConsent = IntakeInput.No }, None);
        }

        var data = await LoadAsAsync(Baseline.NoordTherapist);

        Assert.Equal([urgent, gp], data.OpenDecisions.Select(i => i.AssessmentId));
        Assert.Equal("Ineke Intake", data.OpenDecisions[0].PatientName);
        Assert.Contains(data.Drafts, i => i.AssessmentId == decided);
        Assert.Equal(portal.Services.GetRequiredService<PracticeClock>().Today, data.Today);
    }

    [Fact]
    public async Task Another_practices_therapist_sees_nothing_of_this_practice()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, NietPluis);

        var zuid = await LoadAsAsync(Baseline.ZuidTherapist);
        var noord = await LoadAsAsync(Baseline.NoordTherapist);

        Assert.Contains(noord.OpenDecisions, i => i.AssessmentId == id);
        Assert.DoesNotContain(zuid.OpenDecisions.Concat(zuid.Drafts).Concat(zuid.ReassessmentsDue), i => i.PatientId == patientId);
    }

    [Fact]
    public async Task A_reassessment_is_listed_a_week_before_it_is_due_and_not_earlier()
    {
        var today = portal.Services.GetRequiredService<PracticeClock>().Today;
        var soon = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var later = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var dueSoon = await SeedAsync(portal, soon, Baseline.NoordTherapist, a => { a.Status = AssessmentStatus.Completed; a.ReassessmentDue = today.AddDays(DashboardService.DueSoonDays); });
        var dueLater = await SeedAsync(portal, later, Baseline.NoordTherapist, a => { a.Status = AssessmentStatus.Completed; a.ReassessmentDue = today.AddDays(DashboardService.DueSoonDays + 1); });

        var data = await LoadAsAsync(Baseline.NoordTherapist);

        Assert.Contains(data.ReassessmentsDue, i => i.AssessmentId == dueSoon);
        Assert.DoesNotContain(data.ReassessmentsDue, i => i.AssessmentId == dueLater);
    }

    [Fact]
    public async Task An_assessment_shows_once_to_the_therapist_who_made_it_and_once_to_the_patients_own_therapist()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        await portal.WithDbAsync(async db =>
        {
            var carla = await db.Users.SingleAsync(u => u.Email == Baseline.NoordSecondTherapist);
            await db.Patients.Where(p => p.Id == patientId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TherapistId, carla.Id));
        });
        var today = portal.Services.GetRequiredService<PracticeClock>().Today;
        var byTom = await SeedAsync(portal, patientId, Baseline.NoordTherapist, NietPluis);
        var byCarla = await SeedAsync(portal, patientId, Baseline.NoordSecondTherapist, NietPluis);
        var dueByCarla = await SeedAsync(portal, patientId, Baseline.NoordSecondTherapist, a => { a.Status = AssessmentStatus.Completed; a.ReassessmentDue = today; });

        var tom = await LoadAsAsync(Baseline.NoordTherapist);
        var carla = await LoadAsAsync(Baseline.NoordSecondTherapist);

        Assert.Equal([byTom], tom.OpenDecisions.Where(i => i.PatientId == patientId).Select(i => i.AssessmentId));
        Assert.Equal(new[] { byTom, byCarla }.Order(), carla.OpenDecisions.Where(i => i.PatientId == patientId).Select(i => i.AssessmentId).Order());
        Assert.Equal([dueByCarla], carla.ReassessmentsDue.Where(i => i.PatientId == patientId).Select(i => i.AssessmentId));
        Assert.DoesNotContain(tom.ReassessmentsDue, i => i.PatientId == patientId);
    }
}
