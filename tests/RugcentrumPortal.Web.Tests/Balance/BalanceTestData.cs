using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Balance;

/// <summary>Assessments as the intake leaves them, and the upper-crossed office-worker vignette as the form posts it.</summary>
public static class BalanceTestData
{
    public static string FormUrl(Guid patientId, Guid assessmentId) => $"/patienten/{patientId}/onderzoek/{assessmentId}/spierbalans";

    public static string ResultUrl(Guid patientId, Guid assessmentId) => $"/patienten/{patientId}/onderzoek/{assessmentId}/resultaat";

    public static async Task<Guid> CreateAssessmentAsync(PortalFactory portal, Guid patientId, string therapistEmail, params string[] complaints)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == therapistEmail)).Id;
        var now = DateTimeOffset.UtcNow;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = therapistId,
            Kind = AssessmentKind.Intake,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            ComplaintRegions = [.. complaints],
            ComplaintDescription = "Stijve nek na lange dagen achter het scherm",
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    public static async Task<Guid> CreateNoordAssessmentAsync(PortalFactory portal, params string[] complaints) =>
        await CreateAssessmentAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, complaints.Length == 0 ? ["neck"] : complaints);

    /// <summary>Stores the vignette's ratings directly, as if the form had been saved.</summary>
    public static async Task StoreUpperCrossedAsync(PortalFactory portal, Guid assessmentId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var assessment = await db.Assessments.Include(a => a.Ratings).SingleAsync(a => a.Id == assessmentId);
        foreach (var (muscle, tone, intensity) in UpperCrossedRatings)
        {
            db.Add(new MuscleRatingEntry { AssessmentId = assessmentId, MuscleId = muscle, Tone = tone, Intensity = intensity, Side = Side.Both });
        }
        assessment.Observations = ["forward-head"];
        await db.SaveChangesAsync();
    }

    public static readonly (string Muscle, MuscleTone Tone, int Intensity)[] UpperCrossedRatings =
    [
        ("upper-trapezius", MuscleTone.Overactive, 3),
        ("levator-scapulae", MuscleTone.Overactive, 2),
        ("pectoralis-major", MuscleTone.Overactive, 2),
        ("pectoralis-minor", MuscleTone.Overactive, 2),
        ("deep-neck-flexors", MuscleTone.Underactive, 2),
        ("lower-trapezius", MuscleTone.Underactive, 2),
        ("middle-trapezius", MuscleTone.Underactive, 2),
        ("serratus-anterior", MuscleTone.Underactive, 1),
    ];

    /// <summary>The vignette as form fields, on top of the form's own defaults.</summary>
    public static Dictionary<string, string?> UpperCrossedForm()
    {
        var values = new Dictionary<string, string?>();
        foreach (var (muscle, tone, intensity) in UpperCrossedRatings)
        {
            values[$"Input.Tone[{muscle}]"] = tone.ToString();
            values[$"Input.Intensity[{muscle}]"] = intensity.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        values["Input.Observations"] = "forward-head";
        return values;
    }

    public static async Task<ClinicalAssessment> LoadAsync(PortalFactory portal, Guid assessmentId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments
            .Include(a => a.Ratings).Include(a => a.PatternReviews).AsNoTracking().SingleAsync(a => a.Id == assessmentId);
    }

    /// <summary>Waits until the stored assessment meets the condition, for saves that finish after the page has answered.</summary>
    public static async Task<ClinicalAssessment> StoredAsync(PortalFactory portal, Guid assessmentId, Func<ClinicalAssessment, bool> condition)
    {
        for (var waited = TimeSpan.Zero; ; waited += TimeSpan.FromMilliseconds(100))
        {
            var stored = await LoadAsync(portal, assessmentId);
            if (condition(stored) || waited > TimeSpan.FromSeconds(10))
            {
                return stored;
            }
            await Task.Delay(100);
        }
    }
}
