using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Plans;
using RugcentrumPortal.Web.Features.Reminders;
using static RugcentrumPortal.Web.Tests.Reminders.ReminderTestKit;

namespace RugcentrumPortal.Web.Tests.Reminders;

/// <summary>
/// The reminder schedule on a fake clock: a reminder goes out in its slot, once, whichever sender gets there first,
/// and never for a plan that is not running. Each test has its own patient and checks that patient's mail only.
/// </summary>
public class ReminderScheduleTests(ReminderPortal portal) : IClassFixture<ReminderPortal>
{
    /// <summary>Next Monday at 09:05 at the practice, five minutes into the slot of a reminder at nine.</summary>
    private DateTimeOffset FiveAfterNine()
    {
        var monday = portal.NextMonday();
        return portal.At(monday, 9, 5);
    }

    [Fact]
    public async Task A_reminder_is_sent_in_its_slot_by_email_with_a_stop_link_and_nothing_about_the_plan()
    {
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(FiveAfterNine());

        await SendDueAsync(portal);

        var mail = Assert.Single(MailsTo(patient.Email, portal));
        Assert.Equal("Tijd voor uw oefeningen", mail.Subject);
        Assert.Contains("vandaag staan er oefeningen voor u klaar", mail.Body);
        Assert.Contains("/herinneringen/stop?t=", mail.Body);
        Assert.DoesNotContain("Testplan", mail.Body);
        Assert.DoesNotContain("Kin intrekken", mail.Body);
    }

    [Theory]
    [InlineData(8, 55)]
    [InlineData(11, 5)]
    public async Task Before_the_chosen_time_and_after_its_window_nothing_is_sent(int hour, int minute)
    {
        var monday = portal.NextMonday();
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(portal.At(monday, hour, minute));

        await SendDueAsync(portal);

        Assert.Empty(MailsTo(patient.Email, portal));
        Assert.Equal(0, await portal.WithDbAsync(db => db.ReminderDeliveries.CountAsync(d => d.PatientId == patient.Id)));
    }

    [Fact]
    public async Task On_a_day_the_patient_did_not_choose_nothing_is_sent()
    {
        var patient = await PatientWithRemindersAsync(portal, days: ReminderDays.Tuesday | ReminderDays.Sunday);
        portal.Clock!.SetUtcNow(FiveAfterNine());

        await SendDueAsync(portal);

        Assert.Empty(MailsTo(patient.Email, portal));
    }

    [Fact]
    public async Task A_restarted_or_second_sender_over_the_same_database_does_not_send_the_same_reminder_again()
    {
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(FiveAfterNine());
        await SendDueAsync(portal);

        using var restarted = portal.AnotherInstance();
        await SendDueAsync(restarted);
        portal.Clock.Advance(TimeSpan.FromMinutes(30));
        await SendDueAsync(restarted);
        await SendDueAsync(portal);

        Assert.Single(MailsTo(patient.Email, portal, restarted));
        Assert.Equal(1, await portal.WithDbAsync(db => db.ReminderDeliveries.CountAsync(d => d.PatientId == patient.Id)));
    }

    [Fact]
    public async Task Two_senders_at_the_same_moment_send_one_reminder()
    {
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(FiveAfterNine());
        using var second = portal.AnotherInstance();
        _ = second.Services;

        await Task.WhenAll(SendDueAsync(portal), SendDueAsync(second), SendDueAsync(portal), SendDueAsync(second));

        Assert.Single(MailsTo(patient.Email, portal, second));
    }

    [Fact]
    public async Task The_next_chosen_day_gets_its_own_reminder()
    {
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(FiveAfterNine());
        await SendDueAsync(portal);
        portal.Clock.Advance(TimeSpan.FromDays(1));

        await SendDueAsync(portal);

        Assert.Equal(2, MailsTo(patient.Email, portal).Count);
    }

