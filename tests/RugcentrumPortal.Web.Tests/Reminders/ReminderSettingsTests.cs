using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;
using RugcentrumPortal.Web.Features.Reminders;
using static RugcentrumPortal.Web.Tests.Reminders.ReminderTestKit;

namespace RugcentrumPortal.Web.Tests.Reminders;

/// <summary>The patient's reminder page as a browser without script posts it, the device endpoint, and the therapist's view.</summary>
public class ReminderSettingsTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Form = "form[method=post]:has(input[name='Input.Time'])";
    private const string DeviceEndpoint = "/mijn/herinneringen/apparaat";

    public Task InitializeAsync() => portal.WithDbAsync(async db =>
    {
        await db.ReminderSettings.ExecuteDeleteAsync();
        return await db.PushDevices.ExecuteDeleteAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_patient_chooses_days_time_and_email_and_sees_the_choice_after_saving()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var saved = await client.SubmitAndFollowAsync(page, Form, new()
        {
            ["Input.Enabled"] = "true", ["Input.Monday"] = "true", ["Input.Tuesday"] = null, ["Input.Wednesday"] = "true",
            ["Input.Thursday"] = null, ["Input.Friday"] = null, ["Input.Time"] = "07:45", ["Input.ByEmail"] = "true",
        });

        Assert.Contains("Opgeslagen.", saved.Text);
        Assert.Contains("U krijgt een herinnering op de dagen die u koos.", saved.Text);
        Assert.True(saved.Document.QuerySelector("#day-wed")!.HasAttribute("checked"));
        Assert.False(saved.Document.QuerySelector("#day-tue")!.HasAttribute("checked"));
        Assert.Equal("07:45", saved.Document.QuerySelector("#reminder-time")!.GetAttribute("value"));
        var stored = await portal.WithDbAsync(db => db.ReminderSettings.SingleAsync(s => s.PatientId == Baseline.NoordPatientId));
        Assert.Equal((true, ReminderDays.Monday | ReminderDays.Wednesday, new TimeOnly(7, 45), true, false, "nl"),
            (stored.Enabled, stored.Days, stored.At, stored.ByEmail, stored.ByPush, stored.Language));
    }

    [Fact]
    public async Task Reminders_switched_on_without_a_day_are_refused_with_a_message_and_nothing_is_saved()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var refused = await client.SubmitAndFollowAsync(page, Form, new()
        {
            ["Input.Enabled"] = "true", ["Input.Monday"] = null, ["Input.Tuesday"] = null, ["Input.Wednesday"] = null,
            ["Input.Thursday"] = null, ["Input.Friday"] = null,
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Kies minstens één dag, of zet de herinneringen uit.", refused.Text);
        Assert.False(await portal.WithDbAsync(db => db.ReminderSettings.AnyAsync()));
    }

    [Theory]
    [InlineData("25:00")]
    [InlineData("09:60")]
    [InlineData("negen uur")]
    [InlineData("")]
    public async Task An_impossible_time_is_refused_with_a_message_and_the_choices_are_kept(string time)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var refused = await client.SubmitAndFollowAsync(page, Form, new() { ["Input.Enabled"] = "true", ["Input.Time"] = time, ["Input.Saturday"] = "true" });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("Vul een tijd in zoals 09:00", refused.Text);
        Assert.True(refused.Document.QuerySelector("#day-sat")!.HasAttribute("checked"));
        Assert.False(await portal.WithDbAsync(db => db.ReminderSettings.AnyAsync()));
    }

    [Fact]
    public async Task Reminders_on_without_email_or_notification_are_refused()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var refused = await client.SubmitAndFollowAsync(page, Form, new() { ["Input.Enabled"] = "true", ["Input.ByEmail"] = null, ["Input.ByPush"] = null });

        Assert.Contains("Kies per e-mail, als melding, of allebei.", refused.Text);
        Assert.False(await portal.WithDbAsync(db => db.ReminderSettings.AnyAsync()));
    }

    [Fact]
    public async Task Two_first_saves_at_once_keep_one_choice_and_neither_fails()
    {
        await using var first = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        await using var second = await portal.Services.ScopeAsAsync(Baseline.NoordPatient);
        var input = ReminderInput.Default();
        input.Enabled = true;

        var results = await Task.WhenAll(
            first.ServiceProvider.GetRequiredService<ReminderSettingsService>().SaveAsync(input, default),
            second.ServiceProvider.GetRequiredService<ReminderSettingsService>().SaveAsync(input, default));

        Assert.All(results, r => Assert.Equal(FormOutcome.Saved, r.Outcome));
        Assert.True(Assert.Single(await portal.WithDbAsync(db => db.ReminderSettings.ToListAsync())).Enabled);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_saves_nothing()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var response = await client.SubmitAsync(page, Form, new() { ["__RequestVerificationToken"] = null, ["Input.Enabled"] = "true" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.ReminderSettings.AnyAsync()));
    }

    [Fact]
    public async Task A_patient_who_reads_the_portal_in_English_gets_English_reminders()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        client.Http.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var saved = await client.SubmitAndFollowAsync(page, Form, new() { ["Input.Enabled"] = "true" });

        Assert.Contains("You will be reminded on the days you chose.", saved.Text);
        Assert.Equal("en", await portal.WithDbAsync(db => db.ReminderSettings.Select(s => s.Language).SingleAsync()));
    }

    [Fact]
    public async Task The_page_offers_the_portals_own_public_push_key_the_same_on_every_visit()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var first = (await client.GetPageAsync("/mijn/herinneringen")).Document.QuerySelector("[data-push-subscribe]")!.GetAttribute("data-public-key")!;
        using var restarted = portal.AnotherInstance();
        using var other = restarted.CreatePortalClient();
        await other.LoginAsync(Baseline.NoordPatient);
        var second = (await other.GetPageAsync("/mijn/herinneringen")).Document.QuerySelector("[data-push-subscribe]")!.GetAttribute("data-public-key")!;

        var point = WebEncoders.Base64UrlDecode(first);
        Assert.Equal((65, (byte)0x04), (point.Length, point[0]));
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task A_browsers_push_subscription_is_stored_once_for_the_patient()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var first = await PostDeviceAsync(client, page, ValidDevice);
        var second = await PostDeviceAsync(client, page, ValidDevice);
        var after = await client.GetPageAsync("/mijn/herinneringen");

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, second.StatusCode));
        var device = Assert.Single(await portal.WithDbAsync(db => db.PushDevices.ToListAsync()));
        Assert.Equal((Baseline.NoordPatientId, ValidDevice["endpoint"]), (device.PatientId, device.Endpoint));
        Assert.Contains("Apparaten die meldingen van het portaal mogen tonen: 1.", after.Text);
    }

    [Theory]
    [InlineData("endpoint", "http://fcm.googleapis.com/fcm/send/zonder-tls")]
    [InlineData("endpoint", "https://intern.rugcentrum.example/beheer")]
    [InlineData("endpoint", "https://fcm.googleapis.com.example/fcm/send/lijkt-echt")]
    [InlineData("endpoint", "geen adres")]
    [InlineData("p256dh", "te-kort")]
    [InlineData("auth", "")]
    public async Task A_malformed_push_subscription_is_refused_and_nothing_is_stored(string field, string value)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var page = await client.GetPageAsync("/mijn/herinneringen");

        var response = await PostDeviceAsync(client, page, new(ValidDevice) { [field] = value });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.PushDevices.AnyAsync()));
    }

    [Fact]
    public async Task A_push_subscription_without_the_antiforgery_token_or_from_a_therapist_is_refused()
    {
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        var therapistPage = await therapist.GetPageAsync("/patienten");

        var withoutToken = await patient.Http.PostAsync(DeviceEndpoint, new FormUrlEncodedContent(ValidDevice));
        var fromTherapist = await PostDeviceAsync(therapist, therapistPage, ValidDevice);

        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        Assert.NotEqual(HttpStatusCode.NoContent, fromTherapist.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.PushDevices.AnyAsync()));
    }

    [Fact]
    public async Task The_therapist_sees_on_the_patients_page_that_reminders_are_on_how_and_on_which_days()
    {
        await portal.WithDbAsync(db =>
        {
            db.ReminderSettings.Add(new ReminderSettings
            {
                PatientId = Baseline.NoordPatientId, Enabled = true, ByEmail = true, ByPush = true, Days = ReminderDays.Monday | ReminderDays.Thursday,
                At = new TimeOnly(18, 30), Language = "nl", UpdatedAt = DateTimeOffset.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}");
        var other = await client.GetPageAsync($"/patienten/{Baseline.NoordOtherPatientId}");

        Assert.Equal("Staan aan: per e-mail en als melding, op maandag, donderdag, om 18:30. Apparaten met meldingen: 0.",
            page.Document.QuerySelector("#reminders-status")!.TextContent.Trim());
        Assert.Equal("Staan uit: de patiënt krijgt geen herinneringen.", other.Document.QuerySelector("#reminders-status")!.TextContent.Trim());
    }

    private static readonly Dictionary<string, string> ValidDevice = new()
    {
        ["endpoint"] = "https://fcm.googleapis.com/fcm/send/" + Guid.NewGuid().ToString("N"),
        ["p256dh"] = "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM",
        ["auth"] = "tBHItJI5svbpez7KI4CCXg",
    };

    /// <summary>Posts as the page's script does: the subscription and the page's antiforgery token, as a form.</summary>
    private static Task<HttpResponseMessage> PostDeviceAsync(PortalClient client, Page page, Dictionary<string, string> device)
    {
        var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.Http.PostAsync(DeviceEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>(device) { ["__RequestVerificationToken"] = token }));
    }
}
