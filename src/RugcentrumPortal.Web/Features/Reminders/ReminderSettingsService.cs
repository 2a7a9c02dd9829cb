using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.PatientPortal;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Push;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>The patient's reminder page: what they chose, how many of their devices may show notifications, the portal's push key.</summary>
public sealed record ReminderPage(string FirstName, ReminderInput Saved, bool HasSettings, int Devices, string PushPublicKey);

/// <summary>What the therapist sees of a patient's reminders: whether they are on, how, on which days and at what time.</summary>
public sealed record ReminderSummary(bool Enabled, bool ByEmail, bool ByPush, int Devices, IReadOnlyList<ReminderDays> Days, TimeOnly At);

/// <summary>
/// The signed-in patient's reminder choices and devices, and the therapist's view of them. The access rule narrows
/// every query: a patient reaches only their own settings, a therapist only their practice's patients'.
/// </summary>
public sealed class ReminderSettingsService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, PushKeys pushKeys)
{
    public async Task<ReminderPage?> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await OwnPatientAsync(db, cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var settings = await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PatientId == patient.Id, cancellationToken);
        var devices = await db.PushDevices.CountAsync(d => d.PatientId == patient.Id, cancellationToken);
        var keys = await pushKeys.GetAsync(cancellationToken);
        return new ReminderPage(patient.FirstName, settings is null ? ReminderInput.Default() : ReminderInput.From(settings), settings is not null, devices, keys.PublicKey);
    }

    /// <summary>Saves the patient's choice in the language the page is shown in, which is the language of their reminders.</summary>
    public Task<FormResult> SaveAsync(ReminderInput input, CancellationToken cancellationToken) => SaveAsync(input, firstTry: true, cancellationToken);

    private async Task<FormResult> SaveAsync(ReminderInput input, bool firstTry, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await OwnPatientAsync(db, cancellationToken);
        if (patient is null)
        {
            return FormResult.NotFound;
        }
        if (FormResult.Refusal(input) is { } invalid)
        {
            return invalid;
        }
        var settings = await db.ReminderSettings.SingleOrDefaultAsync(s => s.PatientId == patient.Id, cancellationToken);
        if (settings is null)
        {
            settings = new ReminderSettings { PatientId = patient.Id, Language = Localization.DefaultCulture };
            db.ReminderSettings.Add(settings);
        }
        settings.Enabled = input.Enabled;
        settings.Days = input.Days;
        settings.At = input.ParsedTime ?? settings.At;
        settings.ByEmail = input.ByEmail;
        settings.ByPush = input.ByPush;
        settings.Language = Localization.SupportedCultures.Contains(Localization.CurrentLanguage) ? Localization.CurrentLanguage : Localization.DefaultCulture;
        settings.UpdatedAt = clock.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (firstTry && db.IsUniqueViolation(e))
        {
            // A first save from another tab won the insert: this choice updates that row instead.
            return await SaveAsync(input, firstTry: false, cancellationToken);
        }
        return FormResult.Saved;
    }

    /// <summary>
    /// Remembers a browser that allowed notifications. The same browser subscribing again (or after another patient
    /// signed out of it) is one device, now the signed-in patient's.
    /// </summary>
    public async Task<bool> AddDeviceAsync(DeviceInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await OwnPatientAsync(db, cancellationToken);
        if (patient is null || !input.IsValid)
        {
            return false;
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.Endpoint!)));
        // Looked up past the access rule: the device may still be registered to whoever used this browser before.
        await db.AcrossPractices("a browser's subscription is one device, whichever patient used it before")
            .PushDevices.Where(d => d.EndpointHash == hash).ExecuteDeleteAsync(cancellationToken);
        db.PushDevices.Add(new PushDevice
        {
            PatientId = patient.Id, Endpoint = input.Endpoint!, EndpointHash = hash, P256dh = input.P256dh!, Auth = input.Auth!, CreatedAt = clock.Now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The same subscription was posted twice at once: it is stored.
        }
        return true;
    }

    /// <summary>For the therapist's patient page; null when the patient is out of reach or never chose.</summary>
    public async Task<ReminderSummary?> ForPatientAsync(Guid patientId, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await db.ReminderSettings.AsNoTracking().SingleOrDefaultAsync(s => s.PatientId == patientId, cancellationToken);
        if (settings is null)
        {
            return null;
        }
        var devices = await db.PushDevices.CountAsync(d => d.PatientId == patientId, cancellationToken);
        return new ReminderSummary(settings.Enabled, settings.ByEmail, settings.ByPush, devices,
            ReminderSchedule.Week.Where(d => settings.Days.HasFlag(d)).ToList(), settings.At);
    }

    private async Task<Patient?> OwnPatientAsync(AppDbContext db, CancellationToken cancellationToken) =>
        user.IsPatient ? await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == user.UserId, cancellationToken) : null;
}
