using System.Security.Cryptography;
using System.Text;

namespace RugcentrumPortal.Web.Features.Shared;

/// <summary>
/// The secret in a single-use link (an invitation, a password reset): random, URL-safe, and stored only as its
/// SHA-256 hash, so a copy of the database cannot be used to open an account.
/// </summary>
public static class LinkSecret
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
