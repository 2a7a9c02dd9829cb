using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure.Mail;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Passwords;

public enum ResetLinkState
{
    Valid,
    Unknown,
    Used,

    /// <summary>Past its time, or replaced by a newer link.</summary>
    Expired,
}

public sealed record ResetResult(ResetLinkState State, IReadOnlyList<IdentityError> Errors)
{
    public bool Succeeded => State == ResetLinkState.Valid && Errors.Count == 0;
}

/// <summary>
/// Password reset by e-mail: a single-use link to the account's own address, its secret only in the link (the
/// database keeps a SHA-256 hash). Asking for one gives the same answer whether or not the address has an account.
/// Using one claims it first, so two submits cannot both set a password, and Identity's reset renews the security
/// stamp, which ends the account's other sessions.
/// </summary>
public sealed class PasswordResetService(
    AppDbContext identityContext, UserManager<ApplicationUser> users, PracticeClock clock, IMailSender mail,
    PortalAddress address, IStringLocalizer<Texts> text, SecurityEvents security)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>Mails a link when the address belongs to an account that is not blocked; says nothing either way.</summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null || account.LockoutEnd == DateTimeOffset.MaxValue)
        {
            security.PasswordResetRequested(null);
            return;
        }
        await SendAsync(account, cancellationToken);
        security.PasswordResetRequested(account.Id);
    }

    /// <summary>Makes a new link for an account, replacing its open ones, and mails it to the account's own address.</summary>
    public async Task SendAsync(ApplicationUser account, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var token = LinkSecret.New();
        await identityContext.InTransactionAsync(async (transaction, attempt) =>
        {
            await identityContext.PasswordResetLinks
                .Where(l => l.UserId == account.Id && l.UsedAt == null && l.RevokedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.RevokedAt, now), attempt);
            identityContext.PasswordResetLinks.Add(new PasswordResetLink
            {
                UserId = account.Id, TokenHash = LinkSecret.Hash(token), CreatedAt = now, ExpiresAt = now + Lifetime,
            });
            await identityContext.SaveChangesAsync(attempt);
            await transaction.CommitAsync(attempt);
            return true;
        }, cancellationToken);

        var link = address.Link($"account/wachtwoord-herstellen/{token}");
        await mail.SendAsync(new OutgoingMail(account.Email!, text["Reset.Mail.Subject"],
            text["Reset.Mail.Body", account.DisplayName, link, clock.Local(now + Lifetime).ToString("dddd d MMMM yyyy HH:mm")]), cancellationToken);
    }

    public async Task<(ResetLinkState State, string Email)> LookupAsync(string token, CancellationToken cancellationToken)
    {
        var (state, link) = await FindAsync(token, cancellationToken);
        return (state, state == ResetLinkState.Valid ? link!.User!.Email ?? "" : "");
    }

    /// <summary>The link is read again on a retry: the whole reset is one unit (ADR 0030).</summary>
    public async Task<ResetResult> ResetAsync(string token, string password, CancellationToken cancellationToken)
    {
        var (result, changedAccount) = await identityContext.InTransactionAsync<(ResetResult, string?)>(async (transaction, attempt) =>
        {
            var (state, link) = await FindAsync(token, attempt);
            if (state != ResetLinkState.Valid)
            {
                return (new ResetResult(state, []), null);
            }
            var claimed = await identityContext.PasswordResetLinks
                .Where(l => l.Id == link!.Id && l.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.UsedAt, clock.Now), attempt);
            if (claimed == 0)
            {
                return (new ResetResult(ResetLinkState.Used, []), null);
            }
            var account = link!.User!;
            account.MustChangePassword = false;
            var reset = await users.ResetPasswordAsync(account, await users.GeneratePasswordResetTokenAsync(account), password);
            if (!reset.Succeeded)
            {
                await transaction.RollbackAsync(attempt);
                identityContext.ChangeTracker.Clear();
                return (new ResetResult(ResetLinkState.Valid, reset.Errors.ToList()), null);
            }
            await transaction.CommitAsync(attempt);
            return (new ResetResult(ResetLinkState.Valid, []), account.Id);
        }, cancellationToken);
        if (changedAccount is not null)
        {
            security.PasswordChanged(changedAccount, "reset through a mailed link; its other sessions end");
        }
        return result;
    }

    private async Task<(ResetLinkState State, PasswordResetLink? Link)> FindAsync(string token, CancellationToken cancellationToken)
    {
        var hash = LinkSecret.Hash(token);
        var link = await identityContext.PasswordResetLinks.Include(l => l.User)
            .SingleOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
        var state = link switch
        {
            null => ResetLinkState.Unknown,
            { UsedAt: not null } => ResetLinkState.Used,
            { RevokedAt: not null } => ResetLinkState.Expired,
            _ when link.ExpiresAt <= clock.Now => ResetLinkState.Expired,
            _ => ResetLinkState.Valid,
        };
        return (state, link);
    }
}
