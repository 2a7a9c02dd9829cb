namespace RugcentrumPortal.Web.Features.Balance;

public static class BalanceSetup
{
    public static IServiceCollection AddBalance(this IServiceCollection services) =>
        services.AddScoped<BalanceService>();
}
