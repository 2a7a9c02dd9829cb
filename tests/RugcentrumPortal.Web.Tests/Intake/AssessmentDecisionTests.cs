using System.Net;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;
using static RugcentrumPortal.Web.Tests.Safety.RedFlagCases;

namespace RugcentrumPortal.Web.Tests.Intake;

public class AssessmentDecisionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>The overview of a niet-pluis screening, by default at the urgent-GP tier (night pain with weight loss).</summary>
    private async Task<(PortalClient Client, Page Overview, Guid PatientId, Guid Id)> NietPluisOverviewAsync(Action<ClinicalAssessment>? screening = null)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, screening ?? NietPluis);
        var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        return (client, await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}"), patientId, id);
    }

    [Fact]
    public async Task Niet_pluis_overview_shows_flags_combination_urgency_advice_and_an_open_decision()
    {
        var (client, overview, patientId, _) = await NietPluisOverviewAsync();
        using var _client = client;

        var conclusion = overview.Document.QuerySelector("#conclusion")?.TextContent ?? "";
        Assert.Contains("Urgent: binnen enkele dagen naar de huisarts", conclusion);
        Assert.NotNull(overview.Document.QuerySelector("#conclusion .bi-exclamation-triangle-fill"));
        Assert.Contains("Nachtpijn samen met onverklaard afvallen", overview.Text);
        Assert.Contains("Een behandelplan kan nog niet starten", overview.Text);
        Assert.Contains("Nog geen besluit vastgelegd", overview.Text);
        Assert.Contains("Medische vrijgave nodig", overview.Document.QuerySelector("#required-unlock")?.TextContent);
        Assert.Contains("Nog geen medische vrijgave vastgelegd", overview.Text);
        Assert.NotNull(overview.Document.QuerySelector($"a[href$='/spierbalans']"));
        Assert.NotNull(overview.Document.QuerySelector($"a[href$='/resultaat']"));
        var history = await client.GetPageAsync($"/patienten/{patientId}");
        Assert.Contains("Open besluit", history.Document.QuerySelector(".assessment-history")?.TextContent);
    }

    /// <summary>
    /// An urgent finding (night pain with weight loss) used to be unlocked by a referral; a referral documents the
    /// advice but does not show the serious cause was excluded, so the plan now waits for a medical clearance.
    /// </summary>
    [Fact]
    public async Task A_referral_for_an_urgent_case_is_recorded_but_the_plan_waits_for_a_medical_clearance()
    {
        var (client, overview, patientId, id) = await NietPluisOverviewAsync();
        using var _client = client;

        var page = await client.SubmitAndFollowAsync(overview, DecisionForm, new()
        {
            ["Decision.Kind"] = "verwijzing",
            ["Decision.AdviceGiven"] = "Vandaag huisarts bellen voor een afspraak deze week",
            ["Decision.GpConsent"] = "ja",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Doorverwijzing vastgelegd", page.Document.QuerySelector(".recorded-decision")?.TextContent);
        Assert.Contains("Tom Therapeut", page.Document.QuerySelector(".recorded-decision")?.TextContent);
        Assert.Contains("bij deze urgentie is eerst een medische vrijgave nodig", page.Document.QuerySelector(".plan-status")?.TextContent);
        Assert.Contains("Medische vrijgave nodig", page.Document.QuerySelector("#required-unlock")?.TextContent);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(TherapistDecisionKind.ReferralRecorded, saved.DecisionKind);
        Assert.Equal("Vandaag huisarts bellen voor een afspraak deze week", saved.AdviceGiven);
        Assert.True(saved.GpConsent);
        Assert.NotNull(saved.DecidedAt);
        Assert.True(RugcentrumPortal.Web.Features.Safety.PlanGate.HoldsBack(saved));
        var history = await client.GetPageAsync($"/patienten/{patientId}");
        Assert.Contains("Open besluit", history.Document.QuerySelector(".assessment-history")?.TextContent);
    }

    [Fact]
    public async Task At_the_gp_consultation_tier_a_referral_with_the_patients_consent_lets_the_plan_start()
    {
        var (client, overview, patientId, id) = await NietPluisOverviewAsync(Screened(Urgency.GpConsultation));
        using var _client = client;
        Assert.Contains("Onderbouwd besluit nodig", overview.Document.QuerySelector("#required-unlock")?.TextContent);
        Assert.Null(overview.Document.QuerySelector(ClearanceFormSelector));

        var page = await client.SubmitAndFollowAsync(overview, DecisionForm, new()
        {
            ["Decision.Kind"] = "verwijzing",
            ["Decision.AdviceGiven"] = "Deze week een afspraak bij de huisarts maken",
            ["Decision.GpConsent"] = "ja",
        });

        Assert.Contains("Doorverwijzing vastgelegd", page.Document.QuerySelector(".recorded-decision")?.TextContent);
        Assert.Contains("Een behandelplan mag starten", page.Text);
        Assert.False(RugcentrumPortal.Web.Features.Safety.PlanGate.HoldsBack(await LoadAsync(portal, id)));
        var history = await client.GetPageAsync($"/patienten/{patientId}");
        Assert.DoesNotContain("Open besluit", history.Document.QuerySelector(".assessment-history")?.TextContent);
    }

    [Fact]
    public async Task A_referral_needs_the_advice_and_a_consent_answer()
    {
        var (client, overview, _, id) = await NietPluisOverviewAsync();
        using var _client = client;

        var page = await client.SubmitAndFollowAsync(overview, DecisionForm, new() { ["Decision.Kind"] = "verwijzing", ["Decision.AdviceGiven"] = " " });

        Assert.Contains("Schrijf op welk advies", page.Document.QuerySelector("#advice-given")?.ParentElement?.TextContent);
        Assert.Contains("mag de huisarts worden geïnformeerd", FieldMessages(page, "#gp-consent"));
        Assert.NotNull(page.Document.QuerySelector("#decision-referral")?.GetAttribute("checked"));
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    /// <summary>At the GP-consultation tier, where a reason unlocks the plan; the urgent case is covered below.</summary>
    [Fact]
    public async Task Proceeding_with_a_reason_is_recorded_and_a_later_decision_replaces_it_with_a_new_time()
    {
        var (client, overview, _, id) = await NietPluisOverviewAsync(Screened(Urgency.GpConsultation));
        using var _client = client;

        var page = await client.SubmitAndFollowAsync(overview, DecisionForm, new()
        {
            ["Decision.Kind"] = "behandelen",
            ["Decision.Reason"] = "Huisarts heeft gisteren al onderzocht en geen bijzonderheden gevonden",
        });
        var first = await LoadAsync(portal, id);
        var again = await client.SubmitAndFollowAsync(page, DecisionForm, new()
        {
            ["Decision.Kind"] = "verwijzing",
            ["Decision.AdviceGiven"] = "Toch opnieuw naar de huisarts",
            ["Decision.GpConsent"] = "nee",
        });

        Assert.Equal(TherapistDecisionKind.ProceedWithReason, first.DecisionKind);
        Assert.Equal("Huisarts heeft gisteren al onderzocht en geen bijzonderheden gevonden", first.DecisionReason);
        Assert.Contains("Toch behandelen, met reden", page.Document.QuerySelector(".recorded-decision")?.TextContent);
        Assert.Contains("Een behandelplan mag starten", page.Text);
        var second = await LoadAsync(portal, id);
        Assert.Equal(TherapistDecisionKind.ReferralRecorded, second.DecisionKind);
        Assert.False(second.GpConsent);
        Assert.Null(second.DecisionReason);
        Assert.True(second.DecidedAt > first.DecidedAt);
        Assert.Contains("Toch opnieuw naar de huisarts", again.Document.QuerySelector(".recorded-decision")?.TextContent);
    }

    [Fact]
    public async Task Proceeding_with_a_reason_does_not_let_an_urgent_case_start()
    {
        var (client, overview, _, id) = await NietPluisOverviewAsync();
        using var _client = client;

        var page = await client.SubmitAndFollowAsync(overview, DecisionForm, new()
        {
            ["Decision.Kind"] = "behandelen",
            ["Decision.Reason"] = "Huisarts heeft gisteren al onderzocht en geen bijzonderheden gevonden",
        });

        Assert.Contains("Toch behandelen, met reden", page.Document.QuerySelector(".recorded-decision")?.TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", page.Document.QuerySelector(".plan-status")?.TextContent);
        Assert.True(RugcentrumPortal.Web.Features.Safety.PlanGate.HoldsBack(await LoadAsync(portal, id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("omdat")]
    public async Task Proceeding_without_a_real_reason_is_refused(string reason)
    {
        var (client, overview, _, id) = await NietPluisOverviewAsync();
        using var _client = client;

        var page = await client.SubmitAndFollowAsync(overview, DecisionForm, new() { ["Decision.Kind"] = "behandelen", ["Decision.Reason"] = reason });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Geef een reden van minstens 10 tekens", page.Document.QuerySelector("#decision-reason")?.ParentElement?.TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", page.Text);
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    [Fact]
    public async Task A_decision_without_a_choice_or_with_an_unknown_choice_gets_a_message()
    {
        var (client, overview, _, id) = await NietPluisOverviewAsync();
        using var _client = client;

        var none = await client.SubmitAndFollowAsync(overview, DecisionForm, new() { ["Decision.Reason"] = "Een lange genoeg reden hier" });
        var unknown = await client.SubmitAndFollowAsync(overview, DecisionForm, new() { ["Decision.Kind"] = "wegsturen", ["Decision.GpConsent"] = "misschien" });

        Assert.Contains("Kies wat u heeft besloten", FieldMessages(none, "#decision-kind"));
        Assert.Equal("Een lange genoeg reden hier", none.Document.QuerySelector("#decision-reason")?.TextContent);
        Assert.Contains("Kies wat u heeft besloten", FieldMessages(unknown, "#decision-kind"));
        Assert.Contains("mag de huisarts worden geïnformeerd", FieldMessages(unknown, "#gp-consent"));
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    [Fact]
    public async Task Screening_again_with_other_findings_reopens_the_decision()
    {
        var (client, overview, patientId, id) = await NietPluisOverviewAsync();
        using var _client = client;
        await client.SubmitAndFollowAsync(overview, DecisionForm, new() { ["Decision.Kind"] = "behandelen", ["Decision.Reason"] = "Bekend bij de huisarts, stabiel beeld" });
        var form = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}/intake");

        var page = await client.SubmitAndFollowAsync(form, IntakeForm, AllNo("night-pain", "weight-loss", "saddle-numbness"), "Input.Action", "screen");

        Assert.NotNull(page.Document.QuerySelector("#conclusion[role=alert]"));
        Assert.Contains("Nog geen besluit vastgelegd", page.Text);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(Urgency.Emergency, saved.HighestUrgency);
        Assert.Null(saved.DecisionKind);
    }

    [Fact]
    public async Task A_pluis_overview_has_no_decision_form_and_the_plan_may_start()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a =>
        {
            a.RedFlagsAbsent = [.. AskedItemIds];
            a.AgeAtOnset = 40;
            a.Conclusion = ScreeningConclusion.Pluis;
            a.HighestUrgency = Urgency.None;
            a.ScreenedAt = DateTimeOffset.UtcNow;
            a.YellowFlags = ["persistent-stress"];
        });
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}");

        Assert.Null(page.Document.QuerySelector(DecisionForm));
        Assert.Contains("Pluis", page.Document.QuerySelector("#conclusion")?.TextContent);
        Assert.Contains("Een behandelplan mag starten", page.Text);
        Assert.Contains("Langdurige stress", page.Text);
        Assert.Contains("modules voor stressregulatie", page.Text);
    }
}