    [Theory]
    [InlineData(PlanStatus.Paused)]
    [InlineData(PlanStatus.Finished)]
    [InlineData(PlanStatus.Draft)]
    public async Task Nothing_is_sent_for_a_plan_that_is_not_running(PlanStatus status)
    {
        var patient = await PatientWithRemindersAsync(portal, plan: status);
        portal.Clock!.SetUtcNow(FiveAfterNine());

        await SendDueAsync(portal);

        Assert.Empty(MailsTo(patient.Email, portal));
    }

    [Fact]
    public async Task Pausing_the_plan_on_the_plan_page_stops_reminders_and_resuming_brings_them_back()
    {
        var patient = await PatientWithRemindersAsync(portal);
        var planId = await portal.WithDbAsync(db => db.Plans.Where(p => p.PatientId == patient.Id).Select(p => p.Id).SingleAsync());
        var monday = portal.NextMonday();
        await using (var therapist = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            Assert.True((await therapist.ServiceProvider.GetRequiredService<PlanService>().PauseAsync(patient.Id, planId, null, default)).Changed);
        }
        portal.Clock!.SetUtcNow(portal.At(monday, 9, 5));

        await SendDueAsync(portal);

        Assert.Empty(MailsTo(patient.Email, portal));

        await using (var therapist = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist))
        {
            Assert.True((await therapist.ServiceProvider.GetRequiredService<PlanService>().ResumeAsync(patient.Id, planId, default)).Changed);
        }
        portal.Clock.SetUtcNow(portal.At(monday.AddDays(1), 9, 5));

        await SendDueAsync(portal);

