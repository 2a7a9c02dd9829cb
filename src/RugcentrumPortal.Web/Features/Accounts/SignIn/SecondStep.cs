namespace RugcentrumPortal.Web.Features.Accounts.SignIn;

public static class SecondStep
{
    /// <summary>Where the code from the authenticator app (or a recovery code) is asked after the password.</summary>
    public const string CodePath = "/account/tweestaps";

    /// <summary>Where the authenticator app is set up: by staff at their first sign-in, by a patient from their account.</summary>
    public const string SetupPath = "/account/tweestaps-instellen";
}
