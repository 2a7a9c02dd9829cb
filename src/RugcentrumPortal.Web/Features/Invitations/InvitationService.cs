using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Data;

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

/// <summary>
/// Single-use links for patients to set their password. The secret exists only in the link; the database keeps
/// its SHA-256 hash, and claiming the link and creating the account happen in one transaction.
/// </summary>
public sealed class InvitationService(AppDbContext db, UserManager<ApplicationUser> users, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public async Task<(PatientInvitation Invitation, string Token)> CreateAsync(Patient patient, string createdById, bool sentByEmail)
    {
        var now = clock.GetUtcNow();
        // Only the newest link works, so a letter lying around loses its power once a new one is made.
        await db.Invitations
            .Where(i => i.PatientId == patient.Id && i.UsedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.RevokedAt, now));
        var token = Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new PatientInvitation
        {
            PatientId = patient.Id, TokenHash = Hash(token), CreatedById = createdById, CreatedAt = now,
            ExpiresAt = now + Lifetime, SentByEmail = sentByEmail,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return (invitation, token);
    }

    public async Task<(InvitationState State, PatientInvitation? Invitation)> FindAsync(string token)
    {
        var hash = Hash(token);
        db.AcrossPractices("accepting an invitation: the visitor has no account yet, the link's secret is the right to it");
        var invitation = await db.Invitations.Include(i => i.Patient).SingleOrDefaultAsync(i => i.TokenHash == hash);
        return (StateOf(invitation), invitation);
    }

    public async Task<AcceptResult> AcceptAsync(string token, string password)
    {
        var (state, invitation) = await FindAsync(token);
        if (state != InvitationState.Valid)
        {
            return new AcceptResult(state, null, []);
        }
        var patient = invitation!.Patient!;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var now = clock.GetUtcNow();
        // Claim the link first: of two simultaneous submits only one gets a row back.
        var claimed = await db.Invitations
            .Where(i => i.Id == invitation.Id && i.UsedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.UsedAt, now));
        if (claimed == 0)
        {
            return new AcceptResult(InvitationState.Used, null, []);
        }

        var (user, errors) = patient.UserId is null
            ? await CreateAccountAsync(patient, password)
            : await ResetPasswordAsync(patient.UserId, password);
        if (errors.Count > 0)
        {
            await transaction.RollbackAsync();
            db.ChangeTracker.Clear();
            return new AcceptResult(InvitationState.Valid, null, errors);
        }
        await transaction.CommitAsync();
        return new AcceptResult(InvitationState.Valid, user, []);
    }

    private async Task<(ApplicationUser? User, IReadOnlyList<IdentityError> Errors)> CreateAccountAsync(Patient patient, string password)
    {
        var user = new ApplicationUser
        {
            UserName = patient.Email, Email = patient.Email, EmailConfirmed = true, DisplayName = patient.FullName, PracticeId = patient.PracticeId,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.ToList());
        }
        var role = await users.AddToRoleAsync(user, Roles.Patient);
        if (!role.Succeeded)
        {
            return (null, role.Errors.ToList());
        }
        patient.UserId = user.Id;
        db.Patients.Update(patient);
        await db.SaveChangesAsync();
        return (user, []);
    }

    private async Task<(ApplicationUser? User, IReadOnlyList<IdentityError> Errors)> ResetPasswordAsync(string userId, string password)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return (null, [new IdentityError { Code = "UnknownUser", Description = "" }]);
        }
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        return reset.Succeeded ? (user, []) : (null, reset.Errors.ToList());
    }

    private InvitationState StateOf(PatientInvitation? invitation) => invitation switch
    {
        null => InvitationState.Unknown,
        { UsedAt: not null } => InvitationState.Used,
        { RevokedAt: not null } => InvitationState.Expired,
        _ when invitation.ExpiresAt <= clock.GetUtcNow() => InvitationState.Expired,
        _ => InvitationState.Valid,
    };

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
