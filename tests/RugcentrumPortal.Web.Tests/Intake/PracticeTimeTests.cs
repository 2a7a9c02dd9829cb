using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Balance;
using RugcentrumPortal.Web.Features.Dashboard;
using RugcentrumPortal.Web.Features.Intake;
using static RugcentrumPortal.Web.Tests.Intake.IntakeTestKit;

namespace RugcentrumPortal.Web.Tests.Intake;

/// <summary>The portal on a fake clock at 00:30 in Amsterdam on 16 January 2026, when it is still 15 January in UTC.</summary>
public sealed class AmsterdamNightPortal : PortalFactory
{
    public static readonly DateTimeOffset HalfPastMidnight = new(2026, 1, 15, 23, 30, 0, TimeSpan.Zero);

    public static readonly DateOnly PracticeDate = new(2026, 1, 16);

    public AmsterdamNightPortal() => WithClock(HalfPastMidnight);
}

/// <summary>The portal on a fake clock at 00:30 in Amsterdam on 30 March 2026, the first night of summer time.</summary>
public sealed class SummerTimeNightPortal : PortalFactory
{
    // 22:30 UTC on 29 March is 00:30 on 30 March in Amsterdam, which moved to UTC+2 that morning.
    public static readonly DateTimeOffset HalfPastMidnight = new(2026, 3, 29, 22, 30, 0, TimeSpan.Zero);

    public SummerTimeNightPortal() => WithClock(HalfPastMidnight);
}

/// <summary>"Today", ages and times on screen are the practice's (Europe/Amsterdam), not the server's UTC.</summary>
public class PracticeTimeTests(AmsterdamNightPortal portal) : IClassFixture<AmsterdamNightPortal>
{
    private static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Born on 16 January 1980: 46 on the practice's date, still 45 on the UTC date.</summary>
    private Task<Guid> BirthdayPatientAsync() => TestPatients.NewAsync(portal, Baseline.NoordId, "Jarige", "Jansen", new(1980, 1, 16));

    [Fact]
    public async Task At_half_past_midnight_the_intake_uses_the_practices_date_for_age_and_times()
    {
        var patientId = await BirthdayPatientAsync();
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var intake = scope.ServiceProvider.GetRequiredService<IntakeService>();

        var id = (await assessments.StartAsync(patientId, nameof(AssessmentKind.Intake), None)).Id!.Value;
        var view = await intake.GetAsync(patientId, id, None);
        var prefilledAge = view!.Stored.AgeAtOnset;
        var input = view.Stored;
        input.Action = IntakeInput.SaveDraft;
        input.AgeAtOnset = 46;
        var saved = await intake.SaveAsync(patientId, id, input, false, None);
        input.AgeAtOnset = 47;
        var tooOld = await intake.SaveAsync(patientId, id, input, false, None);

        Assert.Equal(46, view.Age);
        Assert.Equal(46, prefilledAge);
        Assert.Equal(AmsterdamNightPortal.PracticeDate, DateOnly.FromDateTime(view.CreatedAt.DateTime));
        Assert.Equal(new TimeOnly(0, 30), TimeOnly.FromDateTime(view.CreatedAt.DateTime));
        Assert.Equal(CommandStatus.Done, saved.Status);
        Assert.Equal(nameof(IntakeInput.AgeAtOnset), Assert.Single(tooOld.Errors).Field);
        Assert.Equal(46, (await LoadAsync(portal, id)).AgeAtOnset);
        var row = Assert.Single(await assessments.HistoryAsync(patientId, None));
        Assert.Equal(AmsterdamNightPortal.PracticeDate, DateOnly.FromDateTime(row.CreatedAt.DateTime));
    }

    [Fact]
    public async Task The_intake_page_shows_the_practices_age_and_allows_it_as_age_at_onset()
    {
        var patientId = await BirthdayPatientAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var id = await StartAsync(portal, patientId);
        var form = await client.GetPageAsync($"/patienten/{patientId}/onderzoek/{id}/intake");

        Assert.Equal("46", form.Document.QuerySelector("#age-at-onset")?.GetAttribute("max"));
        Assert.Contains(AmsterdamNightPortal.PracticeDate.ToString("d", CultureInfo.GetCultureInfo("nl")), form.Document.QuerySelector(".lead-meta")?.TextContent);
    }

    [Fact]
    public async Task The_reassessment_date_is_counted_from_the_practices_today()
    {
        var patientId = await BirthdayPatientAsync();
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist);
        await Balance.BalanceTestData.StoreUpperCrossedAsync(portal, id);
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var balance = scope.ServiceProvider.GetRequiredService<BalanceService>();

        var result = await balance.GetResultAsync(patientId, id, None);
        var onPracticeToday = await balance.CompleteAsync(patientId, id, new CompleteInput { ReassessmentDue = AmsterdamNightPortal.PracticeDate }, None);
        var tomorrow = await balance.CompleteAsync(patientId, id, new CompleteInput { ReassessmentDue = AmsterdamNightPortal.PracticeDate.AddDays(1) }, None);

        Assert.Equal(new DateOnly(2026, 2, 27), result!.SuggestedDue);
        Assert.Equal(CommandStatus.Invalid, onPracticeToday.Status);
        Assert.Equal(CommandStatus.Done, tomorrow.Status);
        Assert.Equal(AmsterdamNightPortal.PracticeDate, (await balance.GetResultAsync(patientId, id, None))!.CompletedOn);
    }
}

public class SummerTimeTests(SummerTimeNightPortal portal) : IClassFixture<SummerTimeNightPortal>
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task After_the_change_to_summer_time_half_past_midnight_belongs_to_the_new_day()
    {
        var night = SummerTimeNightPortal.HalfPastMidnight;
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Ineke", "Intake", new(1980, 3, 3));
        var id = await SeedAsync(portal, patientId, Baseline.NoordTherapist, a => a.CreatedAt = a.UpdatedAt = night);

        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var data = await scope.ServiceProvider.GetRequiredService<DashboardService>().LoadAsync(None);
        var view = await scope.ServiceProvider.GetRequiredService<IntakeService>().GetAsync(patientId, id, None);

        Assert.Equal(new DateOnly(2026, 3, 30), data.Today);
        var draft = Assert.Single(data.Drafts, i => i.AssessmentId == id);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 0, 30, 0, TimeSpan.FromHours(2)), draft.Date);
        Assert.Equal(TimeSpan.FromHours(2), draft.Date.Offset);
        Assert.Equal(TimeSpan.FromHours(2), view!.UpdatedAt.Offset);
    }
}
