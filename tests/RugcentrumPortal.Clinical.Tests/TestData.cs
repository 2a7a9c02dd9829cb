using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Clinical.Tests;

internal static class TestData
{
    public static ClinicalCatalog Lib => ClinicalCatalog.Default;

    public static MuscleRating Over(string id, int intensity = 2, Side side = Side.Both) => new(id, MuscleTone.Overactive, intensity, side);

    public static MuscleRating Under(string id, int intensity = 2, Side side = Side.Both) => new(id, MuscleTone.Underactive, intensity, side);

    public static MuscleRating Normal(string id, Side side = Side.Both) => new(id, MuscleTone.Normal, 1, side);

    public static Assessment Assess(MuscleRating[] ratings, string[]? observations = null, params ComplaintRegion[] complaints) =>
        new(ratings) { ObservationIds = observations ?? [], Complaints = complaints };

    public static ComplaintRegion Complaint(string region, Side side = Side.Both) => new(region, side);

    /// <summary>Every asked red-flag item answered, "yes" only for the given ids.</summary>
    public static Dictionary<string, bool> Answers(params string[] yes)
    {
        var answers = Lib.RedFlags.Where(r => r.IsAsked).ToDictionary(r => r.Id, r => false);
        foreach (var id in yes)
        {
            answers[id] = true;
        }

        return answers;
    }

    public static ScreeningInput ScreeningOf(int age, params string[] yes) => new(age, Answers(yes));

    public static Dictionary<string, string> DataFiles() =>
        CatalogLoader.FileNames.ToDictionary(f => f, CatalogLoader.ReadEmbedded);
}
