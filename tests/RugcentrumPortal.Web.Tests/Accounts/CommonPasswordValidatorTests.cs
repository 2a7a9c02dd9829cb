using RugcentrumPortal.Web.Features.Accounts;

namespace RugcentrumPortal.Web.Tests.Accounts;

public class CommonPasswordValidatorTests
{
    [Theory]
    [InlineData("123456789012")]
    [InlineData("Qwertyuiop123")]
    [InlineData("Wachtwoord2026!")]
    [InlineData("welkom123456")]
    [InlineData("zzzzzzzzzzzzzz")]
    [InlineData("abababababab")]
    [InlineData("abcdefghijklmn")]
    [InlineData("987654321098")]
    [InlineData("Password1234")]
    public void Well_known_and_patterned_passwords_are_guessable(string password) =>
        Assert.True(CommonPasswordValidator.IsGuessable(password, "iemand@praktijk.test"));

    [Fact]
    public void A_password_built_from_the_users_email_is_guessable() =>
        Assert.True(CommonPasswordValidator.IsGuessable("marieke.dejong2026", "marieke.dejong@praktijk.test"));

    [Theory]
    [InlineData("een rustige wandeling langs de rivier")]
    [InlineData("koffie-met-drie-klontjes")]
    [InlineData("blauwe fiets onder de brug")]
    public void Long_passphrases_are_accepted(string password) =>
        Assert.False(CommonPasswordValidator.IsGuessable(password, "iemand@praktijk.test"));
}
