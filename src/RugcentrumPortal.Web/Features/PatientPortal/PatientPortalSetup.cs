namespace RugcentrumPortal.Web.Features.PatientPortal;

public static class PatientPortalSetup
{
    public static IServiceCollection AddPatientPortal(this IServiceCollection services)
    {
        services.AddScoped<PatientPortalService>();
        services.AddScoped<ProgressService>();
        return services;
    }
}
