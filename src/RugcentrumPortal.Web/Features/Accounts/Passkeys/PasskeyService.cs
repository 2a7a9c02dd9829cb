using System.Buffers.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using RugcentrumPortal.Data.Configurations;
using RugcentrumPortal.Web.Features.Accounts.SignIn;
using RugcentrumPortal.Web.Infrastructure.Security;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Accounts.Passkeys;

/// <summary>One passkey as its owner sees it; <see cref="Id"/> is the credential id, base64url.</summary>
public sealed record PasskeyRow(string Id, string Name, DateTimeOffset AddedAt, DateTimeOffset? LastUsedAt);

public enum PasskeyAddResult { Added, WrongPassword, Throttled, Refused }

public enum PasskeySignInStep { SignedIn, Refused, Throttled, Blocked, LockedOut }

public sealed record PasskeySignInOutcome(PasskeySignInStep Step, TimeSpan Wait = default);

/// <summary>
/// Passkeys on top of Identity's own WebAuthn checks (challenge, origin, signature, counter, user verification):
/// adding one after the password is given again, listing and removing one's own, and signing in with one. A
/// passkey that proved its user was verified (fingerprint, face or PIN on the device) counts as two factors, so
/// staff signed in with it skip the code step; the sign-in is otherwise made exactly as after a password, so it
/// gets its server-side session the same way.
/// </summary>
public sealed class PasskeyService(
    SignInManager<ApplicationUser> signIn,
    UserManager<ApplicationUser> users,
    AppDbContext db,
    LoginService login,
    LoginThrottle throttle,
    TrustedDevices devices,
    PracticeClock clock,
    SecurityEvents security)
{
    public const int NameMaxLength = 60;

    /// <summary>The options for the browser's "create a passkey" prompt, for the signed-in person.</summary>
    public Task<string> CreationOptionsAsync(ApplicationUser user) =>
        signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.DisplayName });

    /// <summary>The options for the browser's "sign in with a passkey" prompt: any passkey of this portal may answer.</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    public async Task<IReadOnlyList<PasskeyRow>> ListAsync(ApplicationUser user, CancellationToken cancellationToken)
    {
        var lastUsed = await db.UserPasskeys.AsNoTracking()
            .Where(p => p.UserId == user.Id)
            .Select(p => new { p.CredentialId, LastUsedAt = EF.Property<DateTimeOffset?>(p, PasskeyConfiguration.LastUsedAt) })
            .ToListAsync(cancellationToken);
        var lastUsedById = lastUsed.ToDictionary(p => Base64Url.EncodeToString(p.CredentialId), p => p.LastUsedAt);
        return (await users.GetPasskeysAsync(user))
            .Select(p => new PasskeyRow(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "", p.CreatedAt, lastUsedById.GetValueOrDefault(Base64Url.EncodeToString(p.CredentialId))))
            .OrderBy(p => p.AddedAt)
            .ToList();
    }

    /// <summary>
    /// Adds the passkey the browser just made, when the password given with it is right. The wrong password counts
    /// towards the account's login throttle, as at the login page, so this form is no way round it.
    /// </summary>
    public async Task<PasskeyAddResult> AddAsync(HttpContext http, ApplicationUser user, string name, string password, string credentialJson)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        var email = user.Email!;
        var device = devices.Read(http, email);
        if (await throttle.WaitForAsync(email, device, http.RequestAborted) > TimeSpan.Zero)
        {
            security.RateLimited("passkey registration", address);
            return PasskeyAddResult.Throttled;
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await throttle.FailedAsync(email, device, http.RequestAborted);
            security.PasskeyRefused(user.Id, "the password was wrong", address);
            return PasskeyAddResult.WrongPassword;
        }
        await throttle.SucceededAsync(email, device, http.RequestAborted);
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No creation under way in this browser (expired, or a post made without asking for options first).
            security.PasskeyRefused(user.Id, "no passkey creation was under way", address);
            return PasskeyAddResult.Refused;
        }
        if (!attestation.Succeeded)
        {
            security.PasskeyRefused(user.Id, attestation.Failure.Message, address);
            return PasskeyAddResult.Refused;
        }
        if (attestation.UserEntity.Id != user.Id || await users.FindByPasskeyIdAsync(attestation.Passkey.CredentialId) is not null)
        {
            security.PasskeyRefused(user.Id, "the passkey was made for another account or is already in use", address);
            return PasskeyAddResult.Refused;
        }
        var passkey = attestation.Passkey;
        passkey.Name = name.Trim();
        var stamp = user.SecurityStamp;
        var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!saved.Succeeded)
        {
            security.PasskeyRefused(user.Id, string.Join("; ", saved.Errors.Select(e => e.Code)), address);
            return PasskeyAddResult.Refused;
        }
        await ContinueSignInAfterStampChangeAsync(user, stamp);
        security.PasskeyAdded(user.Id, address);
        return PasskeyAddResult.Added;
    }

    /// <summary>Removes one of the person's own passkeys; another account's passkey is not found, so nothing happens.</summary>
    public async Task<bool> RemoveAsync(HttpContext http, ApplicationUser user, string id)
    {
        if (!TryDecode(id, out var credentialId) || await users.GetPasskeyAsync(user, credentialId) is null)
        {
            return false;
        }
        var stamp = user.SecurityStamp;
        var removed = await users.RemovePasskeyAsync(user, credentialId);
        if (!removed.Succeeded)
        {
            return false;
        }
        await ContinueSignInAfterStampChangeAsync(user, stamp);
        security.PasskeyRemoved(user.Id, http.Connection.RemoteIpAddress?.ToString());
        return true;
    }

    /// <summary>
    /// Signs in with the passkey the browser answered with. Anything that does not check out (an unknown,
    /// removed, forged or replayed credential, or no sign-in under way) is one answer: refused, nothing changed.
    /// </summary>
    public async Task<PasskeySignInOutcome> SignInAsync(HttpContext http, string credentialJson)
    {
        var address = http.Connection.RemoteIpAddress?.ToString();
        PasskeyAssertionResult<ApplicationUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            security.PasskeyLoginFailed(null, "no passkey sign-in was under way", address);
            return new PasskeySignInOutcome(PasskeySignInStep.Refused);
        }
        if (!assertion.Succeeded)
        {
            if (assertion.User is { Email: { } known })
            {
                await throttle.FailedAsync(known, devices.Read(http, known), http.RequestAborted);
            }
            security.PasskeyLoginFailed(assertion.User?.Id, assertion.Failure.Message, address);
            return new PasskeySignInOutcome(PasskeySignInStep.Refused);
        }
        var user = assertion.User;
        var email = user.Email!;
        var device = devices.Read(http, email);
        if (await throttle.WaitForAsync(email, device, http.RequestAborted) is var wait && wait > TimeSpan.Zero)
        {
            security.RateLimited("passkey login", address);
            return new PasskeySignInOutcome(PasskeySignInStep.Throttled, wait);
        }
        if (login.IsBlockedByPractice(user))
        {
            security.LockedOut(user.Id, address);
            return new PasskeySignInOutcome(PasskeySignInStep.Blocked);
        }
        if (await users.IsLockedOutAsync(user))
        {
            security.LockedOut(user.Id, address);
            return new PasskeySignInOutcome(PasskeySignInStep.LockedOut);
        }
        // The new signature counter, so this very answer cannot be used again.
        await users.AddOrUpdatePasskeyAsync(user, assertion.Passkey);
        await db.UserPasskeys.Where(p => p.CredentialId == assertion.Passkey.CredentialId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<DateTimeOffset?>(p, PasskeyConfiguration.LastUsedAt), clock.Now), http.RequestAborted);
        await login.SignInWithSecondFactorAsync(http, user);
        await throttle.SucceededAsync(email, device, http.RequestAborted);
        security.PasskeyLoginSucceeded(user.Id, address);
        return new PasskeySignInOutcome(PasskeySignInStep.SignedIn);
    }

    /// <summary>
    /// When Identity renewed the security stamp for a passkey change, this browser's sign-in ended with all others;
    /// it continues in a new one with the same second factor, as after turning on the authenticator app.
    /// </summary>
    private async Task ContinueSignInAfterStampChangeAsync(ApplicationUser user, string? stampBefore)
    {
        if (user.SecurityStamp != stampBefore)
        {
            await signIn.RefreshSignInAsync(user);
        }
    }

    private static bool TryDecode(string id, out byte[] credentialId)
    {
        credentialId = [];
        if (string.IsNullOrEmpty(id) || id.Length > 2048 || !Base64Url.IsValid(id))
        {
            return false;
        }
        credentialId = Base64Url.DecodeFromChars(id);
        return credentialId.Length > 0;
    }
}
