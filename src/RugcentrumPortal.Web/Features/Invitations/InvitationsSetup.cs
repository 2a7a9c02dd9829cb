namespace RugcentrumPortal.Web.Features.Invitations;

public static class InvitationsSetup
{
    public static IServiceCollection AddInvitations(this IServiceCollection services) =>
        services.AddScoped<InvitationService>();
}
