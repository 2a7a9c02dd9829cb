using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Web.Features.Examination;
using RugcentrumPortal.Web.Features.PlanPrint;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using static RugcentrumPortal.Web.Tests.Examination.ExaminationTestKit;

namespace RugcentrumPortal.Web.Tests.Examination;

/// <summary>
/// A later assessment set against the patient's previous completed one, on its page and on the printed plan. The
/// class has its own database, so "the latest two completed assessments" are the ones arranged here.
/// </summary>
public class ReassessmentTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateTimeOffset March = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static Guid Patient => Baseline.NoordOtherPatientId;

    private async Task<(Guid Earlier, Guid Later)> ArrangeAsync(bool laterCompleted = true)
    {
        var earlier = await SeedAsync(portal, Patient, Baseline.NoordTherapist, March, completed: true, Before, "neck");
        var later = await SeedAsync(portal, Patient, Baseline.NoordTherapist, March.AddDays(42), laterCompleted, After, "neck");
        return (earlier, later);
    }

    private async Task<T> AsTherapistAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Each_muscle_is_compared_per_side_and_a_draft_is_compared_with_the_latest_completed_assessment()
    {
        var (_, later) = await ArrangeAsync(laterCompleted: false);

        var view = (await AsTherapistAsync(s => s.GetRequiredService<ReassessmentService>().CompareAsync(Patient, later, default)))!;

        Assert.Equal(ComparisonGap.None, view.Gap);
        Assert.Equal(March, (await ExaminationTestKit.LoadAsync(portal, view.EarlierId!.Value)).CreatedAt);
        var trends = view.Comparison!.Muscles.ToDictionary(m => (m.Muscle.Id, m.Side), m => m.Trend);
        Assert.Equal(MuscleTrend.Better, trends[("upper-trapezius", Side.Left)]);
        Assert.Equal(MuscleTrend.Worse, trends[("deep-neck-flexors", Side.Both)]);
        Assert.Equal(MuscleTrend.Same, trends[("pectoralis-minor", Side.Both)]);
    }

    [Fact]
    public async Task The_first_assessment_has_nothing_to_compare_with_and_another_practice_finds_nothing()
    {
        var (earlier, later) = await ArrangeAsync();

        var first = (await AsTherapistAsync(s => s.GetRequiredService<ReassessmentService>().CompareAsync(Patient, earlier, default)))!;
        await using var zuid = await portal.Services.ScopeAsAsync(Baseline.ZuidTherapist);

        Assert.Equal(ComparisonGap.NoEarlier, first.Gap);
        Assert.Null(first.Comparison);
        Assert.Null(await zuid.ServiceProvider.GetRequiredService<ReassessmentService>().CompareAsync(Patient, later, default));
        Assert.False(await zuid.ServiceProvider.GetRequiredService<Web.Features.Findings.FindingsService>().HasEarlierAsync(Patient, later, default));
    }

    [Fact]
    public async Task The_comparison_page_shows_better_same_and_worse_per_side_with_the_explanations()
    {
        var (_, later) = await ArrangeAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = workspace.Open<ComparisonPage>(ComparisonUrl(Patient, later).TrimStart('/'), p => p.Add(x => x.PatientId, Patient).Add(x => x.AssessmentId, later));
        page.WaitForElement("#comparison-explanation");

        var trapezius = page.Find("tr[data-muscle=upper-trapezius][data-side=Left]").TextContent;
        Assert.Contains("Beter", trapezius);
        Assert.Contains("Overactief 3", trapezius);
        Assert.Contains("Overactief 1", trapezius);
        Assert.Contains("beter, dichter bij normaal", trapezius);
        Assert.Contains("Slechter", page.Find("tr[data-muscle=deep-neck-flexors]").TextContent);
        Assert.Contains("Gelijk", page.Find("tr[data-muscle=pectoralis-minor]").TextContent);
        Assert.StartsWith("Spieren: 1 beter, 1 gelijk, 1 slechter.", page.Find("#comparison-explanation").TextContent);
    }

    [Fact]
    public async Task The_therapists_printed_plan_shows_progress_between_the_latest_two_completed_assessments_and_the_patients_does_not()
    {
        var may = new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
        await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, may.AddDays(-70), completed: true, After, "neck");
        await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, may, completed: true, Before, "neck");
        await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, may.AddDays(42), completed: true, After, "neck");
        await SeedAsync(portal, Baseline.NoordPatientId, Baseline.NoordTherapist, may.AddDays(50), completed: false, Before, "neck");
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, ["chin-tuck"]);

        var therapist = await AsTherapistAsync(s => s.GetRequiredService<PlanPrintLoader>().LoadAsync(Baseline.NoordPatientId, null, default));
        await using var patientScope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        var patient = await patientScope.ServiceProvider.GetRequiredService<PlanPrintLoader>().LoadAsync(null, null, default);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var printed = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/plan/afdrukken");

        Assert.Equal((new DateOnly(2026, 5, 4), new DateOnly(2026, 6, 15)), (therapist!.Progress!.EarlierOn, therapist.Progress.LaterOn));
        Assert.Null(patient!.Progress);
        var section = printed.Document.QuerySelector(".plan-progress")!.TextContent;
        Assert.Contains("Voortgang", section);
        Assert.Contains("Spierbalans van 15-06-2026 vergeleken met die van 04-05-2026.", section);
        Assert.Contains("Beter: Monnikskapspier, bovenste deel (links).", section);
        Assert.Contains("Slechter: Diepe nekbuigers (o.a. m. longus colli).", section);
    }
}
