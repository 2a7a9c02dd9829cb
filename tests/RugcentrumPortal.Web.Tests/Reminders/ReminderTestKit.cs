using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Push;

namespace RugcentrumPortal.Web.Tests.Reminders;

/// <summary>Stands in for the browsers' push services, which cannot be reached from a test: records what was handed over.</summary>
public sealed class RecordingPushSender : IPushSender
{
    public ConcurrentQueue<(string Endpoint, PushNote Note)> Sent { get; } = new();

    /// <summary>Endpoints whose browser withdrew the subscription (the push service answers 410 Gone).</summary>
    public ConcurrentDictionary<string, bool> Gone { get; } = new();

    public Task<PushOutcome> SendAsync(PushDevice device, PushNote note, CancellationToken cancellationToken)
    {
        if (Gone.ContainsKey(device.Endpoint))
        {
            return Task.FromResult(PushOutcome.Gone);
        }
        Sent.Enqueue((device.Endpoint, note));
        return Task.FromResult(PushOutcome.Delivered);
    }
}

/// <summary>
/// The portal on a fake clock at Monday 9 March 2026, 08:00 in Amsterdam (UTC+1), with the background sender off so
/// each test sends by hand, and a recording push service.
/// </summary>
public class ReminderPortal : PortalFactory
{
    public static readonly DateTimeOffset MondayEight = new(2026, 3, 9, 7, 0, 0, TimeSpan.Zero);

    public ReminderPortal()
    {
        WithClock(MondayEight);
        WithSetting("Reminders:SendInBackground", "false");
    }

    public RecordingPushSender Push { get; } = new();

    /// <summary>
    /// Moves the shared clock (which only goes forward) to 08:00 at the practice on the next Monday, so each test
    /// has a week of its own.
    /// </summary>
    public DateOnly NextMonday()
    {
        var today = this.PracticeClock().Today;
        var monday = today.AddDays(7 - Features.PatientPortal.DueSchedule.MondayIndex(today));
        Clock!.SetUtcNow(At(monday, 8, 0));
        return monday;
    }

    /// <summary>A wall-clock time at the practice on a day, as an instant.</summary>
    public DateTimeOffset At(DateOnly day, int hour, int minute) => this.PracticeClock().StartOf(day).AddHours(hour).AddMinutes(minute);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IPushSender>(Push));
    }
}

public static class ReminderTestKit
{
    public const ReminderDays Weekdays = ReminderDays.Monday | ReminderDays.Tuesday | ReminderDays.Wednesday | ReminderDays.Thursday | ReminderDays.Friday;

    /// <summary>A patient of their own with an active plan that started last week, and their reminder choice.</summary>
    public static async Task<(Guid Id, string Email)> PatientWithRemindersAsync(
        PortalFactory portal, ReminderDays days = Weekdays, int hour = 9, int minute = 0, bool byEmail = true, bool byPush = false,
        string language = "nl", PlanStatus plan = PlanStatus.Active, DateOnly? startsOn = null, bool enabled = true)
    {
        var patientId = await TestPatients.NewAsync(portal, Baseline.NoordId, "Herma", "Herinnering");
        var arranged = await TestPlans.AddAsync(portal, patientId, plan, portal.PracticeClock().Now.AddDays(-7), TestPlans.Exercise("chin-tuck", perDay: 1));
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        if (startsOn is { } day)
        {
            await db.Plans.Where(p => p.Id == arranged.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.StartsOn, day));
        }
        db.ReminderSettings.Add(new ReminderSettings
        {
            PatientId = patientId, Enabled = enabled, Days = days, At = new TimeOnly(hour, minute), ByEmail = byEmail, ByPush = byPush,
            Language = language, UpdatedAt = portal.PracticeClock().Now,
        });
        await db.SaveChangesAsync();
        var email = await db.Patients.Where(p => p.Id == patientId).Select(p => p.Email).SingleAsync();
        return (patientId, email);
    }

    public static IReadOnlyList<MailPickup.Message> MailsTo(string email, params PortalFactory[] instances) =>
        instances.SelectMany(i => MailPickup.Read(i.MailDirectory)).Where(m => m.To == email).ToList();

    /// <summary>The stop link in a reminder, as the patient would click it (relative to the portal).</summary>
    public static string StopLinkIn(string body)
    {
        var link = Regex.Match(body, @"https?://\S+/herinneringen/stop\?t=\S+").Value;
        Assert.False(string.IsNullOrEmpty(link), "the reminder has a stop link");
        return new Uri(link).PathAndQuery;
    }

    public static Task<bool> RemindersOnAsync(PortalFactory portal, Guid patientId) =>
        portal.WithDbAsync(db => db.ReminderSettings.Where(s => s.PatientId == patientId).Select(s => s.Enabled).SingleAsync());
}
