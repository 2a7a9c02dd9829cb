using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

/// <summary>What an authenticator app needs: the key written out, and the same key as a QR code.</summary>
public sealed record AuthenticatorKey(string Key, string GroupedKey, string QrCodeDataUri);

/// <summary>Setting up and removing the authenticator app (the second step of signing in) and its recovery codes.</summary>
public sealed class AuthenticatorService(UserManager<ApplicationUser> users, IUserStore<ApplicationUser> store)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Rugcentrum";

    /// <summary>
    /// The key to set up, made once and kept until confirmed. Written through the store without a new security
    /// stamp: a key nobody has confirmed yet must not end the person's other sessions.
    /// </summary>
    public async Task<AuthenticatorKey> KeyForAsync(ApplicationUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<ApplicationUser>)store).SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
            Check(await users.UpdateAsync(user));
        }
        var label = Uri.EscapeDataString($"{Issuer}:{user.Email}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorKey(key, Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>Turns the second step on when the code from the app is right, and returns the recovery codes to show once.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user, string code)
    {
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalized(code)))
        {
            return null;
        }
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        return (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))!.ToList();
    }

    /// <summary>Turns the second step off and forgets the key, so turning it on again starts with a new one.</summary>
    public async Task DisableAsync(ApplicationUser user)
    {
        Check(await users.SetTwoFactorEnabledAsync(user, false));
        Check(await users.ResetAuthenticatorKeyAsync(user));
    }

    /// <summary>Codes are typed with spaces or dashes as often as without.</summary>
    public static string Normalized(string code) => new(code.Where(char.IsAsciiLetterOrDigit).ToArray());

    private static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(grouped.Length > 0 ? " " : "").Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }
        return grouped.ToString().ToLowerInvariant();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }
}
