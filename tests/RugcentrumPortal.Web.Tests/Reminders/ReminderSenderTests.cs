using static RugcentrumPortal.Web.Tests.Reminders.ReminderTestKit;

namespace RugcentrumPortal.Web.Tests.Reminders;

/// <summary>The portal with its background sender running, on a fake clock the test moves.</summary>
public sealed class RunningSenderPortal : ReminderPortal
{
    public RunningSenderPortal() => WithSetting("Reminders:SendInBackground", "true");
}

public class ReminderSenderTests(RunningSenderPortal portal) : IClassFixture<RunningSenderPortal>
{
    [Fact]
    public async Task The_background_sender_sends_a_due_reminder_once_when_the_clock_reaches_its_slot()
    {
        portal.NextMonday();
        var patient = await PatientWithRemindersAsync(portal, hour: 8, minute: 30);

        // Minute by minute from 08:00 to 08:40, as the sender's timer would see the morning go by.
        for (var minute = 0; minute < 40; minute++)
        {
            portal.Clock!.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (MailsTo(patient.Email, portal).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Single(MailsTo(patient.Email, portal));
    }
}
