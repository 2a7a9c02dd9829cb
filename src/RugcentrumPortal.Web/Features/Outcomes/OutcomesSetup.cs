namespace RugcentrumPortal.Web.Features.Outcomes;

public static class OutcomesSetup
{
    public static IServiceCollection AddOutcomes(this IServiceCollection services) => services.AddScoped<OutcomeService>();
}
