using Microsoft.AspNetCore.DataProtection;

namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

/// <summary>
/// A browser that has signed in to an account before carries a signed note of it, so its login tries are counted
/// apart from a stranger's (see <see cref="LoginThrottle"/>). The note says nothing readable and grants nothing:
/// the password and second step are still asked.
/// </summary>
public sealed class TrustedDevices(IDataProtectionProvider protection, IConfiguration configuration)
{
    private const string CookieName = "rugcentrum.device";
    private readonly IDataProtector protector = protection.CreateProtector("RugcentrumPortal.TrustedDevice");
    private readonly bool allowInsecure = configuration.GetValue<bool>("Security:AllowInsecureCookies");

    /// <summary>This browser's device id for the account, when it signed in to it before.</summary>
    public string? Read(HttpContext http, string email)
    {
        if (http.Request.Cookies[CookieName] is not { Length: > 0 } value)
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(value).Split('|', 2);
            return parts.Length == 2 && string.Equals(parts[1], email.Trim(), StringComparison.OrdinalIgnoreCase) ? parts[0] : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public void Remember(HttpContext http, string email) =>
        http.Response.Cookies.Append(CookieName, protector.Protect(Guid.NewGuid().ToString("N") + "|" + email.Trim()), new CookieOptions
        {
            HttpOnly = true,
            Secure = !allowInsecure || http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(180),
            IsEssential = true,
        });
}
