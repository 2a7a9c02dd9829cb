using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Admin;

public sealed record AccountRow(string Id, string Name, string Email, IReadOnlyList<string> Roles, bool LockedOut, bool IsSelf);

/// <summary>The new account's name, or the messages per input field (nothing was saved).</summary>
public sealed record AccountCreateResult(string? DisplayName, IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool Succeeded => DisplayName is not null;
}

public enum LockChange
{
    Blocked,
    Unblocked,

    /// <summary>No such account in this practice, or the administrator's own: nothing changed.</summary>
    Refused,
}

public sealed record LockResult(LockChange Change, string? DisplayName);

/// <summary>
/// The accounts of the administrator's practice: the list, new staff accounts, and blocking. Identity's
/// <see cref="UserManager{TUser}"/> saves through the request's own context, so the commands that use it run in a
/// transaction on that context; the list reads through a context of its own.
/// </summary>
public sealed class AccountsService(
    IDbContextFactory<AppDbContext> contexts, AppDbContext identityContext, UserManager<ApplicationUser> users,
    CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> text, IServiceProvider services)
{
    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken cancellationToken)
    {
        var practiceId = user.PracticeId;
        var now = clock.Now;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.Where(u => u.PracticeId == practiceId).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        var ids = accounts.Select(u => u.Id).ToList();
        var roleNames = Roles.Ids.ToDictionary(r => r.Value, r => r.Key);
        var roles = (await db.UserRoles.Where(r => ids.Contains(r.UserId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => roleNames[r.RoleId]);
        return accounts
            .Select(u => new AccountRow(u.Id, u.DisplayName, u.Email ?? "", roles[u.Id].ToList(), u.LockoutEnd > now, u.Id == user.UserId))
            .ToList();
    }

    /// <summary>A therapist or administrator of the own practice; patients get their login through an invitation.</summary>
    public async Task<AccountCreateResult> CreateStaffAsync(AccountInput input, CancellationToken cancellationToken)
    {
        var errors = InputRules.FirstErrorPerField(input, services);
        if (!AccountInput.StaffRoles.Contains(input.Role))
        {
            errors.TryAdd(nameof(AccountInput.Role), text["Accounts.UnknownRole"]);
        }
        if (errors.Count > 0)
        {
            return new AccountCreateResult(null, errors);
        }

        var email = input.Email.Trim();
        // An account without its role would be a login that reaches nothing: both or neither, retried as one (ADR 0030).
        return await identityContext.InTransactionAsync(async (transaction, attempt) =>
        {
            var account = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim(), PracticeId = user.PracticeId,
                // The administrator chose this password, so the person replaces it at their first sign-in.
                MustChangePassword = true,
            };
            var created = await users.CreateAsync(account, input.Password);
            var outcome = created.Succeeded ? await users.AddToRoleAsync(account, input.Role) : created;
            if (!outcome.Succeeded)
            {
                await transaction.RollbackAsync(attempt);
                identityContext.ChangeTracker.Clear();
                foreach (var error in outcome.Errors)
                {
                    var field = error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal)
                        ? nameof(AccountInput.Email)
                        : nameof(AccountInput.Password);
                    errors[field] = errors.TryGetValue(field, out var earlier) ? earlier + " " + error.Description : error.Description;
                }
                return new AccountCreateResult(null, errors);
            }
            await transaction.CommitAsync(attempt);
            return new AccountCreateResult(account.DisplayName, errors);
        }, cancellationToken);
    }

    /// <summary>
    /// Blocks or unblocks an account of this practice. A block lasts until an administrator lifts it, and a new
    /// security stamp ends the person's current sessions; an administrator cannot block themselves.
    /// </summary>
    public async Task<LockResult> ToggleBlockAsync(string accountId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // On a live page this service, and so its context, lives as long as the page: read the account afresh,
        // not as it was when the page last looked, or a change made elsewhere in between would be overwritten.
        identityContext.ChangeTracker.Clear();
        var target = await users.FindByIdAsync(accountId);
        if (target is null || target.PracticeId != user.PracticeId || target.Id == user.UserId)
        {
            return new LockResult(LockChange.Refused, null);
        }
        var blocked = target.LockoutEnd > clock.Now;
        target.LockoutEnabled = true;
        target.LockoutEnd = blocked ? null : DateTimeOffset.MaxValue;
        target.AccessFailedCount = 0;
        // One save: the new stamp (only on blocking) goes with the lockout fields.
        var saved = blocked ? await users.UpdateAsync(target) : await users.UpdateSecurityStampAsync(target);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException("The account's lockout could not be saved: " + string.Join("; ", saved.Errors.Select(e => e.Code)));
        }
        var security = services.GetRequiredService<SecurityEvents>();
        if (blocked)
        {
            security.AccountUnblocked(target.Id, user.UserId);
        }
        else
        {
            security.AccountBlocked(target.Id, user.UserId);
            security.SessionsEnded(target.Id, "blocked");
        }
        return new LockResult(blocked ? LockChange.Unblocked : LockChange.Blocked, target.DisplayName);
    }
}
