using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Web.Features.PracticeExercises;
using RugcentrumPortal.Web.Tests.PatientPortal;

namespace RugcentrumPortal.Web.Tests.PracticeExercises;

public static class OwnExerciseTestKit
{
    /// <summary>Every test starts without plans and without own exercises.</summary>
    public static async Task ResetOwnExercisesAsync(this PortalFactory portal)
    {
        await portal.ResetAsync();
        await portal.WithDbAsync(db => db.PracticeExercises.ExecuteDeleteAsync());
    }

    public static PracticeExerciseInput Wall() => new()
    {
        Title = "Muurschuiven",
        Purpose = "De schouderbladen leren meebewegen zonder de nek op te trekken.",
        Steps = "Sta met de rug tegen de muur.\n\n  Schuif de armen langzaam omhoog. \nLaat ze rustig zakken.",
        Cues = "Houd de onderrug tegen de muur.",
        Phase = ExercisePhase.StabilityControl,
        Sets = 2,
        Repetitions = 8,
    };

    public static async Task<T> AsAsync<T>(this PortalFactory portal, string email, Func<PracticeExerciseService, Task<T>> work)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await work(scope.ServiceProvider.GetRequiredService<PracticeExerciseService>());
    }

    public static async Task<string> CreatedAsync(this PortalFactory portal, PracticeExerciseInput? input = null, string email = Baseline.NoordTherapist)
    {
        var saved = await portal.AsAsync(email, s => s.SaveAsync(null, input ?? Wall(), default));
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        return saved.Id!;
    }

    public static async Task<IReadOnlyList<Exercise>> OfferedAsync(this PortalFactory portal, string email, string? text = null)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<ExerciseLookup>().OfferedAsync(text, null, default);
    }
}
