using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Mail;
using RugcentrumPortal.Web.Infrastructure.Push;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>
/// Sends the reminders that are due now, each at most once per patient per day however many senders run: a sender
/// first claims the day by inserting its (patient, day) row, which the database's unique index lets only one
/// insert do, and sends only what it claimed. A plan that is not active (a draft, paused or finished) or has not
/// started yet gets nothing. The message says only that exercises are waiting: no plan, no complaint, no exercise.
/// </summary>
public sealed class ReminderDispatcher(
    IServiceScopeFactory scopes, PracticeClock clock, IMailSender mail, PortalAddress address, ReminderStopLinks stopLinks,
    ILogger<ReminderDispatcher> logger)
{
    private sealed record DueReminder(Guid PatientId, string Email, bool ByEmail, bool ByPush, TimeOnly At, string Language);

    /// <summary>Sends what is due at this moment; returns how many reminders this sender claimed and sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var local = clock.Local(now);
        var today = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var weekday = ReminderSchedule.DayOf(today);

        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(cancellationToken);
        db.AcrossPractices("reminders go out to every practice's patients, from no one's session");
        var candidates = await db.ReminderSettings.AsNoTracking()
            .Where(s => s.Enabled && (s.Days & weekday) == weekday)
            .Where(s => db.Plans.Any(p => p.PatientId == s.PatientId && p.Status == PlanStatus.Active && (p.StartsOn == null || p.StartsOn <= today)))
            .Where(s => !db.ReminderDeliveries.Any(d => d.PatientId == s.PatientId && d.Day == today))
            .Select(s => new DueReminder(s.PatientId, s.Patient!.Email, s.ByEmail, s.ByPush, s.At, s.Language))
            .ToListAsync(cancellationToken);

        var sent = 0;
        var devices = scope.ServiceProvider.GetRequiredService<DeviceNotifier>();
        foreach (var reminder in candidates.Where(r => ReminderSchedule.InSlot(r.At, time)))
        {
            if (await ClaimAsync(db, reminder.PatientId, today, now, cancellationToken) is not { } deliveryId)
            {
                continue;
            }
            try
            {
                await SendAsync(db, devices, reminder, deliveryId, cancellationToken);
                sent++;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Claimed and not sent: at most once is the promise; a reminder twice would be worse than one missed.
                logger.LogError(e, "The reminder of {Day} could not be sent", today);
            }
        }
        return sent;
    }

    private static async Task<Guid?> ClaimAsync(AppDbContext db, Guid patientId, DateOnly day, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = new ReminderDelivery { PatientId = patientId, Day = day, ClaimedAt = now };
        db.ReminderDeliveries.Add(claim);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return claim.Id;
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            db.Entry(claim).State = EntityState.Detached;
            return null;
        }
    }

    private async Task SendAsync(AppDbContext db, DeviceNotifier devices, DueReminder reminder, Guid deliveryId, CancellationToken cancellationToken)
    {
        var culture = CultureInfo.GetCultureInfo(reminder.Language);
        string Text(string key) => Texts.Manager.GetString(key, culture) ?? key;
        var stopLink = address.Link($"{ReminderStopLinks.Path}?t={Uri.EscapeDataString(stopLinks.TokenFor(deliveryId))}");
        var pushed = 0;
        if (reminder.ByPush)
        {
            pushed = await devices.NotifyAsync(db, reminder.PatientId,
                new PushNote(Text("Reminders.Message.Subject"), Text("Reminders.Push.Body"), "/mijn", Text("Reminders.Push.Stop"), stopLink), cancellationToken);
        }
        // Push alone only counts when a device took it; otherwise the patient would get no reminder at all.
        if (reminder.ByEmail || pushed == 0)
        {
            var body = string.Join("\n\n",
                Text("Reminders.Mail.Greeting"),
                Text("Reminders.Mail.Waiting"),
                string.Format(culture, Text("Reminders.Mail.Open"), address.Link("mijn")),
                string.Format(culture, Text("Reminders.Mail.Stop"), stopLink),
                Text("Reminders.Mail.Change"));
            await mail.SendAsync(new OutgoingMail(reminder.Email, Text("Reminders.Message.Subject"), body + "\n"), cancellationToken);
        }
    }
}