        Assert.Single(MailsTo(patient.Email, portal));
    }

    [Fact]
    public async Task Nothing_is_sent_for_a_plan_that_starts_later_or_when_reminders_are_off()
    {
        var monday = portal.NextMonday();
        var later = await PatientWithRemindersAsync(portal, startsOn: monday.AddDays(1));
        var off = await PatientWithRemindersAsync(portal, enabled: false);
        portal.Clock!.SetUtcNow(portal.At(monday, 9, 5));

        await SendDueAsync(portal);

        Assert.Empty(MailsTo(later.Email, portal));
        Assert.Empty(MailsTo(off.Email, portal));
    }

    [Fact]
    public async Task A_patient_who_chose_English_is_reminded_in_English()
    {
        var patient = await PatientWithRemindersAsync(portal, language: "en");
        portal.Clock!.SetUtcNow(FiveAfterNine());

        await SendDueAsync(portal);

        var mail = Assert.Single(MailsTo(patient.Email, portal));
        Assert.Equal("Time for your exercises", mail.Subject);
        Assert.Contains("No more reminders?", mail.Body);
    }

    [Fact]
    public async Task The_time_is_the_practices_local_time_also_after_the_change_to_summer_time()
    {
        var zone = portal.PracticeClock().Zone;
        var monday = portal.NextMonday();
        while (!zone.IsDaylightSavingTime(portal.At(monday, 9, 0)) || zone.IsDaylightSavingTime(portal.At(monday.AddDays(-7), 9, 0)))
        {
            monday = portal.NextMonday();
        }
        var patient = await PatientWithRemindersAsync(portal, days: ReminderDays.Monday);
        // An hour before 09:05 summer time is 09:05 by a clock that stayed on winter time: too early.
        portal.Clock!.SetUtcNow(portal.At(monday, 9, 5).AddHours(-1));
        await SendDueAsync(portal);
        Assert.Empty(MailsTo(patient.Email, portal));

        portal.Clock.SetUtcNow(portal.At(monday, 9, 5));
        await SendDueAsync(portal);

        Assert.Single(MailsTo(patient.Email, portal));
    }

    [Fact]
    public async Task A_patient_who_chose_notifications_gets_one_on_each_device_and_no_mail()
    {
        var patient = await PatientWithRemindersAsync(portal, byEmail: false, byPush: true);
        await AddDevicesAsync(patient.Id, "https://push.example/a", "https://push.example/b");
        portal.Clock!.SetUtcNow(FiveAfterNine());

        await SendDueAsync(portal);

        var notes = portal.Push.Sent.Where(s => s.Endpoint.StartsWith("https://push.example/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notes.Count);
        Assert.All(notes, n => Assert.Equal(("Tijd voor uw oefeningen", "/mijn"), (n.Note.Title, n.Note.Url)));
        Assert.All(notes, n => Assert.Contains("/herinneringen/stop?t=", n.Note.StopUrl));
        Assert.Empty(MailsTo(patient.Email, portal));
    }

    [Fact]
    public async Task Notifications_without_a_device_that_takes_them_fall_back_to_email_and_a_withdrawn_device_is_forgotten()
    {
        var patient = await PatientWithRemindersAsync(portal, byEmail: false, byPush: true);
        await AddDevicesAsync(patient.Id, "https://push.example/withdrawn");
        portal.Push.Gone["https://push.example/withdrawn"] = true;
        portal.Clock!.SetUtcNow(FiveAfterNine());

        await SendDueAsync(portal);

        Assert.Single(MailsTo(patient.Email, portal));
        Assert.Equal(0, await portal.WithDbAsync(db => db.PushDevices.CountAsync(d => d.PatientId == patient.Id)));
    }

    [Fact]
    public async Task The_stop_link_switches_reminders_off_without_signing_in_and_works_once()
    {
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(FiveAfterNine());
        await SendDueAsync(portal);
        var link = StopLinkIn(Assert.Single(MailsTo(patient.Email, portal)).Body);
        using var anonymous = portal.CreatePortalClient();

        var stopped = await anonymous.GetPageAsync(link);
        var offAfterStop = !await RemindersOnAsync(portal, patient.Id);
        await portal.WithDbAsync(db => db.ReminderSettings.Where(s => s.PatientId == patient.Id).ExecuteUpdateAsync(set => set.SetProperty(s => s.Enabled, true)));
        var again = await anonymous.GetPageAsync(link);

        Assert.Equal(HttpStatusCode.OK, stopped.Status);
        Assert.Contains("U krijgt geen herinneringen meer", stopped.Text);
        Assert.True(offAfterStop);
        Assert.Contains("Deze link is al eerder gebruikt. Er is niets veranderd.", again.Text);
        Assert.True(await RemindersOnAsync(portal, patient.Id));
    }

    [Theory]
    [InlineData("?t=niet-ondertekend")]
    [InlineData("")]
    [InlineData("?t=CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_or_missing_stop_token_is_refused_with_a_clear_message_and_changes_nothing(string query)
    {
        var patient = await PatientWithRemindersAsync(portal);
        using var anonymous = portal.CreatePortalClient();

        var page = await anonymous.GetPageAsync("/herinneringen/stop" + query);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Deze link klopt niet. Er is niets veranderd.", page.Text);
        Assert.True(await RemindersOnAsync(portal, patient.Id));
    }

    [Fact]
    public async Task A_stop_link_with_one_character_changed_is_refused()
    {
        var patient = await PatientWithRemindersAsync(portal);
        portal.Clock!.SetUtcNow(FiveAfterNine());
        await SendDueAsync(portal);
        var link = StopLinkIn(Assert.Single(MailsTo(patient.Email, portal)).Body);
        var forged = link[..^3] + (link[^3] == 'A' ? 'B' : 'A') + link[^2..];
        using var anonymous = portal.CreatePortalClient();

        var page = await anonymous.GetPageAsync(forged);

        Assert.Contains("Deze link klopt niet.", page.Text);
        Assert.True(await RemindersOnAsync(portal, patient.Id));
    }

    private static async Task SendDueAsync(PortalFactory instance)
    {
        await instance.Services.GetRequiredService<ReminderDispatcher>().SendDueAsync(CancellationToken.None);
    }

    private Task AddDevicesAsync(Guid patientId, params string[] endpoints) => portal.WithDbAsync(async db =>
    {
        foreach (var endpoint in endpoints)
        {
            db.PushDevices.Add(new PushDevice
            {
                PatientId = patientId, Endpoint = endpoint, EndpointHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(endpoint))),
                P256dh = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM", Auth = "tBHItJI5svbpez7KI4CCXg", CreatedAt = portal.PracticeClock().Now,
            });
        }
        return await db.SaveChangesAsync();
    });
}
