using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Accounts.Sessions;

/// <summary>
/// Identity's user manager that lets the open pages know when an account was saved: every new security stamp
/// (block, password change or reset) is saved through here, wherever it is asked for.
/// </summary>
public sealed class PortalUserManager(
    IUserStore<ApplicationUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<ApplicationUser> passwordHasher,
    IEnumerable<IUserValidator<ApplicationUser>> userValidators,
    IEnumerable<IPasswordValidator<ApplicationUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<ApplicationUser>> logger,
    AccountSignals signals)
    : UserManager<ApplicationUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override async Task<IdentityResult> UpdateUserAsync(ApplicationUser user)
    {
        var result = await base.UpdateUserAsync(user);
        if (result.Succeeded)
        {
            signals.Raise(user.Id);
        }
        return result;
    }
}
