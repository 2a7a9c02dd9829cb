using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Features.PatientPortal;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Mail;
using RugcentrumPortal.Web.Infrastructure.Push;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Messages;

/// <summary>One message as shown: who wrote it (the patient or the practice), when at the practice, and the text.</summary>
public sealed record MessageView(Guid Id, bool FromPatient, string Author, DateTimeOffset At, string Text);

public sealed record Conversation(Guid PatientId, string PatientName, IReadOnlyList<MessageView> Messages);

/// <summary>A patient whose messages the practice has not read yet, for the therapist's overview.</summary>
public sealed record UnreadConversation(Guid PatientId, string PatientName, int Unread, DateTimeOffset Latest);

/// <summary>
/// The short messages between a patient and their practice. The access rule narrows every query: a patient reaches
/// only their own conversation, a therapist only their practice's patients'. Opening a conversation marks the other
/// side's messages read. A new message is announced to the other side without its content, which stays in the portal.
/// </summary>
public sealed class ConversationService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IMailSender mail, PortalAddress address,
    DeviceNotifier devices, ILogger<ConversationService> logger, AccessLogWriter accessLog)
{
    /// <summary>How many messages a conversation shows, the latest ones.</summary>
    public const int Shown = 100;

    public async Task<Conversation?> ForPatientAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await OwnPatientAsync(db, cancellationToken);
        return patient is null ? null : await OpenAsync(db, patient, readByPatient: true, cancellationToken);
    }

    public async Task<Conversation?> ForTherapistAsync(Guid patientId, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        return patient is null ? null : await OpenAsync(db, patient, readByPatient: false, cancellationToken);
    }

    public async Task<FormResult> SendAsPatientAsync(MessageInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await OwnPatientAsync(db, cancellationToken);
        if (patient is null)
        {
            return FormResult.NotFound;
        }
        return await SendAsync(db, patient, fromPatient: true, input, cancellationToken);
    }

    public async Task<FormResult> SendAsTherapistAsync(Guid patientId, MessageInput input, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return FormResult.NotFound;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return FormResult.NotFound;
        }
        return await SendAsync(db, patient, fromPatient: false, input, cancellationToken);
    }

    /// <summary>The practice's patients with unread messages, the longest waiting first.</summary>
    public async Task<IReadOnlyList<UnreadConversation>> UnreadAsync(CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var unread = await db.Messages.AsNoTracking()
            .Where(m => m.FromPatient && m.ReadAt == null)
            .GroupBy(m => new { m.PatientId, m.Patient!.FirstName, m.Patient.LastName })
            .Select(g => new { g.Key.PatientId, g.Key.FirstName, g.Key.LastName, Count = g.Count(), Latest = g.Max(m => m.CreatedAt) })
            .ToListAsync(cancellationToken);
        return unread.OrderBy(u => u.Latest)
            .Select(u => new UnreadConversation(u.PatientId, $"{u.FirstName} {u.LastName}", u.Count, u.Latest))
            .ToList();
    }

    /// <summary>Unread messages from one patient, for the therapist's patient page.</summary>
    public async Task<int?> UnreadFromAsync(Guid patientId, CancellationToken cancellationToken)
    {
        if (!user.IsTherapist)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Messages.CountAsync(m => m.PatientId == patientId && m.FromPatient && m.ReadAt == null, cancellationToken);
    }

    private async Task<Conversation> OpenAsync(AppDbContext db, Patient patient, bool readByPatient, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        // The other side's messages are read now that this side opened the conversation.
        var unread = db.Messages.Where(m => m.PatientId == patient.Id && m.FromPatient != readByPatient && m.ReadAt == null);
        var unreadIds = await unread.Select(m => m.Id).ToListAsync(cancellationToken);
        if (await unread.Where(m => unreadIds.Contains(m.Id)).ExecuteUpdateAsync(set => set.SetProperty(m => m.ReadAt, now), cancellationToken) > 0)
        {
            await accessLog.RecordAsync(unreadIds.Select(id => AccessRecord.Changed(patient.Id, nameof(PortalMessage), id)).ToList(), cancellationToken);
        }
        var latest = await db.Messages.AsNoTracking()
            .Where(m => m.PatientId == patient.Id)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Take(Shown)
            .Select(m => new { m.Id, m.FromPatient, m.AuthorUserId, m.CreatedAt, m.Text })
            .ToListAsync(cancellationToken);
        var authorIds = latest.Where(m => !m.FromPatient).Select(m => m.AuthorUserId).Distinct().ToList();
        var authors = await db.Users.AsNoTracking().Where(u => authorIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var messages = latest.AsEnumerable().Reverse()
            .Select(m => new MessageView(m.Id, m.FromPatient, m.FromPatient ? patient.FirstName : authors.GetValueOrDefault(m.AuthorUserId, ""), clock.Local(m.CreatedAt), m.Text))
            .ToList();
        return new Conversation(patient.Id, patient.FullName, messages);
    }

    private async Task<FormResult> SendAsync(AppDbContext db, Patient patient, bool fromPatient, MessageInput input, CancellationToken cancellationToken)
    {
        if (FormResult.Refusal(input) is { } invalid)
        {
            return invalid;
        }
        db.Messages.Add(new PortalMessage
        {
            PatientId = patient.Id, FromPatient = fromPatient, AuthorUserId = user.UserId, Text = input.Text!.Trim(),
            SubmissionId = input.ParsedSubmissionId!.Value, CreatedAt = clock.Now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (db.IsUniqueViolation(e))
        {
            // The same form was sent twice: the message is stored, and was announced, once.
            return FormResult.Saved;
        }
        try
        {
            await (fromPatient ? AnnounceToPracticeAsync(db, patient, cancellationToken) : AnnounceToPatientAsync(db, patient, cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The message is in the portal either way; a missed announcement must not look like a failed send.
            logger.LogWarning(e, "A new message could not be announced");
        }
        return FormResult.Saved;
    }

    /// <summary>To the patient's own therapist, or the practice's therapists when the patient has none yet.</summary>
    private async Task AnnounceToPracticeAsync(AppDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        var therapistRole = await db.Roles.Where(r => r.Name == Roles.Therapist).Select(r => r.Id).SingleAsync(cancellationToken);
        var recipients = await db.Users.AsNoTracking()
            .Where(u => patient.TherapistId != null ? u.Id == patient.TherapistId : u.PracticeId == patient.PracticeId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == therapistRole))
            .Select(u => u.Email)
            .ToListAsync(cancellationToken);
        var culture = Localization.Culture(Localization.DefaultCulture);
        foreach (var recipient in recipients.OfType<string>())
        {
            await mail.SendAsync(new OutgoingMail(recipient, Text("Messages.Announce.ToPractice.Subject", culture),
                Body(culture, address.Link($"patienten/{patient.Id}/berichten"))), cancellationToken);
        }
    }

    /// <summary>By notification where the patient allowed it on a device, otherwise by e-mail; in their reminder language.</summary>
    private async Task AnnounceToPatientAsync(AppDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        var language = await db.ReminderSettings.Where(s => s.PatientId == patient.Id).Select(s => s.Language).SingleOrDefaultAsync(cancellationToken);
        var culture = Localization.Culture(language ?? Localization.DefaultCulture);
        var pushed = await devices.NotifyAsync(db, patient.Id,
            new PushNote(Text("Messages.Announce.ToPatient.Subject", culture), Text("Messages.Announce.Line", culture), "/mijn/berichten"), cancellationToken);
        if (pushed == 0)
        {
            await mail.SendAsync(new OutgoingMail(patient.Email, Text("Messages.Announce.ToPatient.Subject", culture),
                Body(culture, address.Link("mijn/berichten"))), cancellationToken);
        }
    }

    private static string Body(CultureInfo culture, string link) =>
        string.Join("\n\n", Text("Messages.Announce.Line", culture), string.Format(culture, Text("Messages.Announce.Open", culture), link),
            Text("Messages.Announce.Privacy", culture)) + "\n";

    private static string Text(string key, CultureInfo culture) => Texts.Manager.GetString(key, culture) ?? key;

    private async Task<Patient?> OwnPatientAsync(AppDbContext db, CancellationToken cancellationToken) =>
        user.IsPatient ? await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == user.UserId, cancellationToken) : null;
}
