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

    public static PortalClient CreatePortalClient(this WebApplicationFactory<Program> factory) =>
        new(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

    public static async Task<T> WithDbAsync<T>(this PortalFactory portal, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.ArrangeDb());
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

    public static Task<RecoveryPlan> AddPlanAsync(this PortalFactory portal, Guid patientId, PlanStatus status, DateTimeOffset activatedAt,
        params PlanExercise[] exercises) => portal.WithDbAsync(async db =>
    {
        var practiceId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.PracticeId).SingleAsync();
        var createdBy = await db.Users.Where(u => u.PracticeId == practiceId).Select(u => u.Id).FirstAsync();
        var lineage = await db.Plans.Where(p => p.PatientId == patientId).Select(p => (Guid?)p.LineageId).FirstOrDefaultAsync() ?? Guid.CreateVersion7();
        var version = await db.Plans.CountAsync(p => p.LineageId == lineage) + 1;
        var plan = new RecoveryPlan
        {
            PracticeId = practiceId,
            PatientId = patientId,
            LineageId = lineage,
            Version = version,
            Status = status,
            Title = "Herstelplan",
            CreatedById = createdBy,
            CreatedAt = activatedAt,
            UpdatedAt = activatedAt,
            ActivatedAt = status == PlanStatus.Draft ? null : activatedAt,
        };
        var order = 0;
        foreach (var exercise in exercises)
        {
            exercise.Order = order++;
            plan.Exercises.Add(exercise);
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return plan;
    });

    public static PlanExercise Exercise(string id, int? perDay = null, int? perWeek = null, int? sets = null, int? reps = null, int? hold = null, int? minutes = null) =>
        new() { ExerciseId = id, Dosage = new() { TimesPerDay = perDay, TimesPerWeek = perWeek, Sets = sets, Repetitions = reps, HoldSeconds = hold, Minutes = minutes } };

    public static DateTimeOffset At(DateOnly day, int hour = 9) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);
}
