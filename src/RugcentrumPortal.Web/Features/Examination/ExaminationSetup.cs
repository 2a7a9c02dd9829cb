namespace RugcentrumPortal.Web.Features.Examination;

public static class ExaminationSetup
{
    public static IServiceCollection AddExamination(this IServiceCollection services) =>
        services.AddScoped<ExaminationService>().AddScoped<ReassessmentService>().AddScoped<Findings.FindingsService>();
}
