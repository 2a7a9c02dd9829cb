using System.Buffers.Binary;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

/// <summary>
/// The code from the authenticator app (RFC 6238: 30-second steps, two steps either side accepted, as Identity's own
/// check) with what Identity's check lacks: a code counts once. The step of the last accepted code is kept per
/// account as an Identity user token, and a code whose step is not later than that one is refused. The step is
/// claimed by a conditional update (or, the first time, an insert the primary key admits once), so of two requests
/// with the same code exactly one gets through, on every instance.
/// </summary>
public sealed class OneTimeAuthenticatorCodes(AppDbContext db, [FromKeyedServices(OneTimeAuthenticatorCodes.ClockKey)] TimeProvider clock)
    : IUserTwoFactorTokenProvider<ApplicationUser>
{
    public const string ProviderName = "OneTimeAuthenticator";

    /// <summary>The clock the steps are counted on: the portal's own clock unless a host gives another.</summary>
    public const string ClockKey = "authenticator-clock";

    private const int StepSeconds = 30;
    private const int StepsEitherSide = 2;
    private const string TokenProvider = "RugcentrumPortal";
    private const string LastStepToken = "LastAuthenticatorStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ApplicationUser> manager, ApplicationUser user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The app makes the codes; the portal never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<ApplicationUser> manager, ApplicationUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ApplicationUser> manager, ApplicationUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key
            || token.Length != 6 || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        var secret = Base32.Decode(key);
        for (var step = now - StepsEitherSide; step <= now + StepsEitherSide; step++)
        {
            if (CodeAt(secret, step) == code)
            {
                return await ClaimAsync(user.Id, step);
            }
        }
        return false;
    }

    /// <summary>Records <paramref name="step"/> as the last one used, unless it or a later one was used already.</summary>
    private async Task<bool> ClaimAsync(string userId, long step)
    {
        var tokens = db.Set<IdentityUserToken<string>>();
        var last = await tokens.AsNoTracking()
            .Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == LastStepToken)
            .Select(t => t.Value)
            .SingleOrDefaultAsync();
        var stepText = step.ToString(CultureInfo.InvariantCulture);
        if (last is null)
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"""INSERT INTO "AspNetUserTokens" ("UserId", "LoginProvider", "Name", "Value") VALUES ({userId}, {TokenProvider}, {LastStepToken}, {stepText})""");
                return true;
            }
            catch (DbException)
            {
                // Another request with a code of this account inserted first: that one counts, this one does not.
                return false;
            }
        }
        if (long.Parse(last, CultureInfo.InvariantCulture) >= step)
        {
            return false;
        }
        return await tokens
            .Where(t => t.UserId == userId && t.LoginProvider == TokenProvider && t.Name == LastStepToken && t.Value == last)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.Value, stepText)) == 1;
    }

    private static int CodeAt(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(secret, counter, hash);
        var offset = hash[^1] & 0x0f;
        return (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7fffffff) % 1_000_000;
    }

    private static class Base32
    {
        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

        public static byte[] Decode(string text)
        {
            var bytes = new List<byte>(text.Length * 5 / 8);
            int buffer = 0, bits = 0;
            foreach (var c in text)
            {
                var value = Alphabet.IndexOf(char.ToUpperInvariant(c));
                if (value < 0)
                {
                    continue;
                }
                buffer = (buffer << 5) | value;
                bits += 5;
                if (bits >= 8)
                {
                    bits -= 8;
                    bytes.Add((byte)(buffer >> bits));
                }
            }
            return bytes.ToArray();
        }
    }
}
