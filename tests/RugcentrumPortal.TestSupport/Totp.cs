using System.Buffers.Binary;
using System.Security.Cryptography;

namespace RugcentrumPortal.TestSupport;

/// <summary>
/// What an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), so tests sign staff in the
/// way staff do. A portal running in its own process counts steps on the real time: use the overload with a time.
/// </summary>
public static class Totp
{
    /// <summary>
    /// The code an app shows for the key, for a test portal: each call is at a step of its own on the test portals'
    /// authenticator time (<see cref="AuthenticatorTime"/>), as a code counts once.
    /// </summary>
    public static string Code(string base32Key) => Code(base32Key, AuthenticatorTime.Shared.NextStep());

    public static string Code(string base32Key, DateTimeOffset at)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), counter);
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return value.ToString("D6");
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
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
