using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Features.Passwords;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Mail;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Invitations;

public enum InvitationState
{
    Valid,
    Unknown,
    Used,

    /// <summary>Past its date, or replaced by a newer invitation.</summary>
    Expired,
}

public sealed record AcceptResult(InvitationState State, ApplicationUser? User, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => State == InvitationState.Valid && User is not null && Errors.Count == 0;
}

/// <summary>What the invitation page shows about a patient; times are the practice's local time.</summary>
public sealed record InvitationOverview(
    Guid PatientId, string FirstName, string FullName, string Email, string PracticeName, bool HasLogin, LatestInvitation? Latest)
{
    /// <summary>Whether a printed letter can be opened (and printed) again: it is the newest link and still open.</summary>
    public bool HasOpenLetter => Latest is { IsLetter: true, UsedAt: null, Revoked: false, Expired: false };
}

/// <summary>The newest invitation of a patient; times are the practice's local time.</summary>
public sealed record LatestInvitation(DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt, bool Revoked, bool Expired, bool IsLetter = false);

/// <summary>
/// A new link; <see cref="QrCode"/> only for a printed letter, the expiry in the practice's local time.
/// <see cref="ResetSent"/>: the patient already had a login, so a password-reset link was mailed instead.
/// </summary>
public sealed record IssuedInvitation(string Email, string Link, DateTimeOffset ExpiresAt, string? QrCode, bool ResetSent = false);

/// <summary>A printed invitation as the letter shows it, with the practice's own details.</summary>
public sealed record InvitationLetter(
    string FirstName, string Link, string Code, string CodeAddress, DateTimeOffset ExpiresAt, string QrCode, PracticeDetails Practice);

public sealed record PracticeDetails(string Name, string? Address, string? PostalCode, string? City, string? Phone, string? Email);

/// <summary>What the person opening a link may see before choosing a password.</summary>
public sealed record InvitationLookup(InvitationState State, string FirstName, string Email);

