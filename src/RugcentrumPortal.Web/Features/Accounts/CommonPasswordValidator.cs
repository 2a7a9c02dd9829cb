using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Accounts;

/// <summary>
/// Refuses passwords that are easy to guess even though they are long enough: well-known leaked passwords,
/// one repeated character, keyboard or number runs, and passwords built from the user's own e-mail address.
/// </summary>
public sealed class CommonPasswordValidator(IdentityErrorDescriber describer) : IPasswordValidator<ApplicationUser>
{
    private static readonly Lazy<FrozenSet<string>> CommonPasswords = new(LoadList);

    private static readonly string[] GuessableWords =
        ["wachtwoord", "password", "welkom", "welcome", "qwerty", "azerty", "rugcentrum", "fysio", "geheim", "letmein"];

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || !IsGuessable(password, user.Email))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        var error = describer is LocalizedIdentityErrorDescriber localized
            ? localized.CommonPassword()
            : new IdentityError { Code = "CommonPassword", Description = "This password is too easy to guess." };
        return Task.FromResult(IdentityResult.Failed(error));
    }

    public static bool IsGuessable(string password, string? email)
    {
        var lower = password.ToLowerInvariant();
        if (CommonPasswords.Value.Contains(lower) || lower.Distinct().Count() <= 2 || IsRun(lower))
        {
            return true;
        }
        var core = new string(lower.Where(char.IsLetter).ToArray());
        if (GuessableWords.Any(word => core == word || core.Length <= word.Length + 2 && core.Contains(word, StringComparison.Ordinal)))
        {
            return true;
        }
        var localPart = email?.Split('@')[0].ToLowerInvariant();
        return localPart is { Length: >= 4 } && lower.Contains(localPart, StringComparison.Ordinal);
    }

    private static bool IsRun(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            var step = value[i] - value[i - 1];
            if (step is not (1 or -1))
            {
                return false;
            }
        }
        return true;
    }

    private static FrozenSet<string> LoadList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly
            .GetManifestResourceStream("RugcentrumPortal.Web.Features.Accounts.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
