using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

/// <summary>A clock that stands still, in UTC, so "today" and the weekday are what the test says.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}

/// <summary>Plans, logs and check-ins written straight into the test database, and clients on a fixed date.</summary>
public static class PortalTestData
{
    /// <summary>Monday 9 March 2026.</summary>
    public static readonly DateOnly Monday = new(2026, 3, 9);
    public static readonly DateOnly Wednesday = Monday.AddDays(2);
    public static readonly DateOnly Thursday = Monday.AddDays(3);

    public static WebApplicationFactory<Program> On(this PortalFactory portal, DateOnly day, int hour = 12) =>
        portal.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero)))));

    public static PortalClient CreatePortalClient(this WebApplicationFactory<Program> factory)
    {
        var cookies = new CookieContainerHandler();
        return new PortalClient(factory.CreateDefaultClient(new Uri("https://localhost"), cookies), cookies.Container);
    }

    /// <summary>Every test in a class starts from patients without plans, logs or check-ins.</summary>
    public static Task ResetAsync(this PortalFactory portal) => portal.WithDbAsync(async db =>
    {
        await db.SessionLogs.ExecuteDeleteAsync();
        await db.WeeklyCheckIns.ExecuteDeleteAsync();
        await db.PlanExercises.ExecuteDeleteAsync();
        await db.Plans.ExecuteDeleteAsync();
        return 0;
    });

    public static DateTimeOffset At(DateOnly day, int hour = 9) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
