namespace RugcentrumPortal.Web.Features.PracticeExercises;

public static class PracticeExercisesSetup
{
    public static IServiceCollection AddPracticeExercises(this IServiceCollection services) => services
        .AddScoped<ExerciseLookup>()
        .AddScoped<PracticeExerciseService>();
}
