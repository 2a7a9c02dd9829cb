namespace RugcentrumPortal.Web.Features.Accounts;

public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
}
