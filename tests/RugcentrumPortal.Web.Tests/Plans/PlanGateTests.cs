using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Safety;
using static RugcentrumPortal.Web.Tests.Safety.RedFlagCases;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>The web layer's one red-flag gate follows the clinical core's tiers, in the database and in memory alike.</summary>
public class PlanGateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    public static TheoryData<Urgency> EveryUrgency => new(Enum.GetValues<Urgency>());

    [Theory]
    [MemberData(nameof(EveryUrgency))]
    public async Task The_gate_asks_for_what_the_clinical_core_requires_at_every_urgency(Urgency urgency)
    {
        var required = RedFlagScreener.RequiredUnlock(urgency);
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var nothing = await portal.NewAssessmentAsync(patientId, Screened(urgency));
        var referred = await portal.NewAssessmentAsync(patientId, Screened(urgency).Then(Referred));
        var proceeded = await portal.NewAssessmentAsync(patientId, Screened(urgency).Then(a =>
        {
            a.DecisionKind = TherapistDecisionKind.ProceedWithReason;
            a.DecisionReason = "Bekend beeld, eerder door de huisarts onderzocht";
            a.DecidedAt = DateTimeOffset.UtcNow;
        }));
        var cleared = await portal.NewAssessmentAsync(patientId, Screened(urgency).Then(Cleared));

        var heldInDatabase = await portal.WithDbAsync(db => db.Assessments
            .Where(a => a.PatientId == patientId).Where(PlanGate.HoldsBackPlans).Select(a => a.Id).ToListAsync());
        var loaded = await portal.WithDbAsync(db => db.Assessments.AsNoTracking().Where(a => a.PatientId == patientId).ToListAsync());

        var expected = new List<Guid>();
        if (required != PlanUnlock.None)
        {
            expected.Add(nothing);
        }
        if (required == PlanUnlock.MedicalClearance)
        {
            expected.AddRange([referred, proceeded]);
        }
        Assert.Equal(expected.Order(), heldInDatabase.Order());
        Assert.Equal(expected.Order(), loaded.Where(PlanGate.HoldsBack).Select(a => a.Id).Order());
        Assert.DoesNotContain(cleared, heldInDatabase);
    }

    [Theory]
    [InlineData(Urgency.UrgentGp, true)]
    [InlineData(Urgency.Emergency, true)]
    [InlineData(Urgency.GpConsultation, false)]
    public async Task The_patients_verdict_says_whether_only_a_clearance_releases_the_plan(Urgency urgency, bool needsClearance)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId);
        var id = await portal.NewAssessmentAsync(patientId, Screened(urgency));

        var verdict = await portal.WithDbAsync(db => PlanGate.ForPatientAsync(db, patientId, CancellationToken.None));

        Assert.Equal((id, needsClearance), (verdict.BlockingAssessmentId, verdict.NeedsClearance));
    }
}
