using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Examination;
using RugcentrumPortal.Web.Features.Findings;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Tests.Balance;
using static RugcentrumPortal.Web.Tests.Examination.ExaminationTestKit;

namespace RugcentrumPortal.Web.Tests.Examination;

/// <summary>The examination service, called directly as the signed-in therapist, against the real database.</summary>
public class ExaminationServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Guid Patient => Baseline.NoordPatientId;

    private async Task<(AsyncServiceScope Scope, ExaminationService Service)> AsAsync(string email = Baseline.NoordTherapist)
    {
        var scope = await portal.Services.ScopeAsAsync(email);
        return (scope, scope.ServiceProvider.GetRequiredService<ExaminationService>());
    }

    private static BreathingInput Breathing(string pattern, params int[] items)
    {
        var input = new BreathingInput { Pattern = pattern, Rate = "18", BreathHold = "25" };
        for (var i = 0; i < items.Length; i++)
        {
            input.Nijmegen[i] = items[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return input;
    }

    [Fact]
    public async Task Movement_tests_are_stored_per_side_and_feed_the_summary()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;

        var result = await service.SaveMovementTestsAsync(Patient, id,
        [
            new("prone-hip-extension", "Left", "Deviating", ["hip-extension-erectors-first"]),
            new("prone-hip-extension", "Right", "Normal", []),
            new("curl-up", "", "Normal", []),
        ], None);

        Assert.Equal(CommandStatus.Done, result.Status);
        var stored = await LoadAsync(portal, id);
        Assert.Equal(
            [("curl-up", Side.Both, MovementGrade.Normal), ("prone-hip-extension", Side.Left, MovementGrade.Deviating), ("prone-hip-extension", Side.Right, MovementGrade.Normal)],
            stored.MovementTests.Select(t => (t.TestId, t.Side, t.Grade)).OrderBy(t => t.TestId).ThenBy(t => t.Side));
        var summary = (await findings.GetSummaryAsync(Patient, id, None))!;
        Assert.Equal(3, summary.MovementTestsGraded);
        var deviating = Assert.Single(summary.DeviatingTests);
        Assert.Equal((Side.Left, "Heupstrekken in buikligging"), (deviating.Side, deviating.Test.Nl));
    }

    [Theory]
    [InlineData("no-such-test", "Left", "Normal", "", "'no-such-test' is geen bekende bewegingstest.")]
    [InlineData("push-up", "", "Normal", "", "Opdrukken wordt per kant beoordeeld: kies links of rechts.")]
    [InlineData("curl-up", "Left", "Normal", "", "Opkrullen in rugligging wordt niet per kant beoordeeld.")]
    [InlineData("push-up", "Left", "Normal", "push-up-scapular-winging", "Opdrukken: 'normaal' gaat niet samen met een afwijking.")]
    [InlineData("push-up", "Left", "Deviating", "", "Opdrukken: kies welke afwijking u zag.")]
    [InlineData("push-up", "Left", "Excellent", "", "Opdrukken: kies normaal of afwijkend.")]
    [InlineData("push-up", "Left", "Deviating", "curl-up-feet-lift", "Opdrukken: deze afwijking hoort niet bij deze test.")]
    public async Task Unknown_tests_missing_sides_and_impossible_grades_are_refused_and_nothing_is_saved(string test, string side, string grade, string finding, string message)
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;

        var result = await service.SaveMovementTestsAsync(Patient, id,
            [new("prone-hip-extension", "Left", "Normal", []), new(test, side, grade, finding.Length == 0 ? [] : [finding])], None);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(result.Errors, e => e.Message.StartsWith(message, StringComparison.Ordinal));
        Assert.Empty((await LoadAsync(portal, id)).MovementTests);
    }

    [Fact]
    public async Task Breathing_with_a_full_nijmegen_is_stored_and_scored_by_the_clinical_core()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;

        var result = await service.SaveBreathingAsync(Patient, id, Breathing("Chest", 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0), None);

        Assert.Equal(CommandStatus.Done, result.Status);
        var record = (await LoadAsync(portal, id)).Examination!;
        Assert.Equal((BreathingPattern.Chest, 18, 25), (record.BreathingPattern, record.BreathingRate!.Value, record.BreathHoldSeconds!.Value));
        Assert.Equal(16, record.NijmegenItems!.Count);
        var summary = (await findings.GetSummaryAsync(Patient, id, None))!;
        Assert.Equal(24, summary.Breathing!.Nijmegen!.Total);
        Assert.True(summary.Breathing.SuggestsDysfunctionalBreathing);
    }

    [Fact]
    public async Task A_half_filled_nijmegen_an_impossible_rate_and_no_pattern_are_refused_whole()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;
        var input = Breathing("", 1, 1, 1);
        input.Rate = "90";
        input.BreathHold = "lang";

        var result = await service.SaveBreathingAsync(Patient, id, input, None);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(new FieldError("Nijmegen", "Beantwoord alle 16 vragen, of maak de vragenlijst leeg. Nog open: 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16."), result.Errors);
        Assert.Contains(new FieldError("RatePerMinute", "Een ademfrequentie in rust ligt tussen 4 en 60 per minuut."), result.Errors);
        Assert.Contains(new FieldError("BreathHoldSeconds", "Vul een heel getal in."), result.Errors);
        Assert.Contains(new FieldError("Pattern", "Kies een adempatroon."), result.Errors);
        Assert.Null((await LoadAsync(portal, id)).Examination);
    }

    [Fact]
    public async Task Posture_is_stored_and_a_shift_to_both_sides_is_refused()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;

        var refused = await service.SavePostureAsync(Patient, id, new PostureInput { LateralShift = "Both", Sagittal = "SwayBack" }, None);
        var saved = await service.SavePostureAsync(Patient, id, new PostureInput { LateralShift = "Left", HighPelvisSide = "Right", Sagittal = "SwayBack" }, None);

        Assert.Equal([new FieldError("LateralShift", "Kies links, rechts of geen.")], refused.Errors);
        Assert.Equal(CommandStatus.Done, saved.Status);
        var record = (await LoadAsync(portal, id)).Examination!;
        Assert.Equal((Side.Left, Side.Right, SagittalPosture.SwayBack), (record.LateralShift!.Value, record.HighPelvisSide!.Value, record.Sagittal!.Value));
    }

    [Fact]
    public async Task The_neurological_examination_needs_both_sides_and_known_results()
    {
        var id = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;

        var missing = await service.SaveNeurologicalAsync(Patient, id, new NeurologicalInput { Left = new NeuroSideInput(), Right = null }, None);
        var unknown = await service.SaveNeurologicalAsync(Patient, id, new NeurologicalInput { Left = new NeuroSideInput { Reflexes = "Absent" } }, None);
        var saved = await service.SaveNeurologicalAsync(Patient, id,
            new NeurologicalInput { Left = new NeuroSideInput { StraightLegRaise = "Abnormal", Reflexes = "Reduced" }, Right = new NeuroSideInput { Strength = "Normal" } }, None);

        Assert.Equal([new FieldError("Right", "De rechterkant ontbreekt. Leg beide kanten vast; 'niet getest' mag.")], missing.Errors);
        Assert.Equal([new FieldError("Left.Reflexes", "Deze uitslag bestaat niet; kies een van de mogelijkheden.")], unknown.Errors);
        Assert.Equal(CommandStatus.Done, saved.Status);
        var record = (await LoadAsync(portal, id)).Examination!;
        Assert.Equal((NeuroFinding.Abnormal, ReflexFinding.Reduced, NeuroFinding.Normal), (record.LeftStraightLegRaise, record.LeftReflexes, record.RightStrength));
        var summary = (await findings.GetSummaryAsync(Patient, id, None))!;
        Assert.StartsWith("Links: reflexen verlaagd, SLR (gestrekt been heffen) positief.", summary.Neurological!.Summary.Nl);
    }

    [Fact]
    public async Task Back_and_leg_complaints_call_for_the_neurological_examination_with_the_reason()
    {
        var indicated = await BalanceTestData.CreateNoordAssessmentAsync(portal, "low-back", "thigh:left");
        var neckOnly = await BalanceTestData.CreateNoordAssessmentAsync(portal, "neck");
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;

        var view = (await service.GetAsync(Patient, indicated, None))!;
        var other = (await service.GetAsync(Patient, neckOnly, None))!;

        Assert.True(view.Indication.IsIndicated);
        Assert.StartsWith("Klachten in de onderrug én in het been", Assert.Single(view.Indication.Reasons).Nl);
        Assert.False(other.Indication.IsIndicated);
    }

    [Fact]
    public async Task A_completed_assessment_is_not_changed_and_another_practice_finds_nothing()
    {
        var completed = await SeedAsync(portal, Patient, Baseline.NoordTherapist, DateTimeOffset.UtcNow, completed: true, After);
        var draft = await BalanceTestData.CreateNoordAssessmentAsync(portal);
        var (scope, service) = await AsAsync();
        var findings = scope.ServiceProvider.GetRequiredService<FindingsService>();
        await using var _ = scope;
        var (zuidScope, zuid) = await AsAsync(Baseline.ZuidTherapist);
        await using var __ = zuidScope;

        var refused = await service.SavePostureAsync(Patient, completed, new PostureInput(), None);
        var foreign = await zuid.SavePostureAsync(Patient, draft, new PostureInput(), None);

        Assert.Equal((CommandStatus.Refused, "Dit onderzoek is afgerond en kan niet meer worden gewijzigd."), (refused.Status, refused.Message));
        Assert.Equal(CommandStatus.NotFound, foreign.Status);
        Assert.Null(await zuid.GetAsync(Patient, draft, None));
        Assert.Null((await LoadAsync(portal, completed)).Examination);
        Assert.Null((await LoadAsync(portal, draft)).Examination);
    }
}
