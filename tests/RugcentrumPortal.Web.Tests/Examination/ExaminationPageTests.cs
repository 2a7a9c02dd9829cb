using Bunit;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Web.Features.Examination;
using RugcentrumPortal.Web.Features.Findings;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Tests.Balance;
using RugcentrumPortal.Web.Tests.Components;
using RugcentrumPortal.Web.Tests.Intake;
using static RugcentrumPortal.Web.Tests.Examination.ExaminationTestKit;

namespace RugcentrumPortal.Web.Tests.Examination;

/// <summary>The live examination page over the real portal: choosing, saving, the messages and what the database holds.</summary>
public class ExaminationPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Guid Patient => Baseline.NoordPatientId;

    private static IRenderedComponent<ExaminationPage> OpenPage(WorkspaceContext workspace, Guid id)
    {
        var page = workspace.Open<ExaminationPage>(PageUrl(Patient, id).TrimStart('/'), p => p.Add(x => x.PatientId, Patient).Add(x => x.AssessmentId, id));
        page.WaitForElement("#movement-save");
        return page;
    }

    private static Task Choose(IRenderedComponent<ExaminationPage> page, string id) =>
        page.On($"#{id}", e => e.Change(e.GetAttribute("value") ?? ""));

    private static Task Save(IRenderedComponent<ExaminationPage> page, string section) => page.On($"#{section} form", e => e.Submit());

    [Fact]
    public async Task Movement_tests_graded_per_side_are_saved_and_shown_in_the_summary()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = OpenPage(workspace, id);

        await Choose(page, "m-push-up-left-deviating");
        await page.On("#m-push-up-left-push-up-scapular-winging", e => e.Change(true));
        await Choose(page, "m-push-up-right-normal");
        await Choose(page, "m-curl-up-both-normal");
        await Save(page, "movement");

        page.WaitForAssertion(() => Assert.Equal("Opgeslagen.", page.Find("#movement-status").TextContent));
        var stored = await LoadAsync(portal, id);
        Assert.Equal(
            [("curl-up", Side.Both, MovementGrade.Normal), ("push-up", Side.Left, MovementGrade.Deviating), ("push-up", Side.Right, MovementGrade.Normal)],
            stored.MovementTests.Select(t => (t.TestId, t.Side, t.Grade)).OrderBy(t => t.TestId).ThenBy(t => t.Side));
        Assert.Equal(["push-up-scapular-winging"], stored.MovementTests.Single(t => t.Side == Side.Left).FindingIds);
        page.WaitForAssertion(() => Assert.Contains("Opdrukken (links): Schouderblad komt los van de ribben", page.Find(".summary-movement").TextContent));
    }

    [Fact]
    public async Task A_deviation_without_what_was_seen_is_refused_with_its_message_the_choice_stays_and_nothing_is_saved()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = OpenPage(workspace, id);

        await Choose(page, "m-curl-up-both-normal");
        await Choose(page, "m-push-up-right-deviating");
        await Save(page, "movement");

        page.WaitForAssertion(() => Assert.Equal("Niet opgeslagen: verbeter wat hieronder is aangegeven.", page.Find("#movement-status").TextContent));
        Assert.Equal("Opdrukken: kies welke afwijking u zag.", page.Find("#m-push-up-right-error").TextContent.Trim());
        Assert.True(page.Find("#m-push-up-right-deviating").HasAttribute("checked"));
        Assert.Empty((await LoadAsync(portal, id)).MovementTests);
    }

    [Fact]
    public async Task The_nijmegen_questionnaire_is_scored_live_and_saved_with_the_breathing()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = OpenPage(workspace, id);

        await Choose(page, "breathing-pattern-abdominal");
        for (var item = 1; item <= 15; item++)
        {
            await Choose(page, $"nijmegen-{item}-2");
        }
        Assert.Contains("15 van 16 vragen beantwoord", page.Find("#nijmegen-score").TextContent);
        await Choose(page, "nijmegen-16-0");

        page.WaitForAssertion(() => Assert.Contains("30 / 64", page.Find("#nijmegen-score").TextContent));
        Assert.Contains("vanaf 23 wijst dit op een disfunctioneel ademhalingspatroon", page.Find("#nijmegen-score").TextContent);
        await Save(page, "breathing");
        page.WaitForAssertion(() => Assert.Equal("Opgeslagen.", page.Find("#breathing-status").TextContent));
        var record = (await LoadAsync(portal, id)).Examination!;
        Assert.Equal(BreathingPattern.Abdominal, record.BreathingPattern);
        Assert.Equal(30, record.NijmegenItems!.Sum());
    }

    [Fact]
    public async Task An_impossible_breathing_rate_is_refused_beside_the_field_and_the_typed_value_stays()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = OpenPage(workspace, id);

        await Choose(page, "breathing-pattern-chest");
        await page.On("#breathing-rate", e => e.Input("95"));
        await Save(page, "breathing");

        page.WaitForAssertion(() => Assert.Contains("Een ademfrequentie in rust ligt tussen 4 en 60 per minuut.", page.AroundInput("breathing-rate")));
        Assert.Equal("95", page.Find("#breathing-rate").GetAttribute("value"));
        Assert.Null((await LoadAsync(portal, id)).Examination);
    }

    [Fact]
    public async Task Where_the_complaints_point_to_nerve_roots_the_neurological_part_comes_first_with_the_reason()
    {
        var indicated = await BalanceTestData.CreateNoordAssessmentAsync(portal, "low-back", "calf:right");
        var neck = await BalanceTestData.CreateNoordAssessmentAsync(portal, "neck");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = OpenPage(workspace, indicated);
        Assert.Contains("Klachten in de onderrug én in het been", page.Find("#neuro-indicated").TextContent);
        var sections = page.FindAll("section[id]").Select(s => s.Id).ToList();
        Assert.True(sections.IndexOf("neuro") < sections.IndexOf("movement"));

        await Choose(page, "neuro-left-straightlegraise-abnormal");
        await Choose(page, "neuro-right-reflexes-normal");
        await Save(page, "neuro");
        page.WaitForAssertion(() => Assert.Equal("Opgeslagen.", page.Find("#neuro-status").TextContent));
        var record = (await LoadAsync(portal, indicated)).Examination!;
        Assert.Equal((NeuroFinding.Abnormal, ReflexFinding.Normal, NeuroFinding.NotTested), (record.LeftStraightLegRaise, record.RightReflexes, record.LeftSlump));

        var other = OpenPage(workspace, neck);
        Assert.Empty(other.FindAll("#neuro-indicated"));
        Assert.Contains("De screening wijst niet op een neurologisch onderzoek", other.Find("#neuro-not-indicated").TextContent);
    }

    [Fact]
    public async Task In_english_the_page_and_its_messages_are_english()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, "en");
        var page = OpenPage(workspace, id);

        await Choose(page, "posture-shift-left");

        Assert.Contains("Physical examination", page.Find("h1").TextContent);
        await Save(page, "posture");
        page.WaitForAssertion(() => Assert.Equal("Saved.", page.Find("#posture-status").TextContent));
        page.WaitForAssertion(() => Assert.Contains("Trunk and pelvis: trunk shifted to the left of the pelvis.", page.Find(".summary-posture").TextContent));
    }

    [Fact]
    public async Task A_completed_assessment_is_shown_to_read_without_save_buttons()
    {
        var id = await SeedAsync(portal, Patient, Baseline.NoordTherapist, DateTimeOffset.UtcNow, completed: true, After);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = workspace.Open<ExaminationPage>(PageUrl(Patient, id).TrimStart('/'), p => p.Add(x => x.PatientId, Patient).Add(x => x.AssessmentId, id));
        page.WaitForElement("#exam-completed");

        Assert.Empty(page.FindAll("button[type=submit]"));
        Assert.True(page.Find("#m-push-up-left-normal").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_assessment_overview_shows_the_examination_in_short()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        await using (var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            var service = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<ExaminationService>(scope.ServiceProvider);
            Assert.Equal(CommandStatus.Done, (await service.SavePostureAsync(Patient, id, new PostureInput { HighPelvisSide = "Right", Sagittal = "FlatBack" }, default)).Status);
        }
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var overview = workspace.OpenOverview(Patient, id);

        overview.WaitForAssertion(() => Assert.Contains("bekken staat rechts hoger; platte onderrug", overview.Find(".summary-posture").TextContent));
        Assert.EndsWith("/lichamelijk-onderzoek", overview.Find("#exam-summary-open").GetAttribute("href"));
    }
}
