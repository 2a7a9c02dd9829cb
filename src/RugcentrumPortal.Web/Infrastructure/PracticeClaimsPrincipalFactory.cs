using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Infrastructure;

/// <summary>Puts the user's practice in the cookie so access checks need no extra query.</summary>
public sealed class PracticeClaimsPrincipalFactory(
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(CurrentUser.PracticeClaim, user.PracticeId.ToString()));
        identity.AddClaim(new Claim("display_name", user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(Features.Passwords.PasswordChangeService.MustChangeClaim, "true"));
        }
        return identity;
    }
}
