using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

public enum LoginStep { SignedIn, Failed, Throttled, Blocked, NeedsCode, NeedsSetup }

public sealed record LoginOutcome(LoginStep Step, TimeSpan Wait = default);

/// <summary>
/// The password step of signing in. It answers an unknown address exactly as a wrong password, after the same
/// work (one password hash), so the answer tells nobody whether an account exists. Staff always go on to a
/// second step: the code from their authenticator app, or setting that app up on their first sign-in.
/// </summary>
public sealed class LoginService(
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    IPasswordHasher<ApplicationUser> hasher,
    LoginThrottle throttle,
    TrustedDevices devices,
    PracticeClock clock,
    SecurityEvents security)
{
    /// <summary>The claim Identity gives a sign-in that passed a second factor.</summary>
    public const string SecondFactorClaim = "amr";
    public const string SecondFactorValue = "mfa";

    private static readonly ApplicationUser Nobody = new() { DisplayName = "", UserName = "" };
    private static string? dummyHash;

    public async Task<LoginOutcome> SignInAsync(HttpContext http, string email, string password)
    {
        email = email.Trim();
        var address = http.Connection.RemoteIpAddress?.ToString();
        var device = devices.Read(http, email);
        if (await throttle.WaitForAsync(email, device, http.RequestAborted) is var wait && wait > TimeSpan.Zero)
        {
            security.RateLimited("login", address);
            return new LoginOutcome(LoginStep.Throttled, wait);
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            // Same cost as checking a real password, so the time taken does not give the address away.
            dummyHash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
            hasher.VerifyHashedPassword(Nobody, dummyHash, password);
        }
        if (user is null || !await users.CheckPasswordAsync(user, password))
        {
            await throttle.FailedAsync(email, device, http.RequestAborted);
            security.LoginFailed(user?.Id, address);
            return new LoginOutcome(LoginStep.Failed);
        }
        await throttle.SucceededAsync(email, device, http.RequestAborted);
        // Said only to whoever knows the password: a block set by the practice lasts until it is lifted.
        if (IsBlockedByPractice(user))
        {
            security.LockedOut(user.Id, address);
            return new LoginOutcome(LoginStep.Blocked);
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            await AwaitSecondStepAsync(http, user);
            return new LoginOutcome(LoginStep.NeedsCode);
        }
        if (IsStaff(await users.GetRolesAsync(user)))
        {
            await AwaitSecondStepAsync(http, user);
            return new LoginOutcome(LoginStep.NeedsSetup);
        }
        await signIn.SignInAsync(user, isPersistent: false);
        devices.Remember(http, email);
        security.LoginSucceeded(user.Id, address);
        return new LoginOutcome(LoginStep.SignedIn);
    }

    /// <summary>
    /// Signs in someone who passed a second factor outside Identity's code step (setting up the app, a passkey):
    /// the pending password step ends and the sign-in carries the second factor's claim.
    /// </summary>
    public async Task SignInWithSecondFactorAsync(HttpContext http, ApplicationUser user)
    {
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SecondFactorClaim, SecondFactorValue)]);
        devices.Remember(http, user.Email!);
    }

    /// <summary>A block set by the practice, told apart from the short lockouts of wrong codes by its length.</summary>
    public bool IsBlockedByPractice(ApplicationUser user) => user.LockoutEnd is { } end && end > clock.Now.AddDays(1);

    /// <summary>Staff reach patient data only after a second factor.</summary>
    public static bool IsStaff(IEnumerable<string> roles) => roles.Any(r => r is Roles.Therapist or Roles.PracticeAdmin);

    public static bool IsStaff(ClaimsPrincipal principal) => principal.IsInRole(Roles.Therapist) || principal.IsInRole(Roles.PracticeAdmin);

    public static bool PassedSecondFactor(ClaimsPrincipal principal) => principal.HasClaim(SecondFactorClaim, SecondFactorValue);

    /// <summary>
    /// Remembers, for a few minutes and in Identity's own short-lived cookie, who gave the right password, so the
    /// code page knows whose code to check (the same cookie Identity's own two-step sign-in uses).
    /// </summary>
    private static Task AwaitSecondStepAsync(HttpContext http, ApplicationUser user) =>
        http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));
}
