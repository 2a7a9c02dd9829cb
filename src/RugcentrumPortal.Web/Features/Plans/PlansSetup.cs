namespace RugcentrumPortal.Web.Features.Plans;

public static class PlansSetup
{
    public static IServiceCollection AddPlans(this IServiceCollection services) => services
        .AddScoped<PlanService>()
        .AddScoped<PlanEditorService>()
        .AddScoped<PlanTemplateService>();
}
