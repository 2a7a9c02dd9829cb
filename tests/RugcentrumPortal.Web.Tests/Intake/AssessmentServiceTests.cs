using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Features.Safety;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>The intake feature's services, called directly as the signed-in therapist, against the real database.</summary>
public class AssessmentServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static IntakeInput Answered(string action, params string[] yes) => new()
    {
        Action = action,
        ComplaintRegions = ["low-back"],
        ComplaintDescription = "Pijn onderrug bij tillen",
        AgeAtOnset = 40,
        Answers = AskedItemIds.ToDictionary(id => id, id => yes.Contains(id) ? IntakeInput.Yes : IntakeInput.No),
    };

    private async Task<(AsyncServiceScope Scope, AssessmentService Assessments, IntakeService Intake)> AsAsync(string email)
    {
        var scope = await portal.Services.ScopeAsAsync(email);
        return (scope, scope.ServiceProvider.GetRequiredService<AssessmentService>(), scope.ServiceProvider.GetRequiredService<IntakeService>());
    }

    [Fact]
    public async Task Starting_an_intake_makes_a_draft_and_a_reassessment_copies_the_latest_complaint()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (scope, assessments, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        var before = await assessments.GetStartAsync(patientId, None);
        var first = await assessments.StartAsync(patientId, nameof(AssessmentKind.Intake), None);
        await intake.SaveAsync(patientId, first.Id!.Value, Answered(IntakeInput.SaveDraft), false, None);
        var after = await assessments.GetStartAsync(patientId, None);
        var second = await assessments.StartAsync(patientId, nameof(AssessmentKind.Reassessment), None);

        Assert.Equal("Ineke Intake", before!.PatientName);
        Assert.Equal(AssessmentKind.Intake, before.SuggestedKind);
        Assert.Equal(AssessmentKind.Reassessment, after!.SuggestedKind);
        Assert.Equal(CommandStatus.Done, first.Status);
        var stored = await LoadAsync(portal, first.Id.Value);
        Assert.Equal(AssessmentStatus.Draft, stored.Status);
        Assert.Equal(AssessmentKind.Intake, stored.Kind);
        var copy = await LoadAsync(portal, second.Id!.Value);
        Assert.Equal(AssessmentKind.Reassessment, copy.Kind);
        Assert.Equal("Pijn onderrug bij tillen", copy.ComplaintDescription);
        Assert.Equal(["low-back"], copy.ComplaintRegions);
        Assert.Empty(copy.RedFlagsAbsent);
        var history = await assessments.HistoryAsync(patientId, None);
        Assert.Equal([second.Id.Value, first.Id.Value], history.Select(r => r.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1")]
    [InlineData("Onderzoek")]
    public async Task Starting_with_an_unknown_kind_gives_a_field_error_and_starts_nothing(string? kind)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var (scope, assessments, _) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var result = await assessments.StartAsync(patientId, kind, None);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(nameof(StartInput.Kind), Assert.Single(result.Errors).Field);
        Assert.Empty(await ForPatientAsync(portal, patientId));
    }

    [Fact]
    public async Task A_draft_keeps_the_answers_without_recording_a_conclusion()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        var (scope, _, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;
        var input = Answered(IntakeInput.SaveDraft, "night-pain");
        input.Answers.Remove("fever-illness");
        input.YellowFlags = ["persistent-stress"];

        var result = await intake.SaveAsync(patientId, id, input, false, None);

        Assert.Equal(CommandStatus.Done, result.Status);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(["night-pain"], saved.RedFlagsPresent);
        Assert.DoesNotContain("fever-illness", saved.RedFlagsAbsent);
        Assert.Equal(["persistent-stress"], saved.YellowFlags);
        Assert.Null(saved.Conclusion);
        Assert.Null(saved.ScreenedAt);
        var view = await intake.GetAsync(patientId, id, None);
        Assert.Equal(IntakeInput.Yes, view!.Stored.Answers["night-pain"]);
    }

    [Fact]
    public async Task Completing_the_screening_without_red_flags_records_pluis_and_the_plan_may_start()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        var (scope, assessments, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var result = await intake.SaveAsync(patientId, id, Answered(IntakeInput.CompleteScreening), false, None);

        Assert.Equal(CommandStatus.Done, result.Status);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.Pluis, saved.Conclusion);
        Assert.Empty(saved.FlagsFound);
        Assert.NotNull(saved.ScreenedAt);
        var overview = await assessments.GetOverviewAsync(patientId, id, None);
        Assert.Equal(ScreeningConclusion.Pluis, overview!.Conclusion);
        Assert.NotNull(overview.Replay);
        Assert.True(overview.PlanMayStart);
    }

    [Fact]
    public async Task Completing_the_screening_with_red_flags_records_niet_pluis_and_holds_the_plan_back()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        var (scope, assessments, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var result = await intake.SaveAsync(patientId, id, Answered(IntakeInput.CompleteScreening, "night-pain", "weight-loss"), false, None);

        Assert.Equal(CommandStatus.Done, result.Status);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(ScreeningConclusion.NietPluis, saved.Conclusion);
        Assert.Equal(Urgency.UrgentGp, saved.HighestUrgency);
        Assert.Equal(["night-pain", "weight-loss"], saved.FlagsFound.Order());
        Assert.True(PlanGate.HoldsBack(saved));
        var overview = await assessments.GetOverviewAsync(patientId, id, None);
        Assert.False(overview!.PlanMayStart);
        Assert.Null(overview.DecisionKind);
        Assert.Contains((await assessments.HistoryAsync(patientId, None)), r => r.Id == id && r.DecisionOpen);
    }

    /// <summary>At the GP-consultation tier; an urgent finding needs a medical clearance (MedicalClearanceTests).</summary>
    [Fact]
    public async Task A_referral_with_the_patients_consent_is_recorded_and_opens_the_gate_at_the_gp_consultation_tier()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => { NietPluis(a); a.HighestUrgency = Urgency.GpConsultation; });
        var (scope, assessments, _) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var result = await assessments.RecordDecisionAsync(patientId, id, new DecisionInput
        {
            Kind = DecisionInput.Referral,
            AdviceGiven = "  Vandaag de huisarts bellen  ",
            GpConsent = IntakeInput.Yes,
        }, None);

        Assert.Equal(CommandStatus.Done, result.Status);
        var saved = await LoadAsync(portal, id);
        Assert.Equal(TherapistDecisionKind.ReferralRecorded, saved.DecisionKind);
        Assert.Equal("Vandaag de huisarts bellen", saved.AdviceGiven);
        Assert.True(saved.GpConsent);
        Assert.NotNull(saved.DecidedById);
        var overview = await assessments.GetOverviewAsync(patientId, id, None);
        Assert.True(overview!.PlanMayStart);
        Assert.Equal("Tom Therapeut", overview.DecidedBy);
        Assert.DoesNotContain(await assessments.HistoryAsync(patientId, None), r => r.DecisionOpen);
        await using var arrange = portal.Services.CreateAsyncScope();
        Assert.True((await PlanGate.ForPatientAsync(arrange.ServiceProvider.ArrangeDb(), patientId, None)).MayGoLive);
    }

    [Fact]
    public async Task The_overview_gives_the_patients_verdict_so_a_newer_open_red_flag_holds_back_an_older_pluis()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var older = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a =>
        {
            a.RedFlagsAbsent = [.. AskedItemIds];
            a.Conclusion = ScreeningConclusion.Pluis;
            a.HighestUrgency = Urgency.None;
            a.ScreenedAt = a.CreatedAt = DateTimeOffset.UtcNow.AddDays(-30);
        });
        var newer = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => { NietPluis(a); a.HighestUrgency = Urgency.GpConsultation; });
        var (scope, assessments, _) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var blocked = await assessments.GetOverviewAsync(patientId, older, None);
        await assessments.RecordDecisionAsync(patientId, newer, new DecisionInput { Kind = DecisionInput.Proceed, Reason = "Bekend bij de huisarts, stabiel" }, None);
        var open = await assessments.GetOverviewAsync(patientId, older, None);

        Assert.Equal(ScreeningConclusion.Pluis, blocked!.Conclusion);
        Assert.False(blocked.PlanMayStart);
        Assert.True(open!.PlanMayStart);
    }

    [Fact]
    public async Task A_decision_with_missing_or_unknown_values_gives_field_errors_and_records_nothing()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, NietPluis);
        var (scope, assessments, _) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var referral = await assessments.RecordDecisionAsync(patientId, id, new DecisionInput { Kind = DecisionInput.Referral, GpConsent = "misschien" }, None);
        var proceed = await assessments.RecordDecisionAsync(patientId, id, new DecisionInput { Kind = DecisionInput.Proceed, Reason = "omdat" }, None);
        var none = await assessments.RecordDecisionAsync(patientId, id, new DecisionInput { Reason = new string('x', IntakeInput.TextLength + 1) }, None);

        Assert.Equal([nameof(DecisionInput.AdviceGiven), nameof(DecisionInput.GpConsent)], referral.Errors.Select(e => e.Field).Distinct().Order());
        Assert.Contains("minstens 10 tekens", Assert.Single(proceed.ErrorsFor(nameof(DecisionInput.Reason))));
        Assert.Equal([nameof(DecisionInput.Kind), nameof(DecisionInput.Reason)], none.Errors.Select(e => e.Field).Order());
        Assert.All([referral, proceed, none], r => Assert.Equal(CommandStatus.Invalid, r.Status));
        Assert.Null((await LoadAsync(portal, id)).DecisionKind);
    }

    [Fact]
    public async Task A_bad_intake_gives_field_errors_and_saves_none_of_its_good_parts()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        var before = await LoadAsync(portal, id);
        var (scope, _, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;
        var input = Answered(IntakeInput.CompleteScreening);
        input.ComplaintDescription = "Nieuwe, goede omschrijving";
        input.ComplaintRegions = ["low-back", "tail"];
        input.History = new string('x', IntakeInput.TextLength + 1);
        input.AgeAtOnset = 300;
        input.Duration = "eeuwig";
        input.Answers.Remove("fever-illness");
        input.Answers["weight-loss"] = "soms";

        var result = await intake.SaveAsync(patientId, id, input, false, None);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(
            [nameof(IntakeInput.History), nameof(IntakeInput.ComplaintRegions), nameof(IntakeInput.Duration),
                nameof(IntakeInput.AgeAtOnset), nameof(IntakeInput.Answers), IntakeService.AnswerField("fever-illness")],
            result.Errors.Select(e => e.Field));
        Assert.Contains("Vul een leeftijd in tussen 0", result.ErrorsFor(nameof(IntakeInput.AgeAtOnset)).Single());
        var after = await LoadAsync(portal, id);
        Assert.Equal(before.ComplaintDescription, after.ComplaintDescription);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Null(after.Conclusion);
    }

    /// <summary>Values the live form cannot produce, as a forged or outdated request would send them: refused with the field's message.</summary>
    [Theory]
    [InlineData("region", "elbow:left", nameof(IntakeInput.ComplaintRegions), "lichaamsgebied is niet herkend")]
    [InlineData("region", "low-back:left", nameof(IntakeInput.ComplaintRegions), "lichaamsgebied is niet herkend")]
    [InlineData("yellow", "bestaat-niet", nameof(IntakeInput.YellowFlags), "keuze is niet herkend")]
    [InlineData("answer", "made-up-flag=ja", nameof(IntakeInput.Answers), "antwoord op de screeningsvragen is niet herkend")]
    [InlineData("answer", "onset-over-55=ja", nameof(IntakeInput.Answers), "antwoord op de screeningsvragen is niet herkend")]
    [InlineData("answer", "night-pain=misschien", nameof(IntakeInput.Answers), "antwoord op de screeningsvragen is niet herkend")]
    [InlineData("duration", "eeuwig", nameof(IntakeInput.Duration), "Kies een duur uit de lijst")]
    [InlineData("age", "300", nameof(IntakeInput.AgeAtOnset), "Vul een leeftijd in tussen 0")]
    public async Task Unknown_or_impossible_values_get_a_clear_message_and_save_nothing(string part, string value, string field, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        var (scope, _, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;
        var input = Answered(IntakeInput.SaveDraft);
        input.ComplaintDescription = "Niet opslaan";
        switch (part)
        {
            case "region": input.ComplaintRegions = [value]; break;
            case "yellow": input.YellowFlags = [value]; break;
            case "answer": input.Answers[value.Split('=')[0]] = value.Split('=')[1]; break;
            case "duration": input.Duration = value; break;
            default: input.AgeAtOnset = int.Parse(value, CultureInfo.InvariantCulture); break;
        }

        var result = await intake.SaveAsync(patientId, id, input, false, None);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(message, Assert.Single(result.ErrorsFor(field)));
        Assert.Equal("Zaadje van de test", (await LoadAsync(portal, id)).ComplaintDescription);
    }

    [Fact]
    public async Task An_age_field_that_held_no_number_is_an_error_rather_than_an_empty_age()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => a.AgeAtOnset = 33);
        var (scope, _, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;
        var input = Answered(IntakeInput.SaveDraft);
        input.AgeAtOnset = null;

        var result = await intake.SaveAsync(patientId, id, input, ageNotANumber: true, None);

        Assert.Equal(nameof(IntakeInput.AgeAtOnset), Assert.Single(result.Errors).Field);
        Assert.Equal(33, (await LoadAsync(portal, id)).AgeAtOnset);
    }

    [Fact]
    public async Task A_completed_assessment_refuses_a_changed_intake()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => a.Status = AssessmentStatus.Completed);
        var (scope, _, intake) = await AsAsync(Baseline.NoordTherapist);
        await using var _scope = scope;

        var result = await intake.SaveAsync(patientId, id, Answered(IntakeInput.CompleteScreening), false, None);

        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.False(string.IsNullOrEmpty(result.Message));
        Assert.Equal("Zaadje van de test", (await LoadAsync(portal, id)).ComplaintDescription);
        Assert.True((await intake.GetAsync(patientId, id, None))!.ReadOnly);
    }

    [Fact]
    public async Task Another_practices_therapist_gets_not_found_for_every_command_and_query()
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, NietPluis);
        var before = await LoadAsync(portal, id);
        var (scope, assessments, intake) = await AsAsync(Baseline.ZuidTherapist);
        await using var _scope = scope;

        Assert.Null(await assessments.GetStartAsync(patientId, None));
        Assert.Equal(CommandStatus.NotFound, (await assessments.StartAsync(patientId, nameof(AssessmentKind.Reassessment), None)).Status);
        Assert.Empty(await assessments.HistoryAsync(patientId, None));
        Assert.Null(await assessments.GetOverviewAsync(patientId, id, None));
        Assert.Equal(CommandStatus.NotFound, (await assessments.RecordDecisionAsync(patientId, id,
            new DecisionInput { Kind = DecisionInput.Proceed, Reason = "Een reden die lang genoeg is" }, None)).Status);
        Assert.Null(await intake.GetAsync(patientId, id, None));
        Assert.Equal(CommandStatus.NotFound, (await intake.SaveAsync(patientId, id, Answered(IntakeInput.CompleteScreening), false, None)).Status);

        var after = await LoadAsync(portal, id);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Null(after.DecisionKind);
        Assert.Equal(before.FlagsFound, after.FlagsFound);
        Assert.Single(await ForPatientAsync(portal, patientId));
    }
}
