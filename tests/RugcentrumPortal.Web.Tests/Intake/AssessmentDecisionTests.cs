using Bunit;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Features.Safety;
using RugcentrumPortal.Web.Tests.Components;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;
using static RugcentrumPortal.Web.Tests.Safety.RedFlagCases;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>The live assessment overview after a niet-pluis screening: what the case needs, and recording the decision.</summary>
public class AssessmentDecisionTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>A niet-pluis screening, by default at the urgent-GP tier (night pain with weight loss).</summary>
    private async Task<(Guid PatientId, Guid Id)> NietPluisAsync(Action<ClinicalAssessment>? screening = null)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        return (patientId, await SeedAsync(portal, patientId, Baseline.NoordTherapist, screening ?? NietPluis));
    }

    private static async Task Decide(IRenderedComponent<AssessmentOverview> page, string kind, string? advice = null, string? consent = null, string? reason = null)
    {
        if (kind.Length > 0)
        {
            await page.On(kind == DecisionInput.Referral ? "#decision-referral" : "#decision-proceed", e => e.Click());
        }
        if (advice is not null)
        {
            await page.On("#advice-given", e => e.Change(advice));
        }
        if (consent is not null)
        {
            await page.On(consent == IntakeInput.Yes ? "#consent-yes" : "#consent-no", e => e.Click());
        }
        if (reason is not null)
        {
            await page.On("#decision-reason", e => e.Change(reason));
        }
        await page.On("section.decision form", e => e.Submit());
    }

    private static IRenderedComponent<AssessmentHistory> History(WorkspaceContext workspace, Guid patientId)
    {
        var history = workspace.Render<AssessmentHistory>(p => p.Add(x => x.PatientId, patientId));
        history.WaitForElement(".assessment-history");
        return history;
    }

    [Fact]
    public async Task An_urgent_case_says_it_needs_a_medical_clearance_puts_that_form_first_and_the_history_says_so_too()
    {
        var (patientId, id) = await NietPluisAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var page = workspace.OpenOverview(patientId, id);

        Assert.Contains("Urgent: binnen enkele dagen naar de huisarts", page.Find("#conclusion").TextContent);
        Assert.NotNull(page.Find("#conclusion .urgency-urgent-icon"));
        Assert.Contains("Nachtpijn samen met onverklaard afvallen", page.Markup);
        Assert.Contains("Een behandelplan kan nog niet starten", page.Find(".plan-status").TextContent);
        Assert.Contains("Nog geen besluit vastgelegd", page.Markup);
        var needed = page.Find("#required-unlock").TextContent;
        Assert.Contains("Medische vrijgave nodig", needed);
        Assert.Contains("Nodig voor een behandelplan: medische vrijgave", needed);
        Assert.Contains("Een verwijzing of een reden alleen is niet genoeg", needed);
        Assert.Contains("Naar de medische vrijgave", needed);
        Assert.Contains("Nog geen medische vrijgave vastgelegd", page.Markup);
        Assert.True(page.Markup.IndexOf("id=\"clearance-heading\"", StringComparison.Ordinal) < page.Markup.IndexOf("id=\"decision-heading\"", StringComparison.Ordinal));
        Assert.Contains("kan daarmee nog niet starten", page.Find("#decision-not-enough").TextContent);
        Assert.NotNull(page.Find("a[href$='/spierbalans']"));
        Assert.NotNull(page.Find("a[href$='/resultaat']"));
        var row = History(workspace, patientId).Find(".assessment-history tbody tr");
        Assert.Contains("Medische vrijgave nodig", row.TextContent);
        Assert.DoesNotContain("Open besluit", row.TextContent);
    }

    /// <summary>
    /// An urgent finding (night pain with weight loss) used to be unlocked by a referral; a referral documents the
    /// advice but does not show the serious cause was excluded, so the plan waits for a medical clearance. The history
    /// on the patient page used to call this an open decision; it names the clearance it waits for.
    /// </summary>
    [Fact]
    public async Task A_referral_for_an_urgent_case_is_recorded_but_the_plan_and_the_history_wait_for_a_medical_clearance()
    {
        var (patientId, id) = await NietPluisAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);

        await Decide(page, DecisionInput.Referral, "Vandaag huisarts bellen voor een afspraak deze week", IntakeInput.Yes);

        page.WaitForElement(".recorded-decision");
        Assert.Contains("Doorverwijzing vastgelegd", page.Find(".recorded-decision").TextContent);
        Assert.Contains("Tom Therapeut", page.Find(".recorded-decision").TextContent);
        Assert.Contains("bij deze urgentie is eerst een medische vrijgave nodig", page.Find(".plan-status").TextContent);
        Assert.Contains("Medische vrijgave nodig", page.Find("#required-unlock").TextContent);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(TherapistDecisionKind.ReferralRecorded, saved.DecisionKind);
        Assert.Equal("Vandaag huisarts bellen voor een afspraak deze week", saved.AdviceGiven);
        Assert.True(saved.GpConsent);
        Assert.NotNull(saved.DecidedAt);
        Assert.True(PlanGate.HoldsBack(saved));
        var row = History(workspace, patientId).Find(".assessment-history tbody tr").TextContent;
        Assert.Contains("Medische vrijgave nodig", row);
        Assert.DoesNotContain("Open besluit", row);
    }

    [Fact]
    public async Task At_the_gp_consultation_tier_a_referral_with_the_patients_consent_lets_the_plan_start()
    {
        var (patientId, id) = await NietPluisAsync(Screened(Urgency.GpConsultation));
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);
        Assert.Contains("Onderbouwd besluit nodig", page.Find("#required-unlock").TextContent);
        Assert.Contains("Nodig voor een behandelplan: een onderbouwd besluit", page.Find("#required-unlock").TextContent);
        Assert.Contains("Naar het besluit", page.Find("#required-unlock").TextContent);
        Assert.Empty(page.FindAll("#cleared-by"));
        Assert.Contains("Open besluit", History(workspace, patientId).Find(".assessment-history").TextContent);

        await Decide(page, DecisionInput.Referral, "Deze week een afspraak bij de huisarts maken", IntakeInput.Yes);

        page.WaitForElement(".recorded-decision");
        Assert.Contains("Doorverwijzing vastgelegd", page.Find(".recorded-decision").TextContent);
        Assert.Contains("Een behandelplan mag starten", page.Find(".plan-status").TextContent);
        Assert.Contains("Vastgelegd: het besluit staat hieronder", page.Find("#required-unlock").TextContent);
        Assert.False(PlanGate.HoldsBack(await LoadAsync(portal, id)));
        var history = History(workspace, patientId).Find(".assessment-history").TextContent;
        Assert.DoesNotContain("Open besluit", history);
        Assert.DoesNotContain("Medische vrijgave nodig", history);
    }

    [Fact]
    public async Task A_referral_needs_the_advice_and_a_consent_answer()
    {
        var (patientId, id) = await NietPluisAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);

        await Decide(page, DecisionInput.Referral, " ");

        page.WaitForAssertion(() =>
        {
            Assert.Contains("Schrijf op welk advies", page.AroundInput("advice-given"));
            Assert.Contains("mag de huisarts worden geïnformeerd", page.FieldMessages("#gp-consent"));
        });
        Assert.NotNull(page.Find("#decision-referral").GetAttribute("checked"));
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    /// <summary>At the GP-consultation tier, where a reason unlocks the plan; the urgent case is covered below.</summary>
    [Fact]
    public async Task Proceeding_with_a_reason_is_recorded_and_a_later_decision_replaces_it_with_a_new_time()
    {
        var (patientId, id) = await NietPluisAsync(Screened(Urgency.GpConsultation));
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);

        await Decide(page, DecisionInput.Proceed, reason: "Huisarts heeft gisteren al onderzocht en geen bijzonderheden gevonden");
        page.WaitForElement(".recorded-decision");
        var first = await LoadAsync(portal, id);
        Assert.Contains("Toch behandelen, met reden", page.Find(".recorded-decision").TextContent);
        Assert.Contains("Een behandelplan mag starten", page.Find(".plan-status").TextContent);
        Assert.Equal("", page.Find("#decision-reason").TextContent);

        await Decide(page, DecisionInput.Referral, "Toch opnieuw naar de huisarts", IntakeInput.No);

        page.WaitForAssertion(() => Assert.Contains("Toch opnieuw naar de huisarts", page.Find(".recorded-decision").TextContent));
        Assert.Equal(TherapistDecisionKind.ProceedWithReason, first.DecisionKind);
        Assert.Equal("Huisarts heeft gisteren al onderzocht en geen bijzonderheden gevonden", first.DecisionReason);
        var second = await LoadAsync(portal, id);
        Assert.Equal(TherapistDecisionKind.ReferralRecorded, second.DecisionKind);
        Assert.False(second.GpConsent);
        Assert.Null(second.DecisionReason);
        Assert.True(second.DecidedAt > first.DecidedAt);
    }

    [Fact]
    public async Task Proceeding_with_a_reason_does_not_let_an_urgent_case_start()
    {
        var (patientId, id) = await NietPluisAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);

        await Decide(page, DecisionInput.Proceed, reason: "Huisarts heeft gisteren al onderzocht en geen bijzonderheden gevonden");

        page.WaitForElement(".recorded-decision");
        Assert.Contains("Toch behandelen, met reden", page.Find(".recorded-decision").TextContent);
        Assert.Contains("Een behandelplan kan nog niet starten", page.Find(".plan-status").TextContent);
        Assert.Contains("Nog geen medische vrijgave vastgelegd", page.Markup);
        Assert.True(PlanGate.HoldsBack(await LoadAsync(portal, id)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("omdat")]
    public async Task Proceeding_without_a_real_reason_is_refused(string reason)
    {
        var (patientId, id) = await NietPluisAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);

        await Decide(page, DecisionInput.Proceed, reason: reason);

        page.WaitForAssertion(() => Assert.Contains("Geef een reden van minstens 10 tekens", page.AroundInput("decision-reason")));
        Assert.Contains("Een behandelplan kan nog niet starten", page.Find(".plan-status").TextContent);
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    [Fact]
    public async Task A_decision_without_a_choice_gets_a_message_and_keeps_the_reason_typed()
    {
        var (patientId, id) = await NietPluisAsync();
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var page = workspace.OpenOverview(patientId, id);

        await Decide(page, "", reason: "Een lange genoeg reden hier");

        page.WaitForAssertion(() => Assert.Contains("Kies wat u heeft besloten", page.FieldMessages("#decision-kind")));
        Assert.Equal("Een lange genoeg reden hier", page.Find("#decision-reason").TextContent);
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    [Fact]
    public async Task Screening_again_with_other_findings_reopens_the_decision()
    {
        var (patientId, id) = await NietPluisAsync();
        await portal.DecideAsync(Baseline.NoordTherapist, patientId, id, new() { Kind = DecisionInput.Proceed, Reason = "Bekend bij de huisarts, stabiel beeld" });
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");
        var form = workspace.OpenIntake(patientId, id);

        await form.Answer("saddle-numbness", yes: true);
        await form.CompleteScreening();

        form.WaitForAssertion(() => Assert.EndsWith($"/onderzoek/{id}", workspace.Uri()));
        var page = workspace.OpenOverview(patientId, id);
        Assert.NotNull(page.Find("#conclusion[role=alert]"));
        Assert.Contains("Nog geen besluit vastgelegd", page.Markup);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(Urgency.Emergency, saved.HighestUrgency);
        Assert.Null(saved.DecisionKind);
    }

    [Fact]
    public async Task A_pluis_overview_has_no_decision_form_and_the_next_step_is_the_muscle_balance()
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
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var page = workspace.OpenOverview(patientId, id);

        Assert.Empty(page.FindAll("#decision-kind"));
        Assert.Empty(page.FindAll("#required-unlock"));
        Assert.Contains("Pluis", page.Find("#conclusion").TextContent);
        Assert.Contains("Een behandelplan mag starten", page.Find(".plan-status").TextContent);
        Assert.Contains("Langdurige stress", page.Markup);
        Assert.Contains("modules voor stressregulatie", page.Markup);
        var next = page.Find("#next-step");
        Assert.Contains("Beoordeel nu de spierbalans", next.TextContent);
        Assert.Equal($"patienten/{patientId}/onderzoek/{id}/spierbalans", next.QuerySelector("a.mud-button-filled")?.GetAttribute("href"));
    }

    [Fact]
    public async Task Once_the_assessment_is_complete_the_next_step_is_the_plan()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, Screened(Urgency.None).Then(a => a.Status = AssessmentStatus.Completed));
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var next = workspace.OpenOverview(patientId, id).Find("#next-step");

        Assert.Contains("De volgende stap is het behandelplan", next.TextContent);
        var primary = next.QuerySelector("a.mud-button-filled")!;
        Assert.Equal($"patienten/{patientId}/plan", primary.GetAttribute("href"));
        Assert.Contains("Naar het behandelplan", primary.TextContent);
        Assert.Contains("Intake bekijken", next.TextContent);
    }

    [Fact]
    public async Task Before_the_screening_the_next_step_is_the_intake()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        IntakeTestKit.SpeakAs("nl");

        var page = workspace.OpenOverview(patientId, id);

        Assert.Equal($"patienten/{patientId}/onderzoek/{id}/intake", page.Find("#next-step a.mud-button-filled").GetAttribute("href"));
        Assert.Contains("De screening is nog niet afgerond", page.Markup);
        Assert.Empty(page.FindAll(".plan-status"));
    }
}