/// <summary>
/// Single-use links for patients to set their password. The secret exists only in the link; the database keeps
/// its SHA-256 hash. Making a link revokes the older ones in the same transaction. Claiming a link and creating
/// the account happen in one transaction on the context Identity's <see cref="UserManager{TUser}"/> saves through,
/// so those run on that (scoped) context rather than one from the factory.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<AppDbContext> contexts, AppDbContext identityContext, UserManager<ApplicationUser> users, CurrentUser user,
    PracticeClock clock, IMailSender mail, PortalAddress address, IStringLocalizer<Texts> text, IDataProtectionProvider protection,
    PasswordResetService resets, SecurityEvents security, AccessLogWriter accessLog)
{
    private readonly IDataProtector letterCodes = protection.CreateProtector("RugcentrumPortal.Invitations.LetterCode");

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string LetterDateFormat = "dddd d MMMM yyyy HH:mm";

    /// <summary>The invitation page's read model; null when the patient does not exist or is out of reach.</summary>
    public async Task<InvitationOverview?> OverviewAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => new { p.Id, p.FirstName, p.LastName, p.Email, PracticeName = p.Practice!.Name, HasLogin = p.UserId != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var latest = await db.Invitations.Where(i => i.PatientId == patientId).OrderByDescending(i => i.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return new InvitationOverview(patient.Id, patient.FirstName, patient.FirstName + " " + patient.LastName, patient.Email,
            patient.PracticeName, patient.HasLogin, latest is null ? null : Describe(latest));
    }

    /// <summary>
    /// Makes a new link and mails it to the patient; null when the patient is out of reach. A patient who already
    /// has a login gets no invitation: the therapist must not be able to choose their password. They get a
    /// password-reset link at their own account's address instead, and nothing else changes.
    /// </summary>
    public async Task<IssuedInvitation?> SendByEmailAsync(Guid patientId, CancellationToken cancellationToken)
    {
        if (await ExistingLoginAsync(patientId, cancellationToken) is { } account)
        {
            await resets.SendAsync(account, cancellationToken);
            security.ResetInsteadOfInvitation(user.UserId, patientId);
            return new IssuedInvitation(account.Email!, "", clock.Local(clock.Now + PasswordResetService.Lifetime), null, ResetSent: true);
        }
        var issued = await IssueAsync(patientId, sentByEmail: true, cancellationToken);
        if (issued is null)
        {
            return null;
        }
        var (patient, token, expiresAt) = issued.Value;
        var link = InvitationLink.For(address, token);
        await mail.SendAsync(new OutgoingMail(patient.Email, text["Invite.Mail.Subject", patient.PracticeName],
            text["Invite.Mail.Body", patient.FirstName, patient.PracticeName, link, expiresAt.ToString(LetterDateFormat)]), cancellationToken);
        return new IssuedInvitation(patient.Email, link, expiresAt, null);
    }

    /// <summary>
    /// Makes a new printed invitation, with a short code as its secret, replacing any open one; false when the
    /// patient is out of reach or already has a login (a letter would let whoever holds it choose their password).
    /// The letter itself is read with <see cref="LetterAsync"/>, as often as needed.
    /// </summary>
    public async Task<bool> CreateLetterAsync(Guid patientId, CancellationToken cancellationToken)
    {
        if (await ExistingLoginAsync(patientId, cancellationToken) is not null)
        {
            return false;
        }
        var code = InvitationCode.New();
        return await IssueAsync(patientId, sentByEmail: false, cancellationToken, code) is not null;
    }

    /// <summary>The open printed invitation of a patient, to show and print again; null when there is none.</summary>
    public async Task<InvitationLetter?> LetterAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = clock.Now;
        var open = await db.Invitations
            .Where(i => i.PatientId == patientId && i.ProtectedLetterCode != null && i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .Select(i => new
            {
                i.ProtectedLetterCode, i.ExpiresAt, i.Patient!.FirstName,
                Practice = new PracticeDetails(i.Patient.Practice!.Name, i.Patient.Practice.Address, i.Patient.Practice.PostalCode,
                    i.Patient.Practice.City, i.Patient.Practice.Phone, i.Patient.Practice.Email),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (open is null)
        {
            return null;
        }
        var code = letterCodes.Unprotect(open.ProtectedLetterCode!);
        var link = InvitationLink.For(address, code);
        return new InvitationLetter(open.FirstName, link, code, InvitationLink.CodeAddress(address),
            clock.Local(open.ExpiresAt), InvitationLink.QrCodeDataUri(link), open.Practice);
    }

    public async Task<InvitationLookup> LookupAsync(string token, CancellationToken cancellationToken)
    {
        var (state, invitation) = await FindAsync(token, cancellationToken);
        return new InvitationLookup(state, invitation?.Patient?.FirstName ?? "", invitation?.Patient?.Email ?? "");
    }

    /// <summary>The link is read again on a retry: the whole acceptance is one unit (ADR 0030).</summary>
    public Task<AcceptResult> AcceptAsync(string token, string password, CancellationToken cancellationToken) =>
        identityContext.InTransactionAsync(async (transaction, attempt) =>
        {
            var (state, invitation) = await FindAsync(token, attempt);
            if (state != InvitationState.Valid)
            {
                return new AcceptResult(state, null, []);
            }
            var patient = invitation!.Patient!;
            if (patient.UserId is not null)
            {
                // A link made before the patient had a login (or a race with another link) never replaces a password.
                return new AcceptResult(InvitationState.Used, null, []);
            }
            var now = clock.Now;
            // Claim the link first: of two simultaneous submits only one gets a row back.
            var claimed = await identityContext.Invitations
                .Where(i => i.Id == invitation.Id && i.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now), attempt);
            if (claimed == 0)
            {
                return new AcceptResult(InvitationState.Used, null, []);
            }

            var (account, errors) = await CreateAccountAsync(patient, password, attempt);
            if (errors.Count > 0)
            {
                await transaction.RollbackAsync(attempt);
                identityContext.ChangeTracker.Clear();
                return new AcceptResult(InvitationState.Valid, null, errors);
            }
            await transaction.CommitAsync(attempt);
            return new AcceptResult(InvitationState.Valid, account, []);
        }, cancellationToken);

    private async Task<(InvitationState State, PatientInvitation? Invitation)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = Hash(InvitationCode.Normalize(token) ?? token);
        identityContext.AcrossPractices("accepting an invitation: the visitor has no account yet, the link's secret is the right to it");
        var invitation = await identityContext.Invitations.Include(i => i.Patient)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        return (StateOf(invitation), invitation);
    }

    private async Task<(IssuedFor Patient, string Token, DateTimeOffset ExpiresAt)?> IssueAsync(
        Guid patientId, bool sentByEmail, CancellationToken cancellationToken, string? letterCode = null)
    {
        var issued = await contexts.RetriedAsync<(IssuedFor Patient, string Token, DateTimeOffset ExpiresAt, List<Guid> Revoked)?>(async (db, attempt) =>
        {
            var patient = await db.Patients.Where(p => p.Id == patientId)
                .Select(p => new IssuedFor(p.Id, p.FirstName, p.Email, p.Practice!.Name))
                .SingleOrDefaultAsync(attempt);
            if (patient is null)
            {
                return null;
            }
            var now = clock.Now;
            var token = letterCode is null ? LinkSecret.New() : InvitationCode.Normalize(letterCode)!;
            await using var transaction = await db.Database.BeginTransactionAsync(attempt);
            // Only the newest link works, so a letter lying around loses its power once a new one is made.
            var revoked = await db.Invitations
                .Where(i => i.PatientId == patientId && i.UsedAt == null && i.RevokedAt == null)
                .Select(i => i.Id).ToListAsync(attempt);
            await db.Invitations
                .Where(i => revoked.Contains(i.Id) && i.UsedAt == null && i.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now), attempt);
            db.Invitations.Add(new PatientInvitation
            {
                PatientId = patientId, TokenHash = Hash(token), CreatedById = user.UserId, CreatedAt = now,
                ExpiresAt = now + Lifetime, SentByEmail = sentByEmail,
                ProtectedLetterCode = letterCode is null ? null : letterCodes.Protect(letterCode),
            });
            await db.SaveChangesAsync(attempt);
            await transaction.CommitAsync(attempt);
            return (patient, token, clock.Local(now + Lifetime), revoked);
        }, cancellationToken);
        if (issued is not { } done)
        {
            return null;
        }
        // After the commit: on SQLite the log's own connection would wait for this transaction's lock.
        await accessLog.RecordAsync(done.Revoked.Select(id => AccessRecord.Changed(patientId, nameof(PatientInvitation), id)).ToList(), cancellationToken);
        return (done.Patient, done.Token, done.ExpiresAt);
    }

    private async Task<(ApplicationUser? User, IReadOnlyList<IdentityError> Errors)> CreateAccountAsync(
        Patient patient, string password, CancellationToken cancellationToken)
    {
        var account = new ApplicationUser
        {
            UserName = patient.Email, Email = patient.Email, EmailConfirmed = true, DisplayName = patient.FullName, PracticeId = patient.PracticeId,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.ToList());
        }
        var role = await users.AddToRoleAsync(account, Roles.Patient);
        if (!role.Succeeded)
        {
            return (null, role.Errors.ToList());
        }
        patient.UserId = account.Id;
        identityContext.Patients.Update(patient);
        await identityContext.SaveChangesAsync(cancellationToken);
        return (account, []);
    }

    private async Task<ApplicationUser?> ExistingLoginAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var userId = await db.Patients.Where(p => p.Id == patientId).Select(p => p.UserId).SingleOrDefaultAsync(cancellationToken);
        return userId is null ? null : await users.FindByIdAsync(userId);
    }

    private LatestInvitation Describe(PatientInvitation invitation) => new(
        clock.Local(invitation.CreatedAt), clock.Local(invitation.ExpiresAt),
        invitation.UsedAt is { } used ? clock.Local(used) : null,
        invitation.RevokedAt is not null, invitation.ExpiresAt <= clock.Now, invitation.ProtectedLetterCode is not null);

    private InvitationState StateOf(PatientInvitation? invitation) => invitation switch
    {
        null => InvitationState.Unknown,
        { UsedAt: not null } => InvitationState.Used,
        { RevokedAt: not null } => InvitationState.Expired,
        _ when invitation.ExpiresAt <= clock.Now => InvitationState.Expired,
        _ => InvitationState.Valid,
    };

    public static string Hash(string token) => LinkSecret.Hash(token);

    private sealed record IssuedFor(Guid Id, string FirstName, string Email, string PracticeName);
}
