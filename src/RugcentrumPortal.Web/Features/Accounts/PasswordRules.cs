namespace RugcentrumPortal.Web.Features.Accounts;

public static class PasswordRules
{
    public const int MinimumLength = 12;
}
