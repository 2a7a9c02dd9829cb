using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

/// <summary>Wednesday 14 January 2026, 23:30 in Amsterdam (winter time, UTC+1); the server itself runs in UTC.</summary>
public sealed class PortalAtHalfPastElevenAtNight : PortalFactory
{
    public PortalAtHalfPastElevenAtNight() => WithClock(new DateTimeOffset(2026, 1, 14, 22, 30, 0, TimeSpan.Zero));
}

/// <summary>00:30 in Amsterdam on Sunday 29 March 2026, the night summer time starts; in UTC it is still Saturday.</summary>
public sealed class PortalOnTheNightSummerTimeStarts : PortalFactory
{
    public PortalOnTheNightSummerTimeStarts() => WithClock(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero));
}

/// <summary>00:30 in Amsterdam on Monday 30 March 2026, the first night of summer time (UTC+2); in UTC it is still Sunday.</summary>
public sealed class PortalOnTheFirstMondayOfSummerTime : PortalFactory
{
    public PortalOnTheFirstMondayOfSummerTime() => WithClock(new DateTimeOffset(2026, 3, 29, 22, 30, 0, TimeSpan.Zero));
}

internal static class PracticeTime
{
    public const string DoneChinTuck = "form:has(button[aria-label='Gedaan: Kin intrekken'])";

    public static async Task<Page> PressDoneAsync(PortalFactory portal)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var home = await client.GetPageAsync("/mijn");
        return await client.FollowAsync(await client.SubmitAsync(home, DoneChinTuck, []));
    }

    public static string Card(Page page, string title) =>
        page.Document.QuerySelectorAll(".today-card").Single(c => c.TextContent.Contains(title)).TextContent;
}

public class LateEveningTests(PortalAtHalfPastElevenAtNight portal) : IClassFixture<PortalAtHalfPastElevenAtNight>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_log_at_half_past_eleven_in_Amsterdam_belongs_to_that_day_and_says_gedaan_om_23_30()
    {
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero), Exercise("chin-tuck", perDay: 2));

        var home = await PracticeTime.PressDoneAsync(portal);

        var log = Assert.Single(await portal.WithDbAsync(db => db.SessionLogs.AsNoTracking().ToListAsync()));
        Assert.Equal(new DateOnly(2026, 1, 14), log.Day);
        Assert.Contains("woensdag 14 januari", home.Document.QuerySelector(".today-date")!.TextContent);
        Assert.Contains("Gedaan om 23:30", PracticeTime.Card(home, "Kin intrekken"));
        Assert.Contains("1 van 2 keer", PracticeTime.Card(home, "Kin intrekken"));
    }
}

public class SummerTimeNightTests(PortalOnTheNightSummerTimeStarts portal) : IClassFixture<PortalOnTheNightSummerTimeStarts>, IAsyncLifetime
{
    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_log_at_half_past_midnight_on_the_night_the_clocks_change_belongs_to_the_new_day_and_shows_00_30()
    {
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero), Exercise("chin-tuck", perDay: 1));

        var home = await PracticeTime.PressDoneAsync(portal);

        var log = Assert.Single(await portal.WithDbAsync(db => db.SessionLogs.AsNoTracking().ToListAsync()));
        Assert.Equal(new DateOnly(2026, 3, 29), log.Day);
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero), log.CreatedAt);
        Assert.Contains("zondag 29 maart", home.Document.QuerySelector(".today-date")!.TextContent);
        Assert.Contains("Gedaan om 00:30", PracticeTime.Card(home, "Kin intrekken"));
    }
}

public class SummerTimeWeekTests(PortalOnTheFirstMondayOfSummerTime portal) : IClassFixture<PortalOnTheFirstMondayOfSummerTime>, IAsyncLifetime
{
    private static readonly DateOnly SundayOfTheChange = new(2026, 3, 29);
    private static readonly DateOnly FirstMonday = new(2026, 3, 30);

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A plan that went live at 00:15 on the Sunday of the change and one session logged at 00:30 that night.</summary>
    private async Task ArrangeSundayAsync()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, new DateTimeOffset(2026, 3, 28, 23, 15, 0, TimeSpan.Zero), Exercise("chin-tuck", perDay: 1));
        await portal.WithDbAsync(db =>
        {
            db.SessionLogs.Add(new SessionLog
            {
                PatientId = Baseline.NoordPatientId, PlanId = plan.Id, PlanExerciseId = plan.Exercises[0].Id, ExerciseId = "chin-tuck",
                Day = SundayOfTheChange, Outcome = SessionOutcome.Done, SubmissionId = Guid.NewGuid(),
                CreatedAt = new DateTimeOffset(2026, 3, 28, 23, 30, 0, TimeSpan.Zero),
            });
            return db.SaveChangesAsync();
        });
    }

    [Fact]
    public async Task Just_after_midnight_on_the_first_monday_of_summer_time_a_new_week_has_begun()
    {
        await ArrangeSundayAsync();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("nl-NL");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);

        var report = await scope.ServiceProvider.GetRequiredService<ProgressService>().MineAsync(default);
        var checkIn = await scope.ServiceProvider.GetRequiredService<PatientPortalService>().CheckInAsync(default);

        Assert.Equal(FirstMonday, checkIn!.WeekStart);
        Assert.Equal(FirstMonday, report!.Weeks[^1].WeekStart);
        var weekOfTheChange = report.Weeks[^2];
        // The plan went live on Sunday in Amsterdam (Saturday in UTC), so only Sunday was due, and it was done.
        Assert.Equal((new DateOnly(2026, 3, 23), 1.0, 100, 1), (weekOfTheChange.WeekStart, weekOfTheChange.DueSessions, weekOfTheChange.AdherencePercent!.Value, weekOfTheChange.LogCount));
        Assert.Equal(SundayOfTheChange, report.LastLogDay);
    }

    [Fact]
    public async Task The_progress_page_counts_the_practice_weeks_across_the_change()
    {
        await ArrangeSundayAsync();
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn/voortgang");
        var home = await client.GetPageAsync("/mijn");

        var rows = page.Document.QuerySelectorAll(".progress-table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal("30 mrt", rows[0][0]);
        Assert.Equal(["23 mrt", "100%"], rows[1].Take(2));
        Assert.Contains("maandag 30 maart", home.Document.QuerySelector(".today-date")!.TextContent);
    }
}
