using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Examination;

/// <summary>Assessments for the examination and comparison tests, stored as the pages would leave them.</summary>
internal static class ExaminationTestKit
{
    public static string PageUrl(Guid patientId, Guid id) => $"/patienten/{patientId}/onderzoek/{id}/lichamelijk-onderzoek";

    public static string ComparisonUrl(Guid patientId, Guid id) => $"/patienten/{patientId}/onderzoek/{id}/vergelijking";

    /// <summary>An assessment with its ratings, created at the given moment; completed when asked.</summary>
    public static async Task<Guid> SeedAsync(PortalFactory portal, Guid patientId, string therapistEmail, DateTimeOffset createdAt, bool completed,
        IEnumerable<(string Muscle, MuscleTone Tone, int Intensity, Side Side)> ratings, params string[] complaints)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = (await db.Users.SingleAsync(u => u.Email == therapistEmail)).Id;
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId,
            TherapistId = therapistId,
            Kind = AssessmentKind.Reassessment,
            Status = completed ? AssessmentStatus.Completed : AssessmentStatus.Draft,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            CompletedAt = completed ? createdAt : null,
            ComplaintRegions = [.. complaints],
            Ratings = [.. ratings.Select(r => new MuscleRatingEntry { MuscleId = r.Muscle, Tone = r.Tone, Intensity = r.Intensity, Side = r.Side })],
        };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    public static async Task<ClinicalAssessment> LoadAsync(PortalFactory portal, Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.AsNoTracking()
            .Include(a => a.MovementTests).Include(a => a.Examination).AsSplitQuery().SingleAsync(a => a.Id == id);
    }

    /// <summary>Before: a marked upper trapezius on the left, weak deep neck flexors. After: the trapezius eased, the flexors weaker.</summary>
    public static readonly (string, MuscleTone, int, Side)[] Before =
    [
        ("upper-trapezius", MuscleTone.Overactive, 3, Side.Left),
        ("deep-neck-flexors", MuscleTone.Underactive, 1, Side.Both),
        ("pectoralis-minor", MuscleTone.Overactive, 2, Side.Both),
    ];

    public static readonly (string, MuscleTone, int, Side)[] After =
    [
        ("upper-trapezius", MuscleTone.Overactive, 1, Side.Left),
        ("deep-neck-flexors", MuscleTone.Underactive, 3, Side.Both),
        ("pectoralis-minor", MuscleTone.Overactive, 2, Side.Both),
    ];
}
