namespace RugcentrumPortal.Web.Features.Intake;

public static class IntakeSetup
{
    public static IServiceCollection AddIntake(this IServiceCollection services) =>
        services.AddScoped<AssessmentService>().AddScoped<IntakeService>();
}
