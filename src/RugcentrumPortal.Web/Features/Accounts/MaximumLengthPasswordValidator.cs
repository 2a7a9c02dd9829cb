using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Accounts;

/// <summary>
/// Refuses passwords longer than <see cref="PasswordRules.MaximumLength"/>: long enough for any passphrase, short
/// enough that hashing a pasted megabyte cannot tie up the server.
/// </summary>
public sealed class MaximumLengthPasswordValidator(IStringLocalizer<Texts> text) : IPasswordValidator<ApplicationUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(password is { Length: > PasswordRules.MaximumLength }
            ? IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong", Description = text["Identity.PasswordTooLong", PasswordRules.MaximumLength],
            })
            : IdentityResult.Success);
}
