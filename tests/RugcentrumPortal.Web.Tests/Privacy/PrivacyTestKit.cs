using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Privacy;

/// <summary>A patient of their own with a login, reminders, a device and a message, so erasing them touches no other test.</summary>
public static class PrivacyTestKit
{
    public const string Password = "een eigen zin voor deze test";

    public static async Task<(Guid PatientId, string Email)> PatientWithLoginAsync(PortalFactory portal, Guid practiceId, DateTimeOffset? createdAt = null)
    {
        var patientId = await TestPatients.NewAsync(portal, practiceId, "Wies", "Wissel");
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var patient = await db.Patients.SingleAsync(p => p.Id == patientId);
        var account = new ApplicationUser { UserName = patient.Email, Email = patient.Email, EmailConfirmed = true, DisplayName = "Wies Wissel", PracticeId = practiceId };
        Assert.True((await users.CreateAsync(account, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(account, Roles.Patient)).Succeeded);
        var now = createdAt ?? portal.PracticeClock().Now;
        patient.UserId = account.Id;
        patient.CreatedAt = now;
        db.ReminderSettings.Add(new ReminderSettings { PatientId = patientId, Enabled = true, ByEmail = true, Days = ReminderDays.Monday, At = new TimeOnly(9, 0), Language = "nl", UpdatedAt = now });
        db.PushDevices.Add(new PushDevice { PatientId = patientId, Endpoint = "https://push.example/" + patientId, EndpointHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), P256dh = "sleutel-p256dh", Auth = "sleutel-auth", CreatedAt = now });
        db.Messages.Add(new PortalMessage { PatientId = patientId, FromPatient = true, AuthorUserId = account.Id, Text = "Mijn knie doet minder pijn", SubmissionId = Guid.NewGuid(), CreatedAt = now });
        await db.SaveChangesAsync();
        return (patientId, patient.Email);
    }
}
