using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>Shared steps for the intake tests: start an assessment through the pages, or seed one straight into the database.</summary>
internal static class IntakeTestKit
{
    public const string StartForm = "form[method=post]:has(input[name='Input.Kind'])";
    public const string IntakeForm = "form[method=post]:has(#complaint-description)";
    public const string DecisionForm = "form[method=post]:has(input[name='Decision.Kind'])";

    public static IEnumerable<string> AskedItemIds => ClinicalCatalog.Default.RedFlags.Where(r => r.IsAsked).Select(r => r.Id);

    public static Dictionary<string, string?> AllNo(params string[] yes) =>
        AskedItemIds.ToDictionary(id => $"Input.Answers[{id}]", id => (string?)(yes.Contains(id) ? "ja" : "nee"));

    public static async Task<(Page Form, Guid AssessmentId)> StartAsync(PortalClient client, Guid patientId, string kind = "Intake")
    {
        var start = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/nieuw");
        var form = await client.SubmitAndFollowAsync(start, StartForm, new() { ["Input.Kind"] = kind });
        var segments = form.Url.AbsolutePath.Split('/');
        Assert.Equal("intake", segments[^1]);
        return (form, Guid.Parse(segments[^2]));
    }

    public static async Task<ClinicalAssessment> LoadAsync(PortalFactory portal, Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    public static async Task<List<ClinicalAssessment>> ForPatientAsync(PortalFactory portal, Guid patientId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Assessments.AsNoTracking()
            .Where(a => a.PatientId == patientId).OrderBy(a => a.CreatedAt).ToListAsync();
    }

    public static async Task<Guid> SeedAsync(PortalFactory portal, Guid patientId, string therapistEmail, Action<ClinicalAssessment>? change = null)
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
            ComplaintDescription = "Zaadje van de test",
        };
        change?.Invoke(assessment);
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>A screened niet-pluis assessment (night pain and weight loss), with no decision yet.</summary>
    public static void NietPluis(ClinicalAssessment a)
    {
        a.RedFlagsPresent = ["night-pain", "weight-loss"];
        a.RedFlagsAbsent = [.. AskedItemIds.Except(a.RedFlagsPresent)];
        a.AgeAtOnset = 40;
        a.Conclusion = Clinical.Screening.ScreeningConclusion.NietPluis;
        a.HighestUrgency = Clinical.Screening.Urgency.UrgentGp;
        a.FlagsFound = ["night-pain", "weight-loss"];
        a.ScreenedAt = DateTimeOffset.UtcNow;
    }

    public static string FieldMessages(Page page, string containerSelector) =>
        string.Join(" | ", page.Document.QuerySelector(containerSelector)?.QuerySelectorAll(".validation-message").Select(m => m.TextContent) ?? []);
}
