using System.ComponentModel.DataAnnotations;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>What the intake form holds while the therapist fills it in; apart from the entity so only these fields change.</summary>
public sealed class IntakeInput
{
    public const int TextLength = 4000;
    public const string SaveDraft = "draft";
    public const string CompleteScreening = "screen";
    public const string Yes = "ja";
    public const string No = "nee";

    /// <summary>What the save does: <see cref="SaveDraft"/> or <see cref="CompleteScreening"/>.</summary>
    public string? Action { get; set; }

    public List<string> ComplaintRegions { get; set; } = [];

    [MaxLength(TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? ComplaintDescription { get; set; }

    [MaxLength(TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Onset { get; set; }

    public string? Duration { get; set; }

    [MaxLength(TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Course { get; set; }

    [MaxLength(TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Aggravating { get; set; }

    [MaxLength(TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? Easing { get; set; }

    [MaxLength(TextLength, ErrorMessageResourceType = typeof(ValidationText), ErrorMessageResourceName = nameof(ValidationText.TooLong))]
    public string? History { get; set; }

    public int? AgeAtOnset { get; set; }

    /// <summary>Red-flag item id to <see cref="Yes"/> or <see cref="No"/>; an item missing here is not answered yet.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];

    public List<string> YellowFlags { get; set; } = [];
    public List<string> StressSignals { get; set; } = [];
    public List<string> PrecautionConditions { get; set; } = [];

    public static IntakeInput From(ClinicalAssessment assessment, int currentAge) => new()
    {
        ComplaintRegions = [.. assessment.ComplaintRegions],
        ComplaintDescription = assessment.ComplaintDescription,
        Onset = assessment.Onset,
        Duration = assessment.Duration,
        Course = assessment.Course,
        Aggravating = assessment.Aggravating,
        Easing = assessment.Easing,
        History = assessment.History,
        AgeAtOnset = assessment.AgeAtOnset ?? currentAge,
        Answers = assessment.RedFlagsPresent.Select(id => (id, Yes))
            .Concat(assessment.RedFlagsAbsent.Select(id => (id, No)))
            .DistinctBy(a => a.id)
            .ToDictionary(a => a.id, a => a.Item2),
        YellowFlags = [.. assessment.YellowFlags],
        StressSignals = [.. assessment.StressSignals],
        PrecautionConditions = [.. assessment.PrecautionConditions],
    };
}
