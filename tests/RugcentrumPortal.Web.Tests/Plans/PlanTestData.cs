using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>Puts patients, assessments and plans straight into a test database, the way the intake pages store them.</summary>
public static class PlanTestData
{
    public static readonly (string Muscle, MuscleTone Tone)[] UpperCrossed =
    [
        ("upper-trapezius", MuscleTone.Overactive),
        ("levator-scapulae", MuscleTone.Overactive),
        ("pectoralis-major", MuscleTone.Overactive),
        ("pectoralis-minor", MuscleTone.Overactive),
        ("deep-neck-flexors", MuscleTone.Underactive),
        ("middle-trapezius", MuscleTone.Underactive),
        ("lower-trapezius", MuscleTone.Underactive),
        ("serratus-anterior", MuscleTone.Underactive),
    ];

    /// <summary>An upper-crossed assessment with a complete pluis screening; <paramref name="change"/> adjusts it.</summary>
    public static Task<Guid> NewAssessmentAsync(this PortalFactory portal, Guid patientId, Action<ClinicalAssessment>? change = null) => portal.WithDbAsync(async db =>
    {
        var therapistId = await db.Users.Where(u => u.Email == Baseline.NoordTherapist).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = therapistId,
            Kind = AssessmentKind.Intake,
            Status = AssessmentStatus.Completed,
            CreatedAt = now,
            UpdatedAt = now,
            ComplaintRegions = ["neck", "shoulder:left"],
            RedFlagsAbsent = ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked).Select(f => f.Id).ToList(),
            Conclusion = ScreeningConclusion.Pluis,
            HighestUrgency = Urgency.None,
            ScreenedAt = now,
            Ratings = UpperCrossed.Select(r => new MuscleRatingEntry { MuscleId = r.Muscle, Tone = r.Tone, Intensity = 2, Side = Side.Both }).ToList(),
            Observations = ["chest-breathing"],
            BalanceRecordedAt = now,
        };
        change?.Invoke(assessment);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    });

    public static Task<RecoveryPlan> PlanAsync(this PortalFactory portal, Guid planId) => portal.WithDbAsync(db =>
        db.Plans.AsNoTracking().Include(p => p.Phases).Include(p => p.Exercises).AsSplitQuery().SingleAsync(p => p.Id == planId));

    public static Task<List<RecoveryPlan>> PlansOfAsync(this PortalFactory portal, Guid patientId) => portal.WithDbAsync(db =>
        db.Plans.AsNoTracking().Include(p => p.Exercises).Where(p => p.PatientId == patientId).OrderBy(p => p.Version).ToListAsync());

    public static List<string> ExerciseOrder(this RecoveryPlan plan) => plan.Exercises.OrderBy(e => e.Order).Select(e => e.ExerciseId).ToList();

    public static string Editor(Guid patientId, Guid planId) => $"/patienten/{patientId}/plan/{planId}";
}
