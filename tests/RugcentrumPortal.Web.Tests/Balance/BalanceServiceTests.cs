using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Features.Intake;
using RugcentrumPortal.Web.Infrastructure.Time;
using static RugcentrumPortal.Web.Tests.Balance.BalanceTestData;

namespace RugcentrumPortal.Web.Tests.Balance;

/// <summary>The muscle-balance service, called directly as the signed-in therapist, against the real database.</summary>
public class BalanceServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static Guid Patient => Baseline.NoordPatientId;

    private static async Task RateUpperCrossedAsync(BalanceService balance, Guid id)
    {
        foreach (var (muscle, tone, intensity) in UpperCrossedRatings)
        {
            var saved = await balance.SaveRatingAsync(Patient, id, new MuscleRatingInput(muscle, tone.ToString(), intensity.ToString(CultureInfo.InvariantCulture), "Both"), None);
            Assert.Equal(CommandStatus.Done, saved.Result.Status);
        }
    }

    private async Task<(AsyncServiceScope Scope, BalanceService Balance)> AsAsync(string email)
    {
        var scope = await portal.Services.ScopeAsAsync(email);
        return (scope, scope.ServiceProvider.GetRequiredService<BalanceService>());
    }

    private DateOnly Today => portal.Services.GetRequiredService<PracticeClock>().Today;

    [Fact]
    public async Task Each_rating_observation_and_note_is_stored_as_made_and_analysing_records_them()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        await RateUpperCrossedAsync(balance, id);
        var observed = await balance.SaveObservationAsync(Patient, id, "forward-head", seen: true, None);
        var noted = await balance.SaveNotesAsync(Patient, id, "  Werkt veel aan een laptop  ", None);
        var afterDraft = await LoadAsync(portal, id);
        var analysed = await balance.RecordFindingsAsync(Patient, id, None);

        Assert.Equal(CommandStatus.Done, observed.Result.Status);
        Assert.Equal(["forward-head"], observed.Stored!.Observations);
        Assert.Equal(UpperCrossedRatings.Length, observed.Stored.Tone.Count);
        Assert.Equal(CommandStatus.Done, noted.Result.Status);
        Assert.Equal(UpperCrossedRatings.Length, afterDraft.Ratings.Count);
        Assert.Equal(["forward-head"], afterDraft.Observations);
        Assert.Equal("Werkt veel aan een laptop", afterDraft.BalanceNotes);
        Assert.Null(afterDraft.BalanceRecordedAt);
        Assert.Equal(CommandStatus.Done, analysed.Status);
        Assert.NotNull((await LoadAsync(portal, id)).BalanceRecordedAt);
        var form = await balance.GetFormAsync(Patient, id, None);
        Assert.Equal("Overactive", form!.Stored.ToneOf("upper-trapezius"));
        Assert.Equal(["neck"], form.ComplaintRegions);
        var result = await balance.GetResultAsync(Patient, id, None);
        Assert.Contains(result!.Analysis!.Matches, m => m.Pattern.Id == "upper-crossed");
        Assert.Equal(Today.AddDays(42), result.SuggestedDue);

        var unseen = await balance.SaveObservationAsync(Patient, id, "forward-head", seen: false, None);
        var cleared = await balance.SaveRatingAsync(Patient, id, new MuscleRatingInput("serratus-anterior", "", "1", "Both"), None);

        Assert.Empty(unseen.Stored!.Observations);
        Assert.False(cleared.Stored!.Tone.ContainsKey("serratus-anterior"));
        Assert.Equal(UpperCrossedRatings.Length - 1, (await LoadAsync(portal, id)).Ratings.Count);
    }

    [Theory]
    [InlineData("kuitspier-verzonnen", "Overactive", "1", "Both", "Onbekende spier \"kuitspier-verzonnen\"")]
    [InlineData("levator-scapulae", "Overactive", "7", "Both", "Kies een intensiteit van 1 tot 3")]
    [InlineData("levator-scapulae", "Overactive", "0", "Both", "Kies een intensiteit van 1 tot 3")]
    [InlineData("levator-scapulae", "Overactive", "veel", "Both", "Kies een intensiteit van 1 tot 3")]
    [InlineData("upper-trapezius", "Hyperactief", "1", "Both", "Kies overactief, normaal")]
    [InlineData("upper-trapezius", "Overactive", "1", "Midden", "Kies beide, links of rechts")]
    [InlineData("deep-neck-flexors", "Underactive", "1", "Left", "niet per zijde")]
    public async Task A_rating_the_clinical_core_refuses_gets_its_message_and_changes_nothing(string muscle, string tone, string intensity, string side, string message)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        var saved = await balance.SaveRatingAsync(Patient, id, new MuscleRatingInput(muscle, tone, intensity, side), None);

        Assert.Equal(CommandStatus.Invalid, saved.Result.Status);
        Assert.Contains(message, string.Join(" ", saved.Result.Errors.Select(e => e.Message)));
        var stored = await LoadAsync(portal, id);
        Assert.Equal(UpperCrossedRatings.Length, stored.Ratings.Count);
        Assert.Contains(stored.Ratings, r => r.MuscleId == "levator-scapulae" && r.Intensity == 2);
    }

    [Fact]
    public async Task An_unknown_observation_too_long_notes_and_analysing_without_ratings_are_refused_and_change_nothing()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("nl");
        var id = await CreateNoordAssessmentAsync(portal);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        var observation = await balance.SaveObservationAsync(Patient, id, "zweven", seen: true, None);
        var notes = await balance.SaveNotesAsync(Patient, id, new string('x', 4001), None);
        var analyse = await balance.RecordFindingsAsync(Patient, id, None);

        Assert.Contains("Onbekende waarneming", string.Join(" ", observation.Result.ErrorsFor(nameof(BalanceInput.Observations))));
        Assert.Single(notes.Result.ErrorsFor(nameof(BalanceInput.Notes)));
        Assert.Contains("Beoordeel ten minste één spier", Assert.Single(analyse.Errors).Message);
        var saved = await LoadAsync(portal, id);
        Assert.Empty(saved.Observations);
        Assert.Null(saved.BalanceNotes);
        Assert.Null(saved.BalanceRecordedAt);
    }

    [Fact]
    public async Task Two_tabs_saving_the_same_muscle_at_once_leave_exactly_one_rating_for_it()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        var (first, tabA) = await AsAsync(Baseline.NoordTherapist);
        var (second, tabB) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = first;
        await using var __ = second;

        var saves = Enumerable.Range(0, 6).SelectMany(i => new[]
        {
            tabA.SaveRatingAsync(Patient, id, new MuscleRatingInput("upper-trapezius", "Overactive", "2", i % 2 == 0 ? "Left" : "Both"), None),
            tabB.SaveRatingAsync(Patient, id, new MuscleRatingInput("upper-trapezius", "Underactive", "1", i % 2 == 0 ? "Both" : "Right"), None),
        }).ToList();
        var results = await Task.WhenAll(saves);

        Assert.All(results, r => Assert.Contains(r.Result.Status, new[] { CommandStatus.Done, CommandStatus.Refused }));
        Assert.Contains(results, r => r.Result.Status == CommandStatus.Done);
        Assert.Single((await LoadAsync(portal, id)).Ratings);
        Assert.False((await balance(first).GetResultAsync(Patient, id, None))!.InvalidStoredData);

        static BalanceService balance(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<BalanceService>();
    }

    [Fact]
    public async Task Reviewing_a_pattern_keeps_the_notes_of_the_other_patterns()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;
        var patterns = (await balance.GetResultAsync(Patient, id, None))!.Analysis!.Matches.Select(m => m.Pattern.Id).ToList();
        Assert.True(patterns.Count >= 2, "the vignette finds more than one pattern");
        var (first, second) = (patterns[0], patterns[1]);

        var accepted = await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput
        {
            Decision = PatternReviewInput.ValueFor(PatternReviewInput.Accept, first),
            Notes = new() { [first] = " Past bij het beeld " },
        }, None);
        var dismissed = await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput
        {
            Decision = PatternReviewInput.ValueFor(PatternReviewInput.Dismiss, second),
            Notes = new() { [first] = "overschreven?", [second] = "Eerder een schouderprobleem" },
        }, None);

        Assert.Equal(CommandStatus.Done, accepted.Status);
        Assert.Equal(CommandStatus.Done, dismissed.Status);
        var reviews = (await balance.GetResultAsync(Patient, id, None))!.Reviews;
        Assert.Equal(new PatternVerdict(true, "Past bij het beeld"), reviews[first]);
        Assert.Equal(new PatternVerdict(false, "Eerder een schouderprobleem"), reviews[second]);
        Assert.Equal(2, (await LoadAsync(portal, id)).PatternReviews.Count);
    }

    [Fact]
    public async Task A_review_of_a_pattern_that_was_not_found_or_without_a_verdict_saves_nothing()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        var unknown = await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput { Decision = "accept:lower-crossed" }, None);
        var noVerdict = await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput { Decision = "maybe:upper-crossed" }, None);
        var tooLong = await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput
        {
            Decision = "accept:upper-crossed",
            Notes = new() { ["upper-crossed"] = new string('x', PatternReviewInput.MaxNoteLength + 1) },
        }, None);

        Assert.Equal(CommandStatus.Refused, unknown.Status);
        Assert.Equal(PatternReviewInput.NoteField("upper-crossed"), Assert.Single(noVerdict.Errors).Field);
        Assert.Equal(CommandStatus.Invalid, tooLong.Status);
        Assert.Empty((await LoadAsync(portal, id)).PatternReviews);
    }

    [Fact]
    public async Task Completing_sets_the_reassessment_date_and_then_nothing_changes_any_more()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;
        var due = Today.AddDays(30);

        var completed = await balance.CompleteAsync(Patient, id, new CompleteInput { ReassessmentDue = due }, None);
        var again = await balance.CompleteAsync(Patient, id, new CompleteInput { ReassessmentDue = due.AddDays(1) }, None);
        var save = (await balance.SaveRatingAsync(Patient, id, new MuscleRatingInput("upper-trapezius", "Normal", "1", "Both"), None)).Result;
        var record = await balance.RecordFindingsAsync(Patient, id, None);
        var review = await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput { Decision = "accept:upper-crossed" }, None);

        Assert.Equal(CommandStatus.Done, completed.Status);
        Assert.All([again, save, record, review], r => Assert.Equal(CommandStatus.Refused, r.Status));
        var saved = await LoadAsync(portal, id);
        Assert.Equal(AssessmentStatus.Completed, saved.Status);
        Assert.Equal(due, saved.ReassessmentDue);
        Assert.Empty(saved.PatternReviews);
        var result = await balance.GetResultAsync(Patient, id, None);
        Assert.True(result!.Completed);
        Assert.Equal(Today, result.CompletedOn);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(367)]
    public async Task A_reassessment_date_not_after_today_or_beyond_a_year_is_refused(int days)
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        var result = await balance.CompleteAsync(Patient, id, new CompleteInput { ReassessmentDue = Today.AddDays(days) }, None);
        var missing = await balance.CompleteAsync(Patient, id, new CompleteInput(), None);

        Assert.Equal(nameof(CompleteInput.ReassessmentDue), Assert.Single(result.Errors).Field);
        Assert.Equal(nameof(CompleteInput.ReassessmentDue), Assert.Single(missing.Errors).Field);
        Assert.Equal(AssessmentStatus.Draft, (await LoadAsync(portal, id)).Status);
    }

    [Fact]
    public async Task Completing_without_ratings_is_refused()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;

        var result = await balance.CompleteAsync(Patient, id, new CompleteInput { ReassessmentDue = Today.AddDays(30) }, None);

        Assert.Equal(CommandStatus.Refused, result.Status);
        Assert.Equal(AssessmentStatus.Draft, (await LoadAsync(portal, id)).Status);
    }

    /// <summary>
    /// The case is urgent (night pain with weight loss): a reason used to clear the banner; at this tier the banner
    /// now stays until a medical clearance is recorded, as the gate decides.
    /// </summary>
    [Fact]
    public async Task The_red_flag_banner_follows_the_gate_and_an_urgent_case_keeps_it_until_a_clearance_is_recorded()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await using (var arrange = portal.Services.CreateAsyncScope())
        {
            var db = arrange.ServiceProvider.ArrangeDb();
            var assessment = await db.Assessments.FindAsync(id);
            Intake.IntakeTestKit.NietPluis(assessment!);
            await db.SaveChangesAsync();
        }
        var (scope, balance) = await AsAsync(Baseline.NoordTherapist);
        await using var _ = scope;
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var before = (await balance.GetFormAsync(Patient, id, None))!.RedFlagOpen;
        await assessments.RecordDecisionAsync(Patient, id, new DecisionInput { Kind = DecisionInput.Proceed, Reason = "Huisarts heeft het al onderzocht" }, None);
        var afterReason = (await balance.GetFormAsync(Patient, id, None))!.RedFlagOpen;
        await assessments.RecordClearanceAsync(Patient, id, new ClearanceInput
        {
            ClearedBy = "Dr. A. de Vries",
            Role = "huisarts",
            Date = Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Excluded = "Geen aanwijzing voor een maligniteit na bloedonderzoek",
        }, None);

        Assert.True(before);
        Assert.True(afterReason);
        Assert.False((await balance.GetFormAsync(Patient, id, None))!.RedFlagOpen);
        Assert.False((await balance.GetResultAsync(Patient, id, None))!.RedFlagOpen);
        Assert.Equal(ScreeningConclusion.NietPluis, (await LoadAsync(portal, id)).Conclusion);
    }

    [Fact]
    public async Task Another_practices_therapist_gets_not_found_for_every_command_and_query()
    {
        var id = await CreateNoordAssessmentAsync(portal);
        await StoreUpperCrossedAsync(portal, id);
        var (scope, balance) = await AsAsync(Baseline.ZuidTherapist);
        await using var _ = scope;

        Assert.Null(await balance.GetFormAsync(Patient, id, None));
        Assert.Null(await balance.GetResultAsync(Patient, id, None));
        Assert.Equal(CommandStatus.NotFound, (await balance.SaveRatingAsync(Patient, id, new MuscleRatingInput("upper-trapezius", "Normal", "1", "Both"), None)).Result.Status);
        Assert.Equal(CommandStatus.NotFound, (await balance.SaveObservationAsync(Patient, id, "forward-head", seen: true, None)).Result.Status);
        Assert.Equal(CommandStatus.NotFound, (await balance.SaveNotesAsync(Patient, id, "Notitie", None)).Result.Status);
        Assert.Equal(CommandStatus.NotFound, (await balance.RecordFindingsAsync(Patient, id, None)).Status);
        Assert.Equal(CommandStatus.NotFound, (await balance.ReviewPatternAsync(Patient, id, new PatternReviewInput { Decision = "accept:upper-crossed" }, None)).Status);
        Assert.Equal(CommandStatus.NotFound, (await balance.CompleteAsync(Patient, id, new CompleteInput { ReassessmentDue = Today.AddDays(30) }, None)).Status);

        var saved = await LoadAsync(portal, id);
        Assert.Equal(AssessmentStatus.Draft, saved.Status);
        Assert.Null(saved.BalanceRecordedAt);
        Assert.Null(saved.BalanceNotes);
        Assert.Empty(saved.PatternReviews);
        Assert.Contains(saved.Ratings, r => r is { MuscleId: "upper-trapezius", Tone: Clinical.Muscles.MuscleTone.Overactive });
    }
}
