using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace RugcentrumPortal.Web.Features.Accounts;

/// <summary>Identity's messages in the user's language instead of Identity's built-in English.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<Texts> text) : IdentityErrorDescriber
{
    public IdentityError CommonPassword() => Error(nameof(CommonPassword));

    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = text["Identity.PasswordTooShort", length] };

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail));
    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateEmail));
    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail));
    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => Error(nameof(InvalidToken));
    public override IdentityError DefaultError() => Error(nameof(DefaultError));

    private IdentityError Error(string code) => new() { Code = code, Description = text["Identity." + code] };
}
