using Microsoft.AspNetCore.Identity;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Features.Passwords;

/// <summary>
/// A signed-in person changes their own password. Identity's change renews the security stamp, which ends the
/// person's other sessions; this one is signed in again with the new stamp, so it carries on.
/// </summary>
public sealed class PasswordChangeService(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, CurrentUser user, SecurityEvents security)
{
    public const string PagePath = "/account/wachtwoord";

    /// <summary>In the sign-in cookie while a password chosen by someone else must still be replaced.</summary>
    public const string MustChangeClaim = "must_change_password";

    public async Task<IReadOnlyList<IdentityError>> ChangeAsync(string currentPassword, string newPassword)
    {
        var account = await users.FindByIdAsync(user.UserId)
            ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        account.MustChangePassword = false;
        var changed = await users.ChangePasswordAsync(account, currentPassword, newPassword);
        if (!changed.Succeeded)
        {
            return changed.Errors.ToList();
        }
        await signIn.RefreshSignInAsync(account);
        security.PasswordChanged(account.Id, "changed by its owner; its other sessions end");
        return [];
    }
}
