namespace RugcentrumPortal.Web.Features.Admin;

public static class AdminSetup
{
    public static IServiceCollection AddAdmin(this IServiceCollection services) =>
        services.AddScoped<AccountsService>();
}
