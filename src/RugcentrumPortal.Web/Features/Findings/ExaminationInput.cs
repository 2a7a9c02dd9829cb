namespace RugcentrumPortal.Web.Features.Findings;

/// <summary>
/// One movement test on one side as the page holds it: raw values, checked by the clinical core before saving.
/// An empty side stands for "both", which the core refuses for a test graded per side.
/// </summary>
public sealed record MovementTestInput(string TestId, string Side, string Grade, IReadOnlyList<string> FindingIds);

/// <summary>The breathing assessment as typed; the Nijmegen answers in item order, empty where not answered.</summary>
public sealed class BreathingInput
{
    public const int NijmegenItemCount = Clinical.Examination.ExaminationScoring.NijmegenItemCount;

    public string Pattern { get; set; } = "";
    public string? Rate { get; set; }
    public string? BreathHold { get; set; }
    public string?[] Nijmegen { get; set; } = new string?[NijmegenItemCount];
}

/// <summary>Posture as chosen: an empty side means none (no shift, level pelvis).</summary>
public sealed class PostureInput
{
    public string LateralShift { get; set; } = "";
    public string HighPelvisSide { get; set; } = "";
    public string Sagittal { get; set; } = "Neutral";
}

/// <summary>The short neurological examination of one side as chosen.</summary>
public sealed class NeuroSideInput
{
    public string Strength { get; set; } = "NotTested";
    public string Sensation { get; set; } = "NotTested";
    public string Reflexes { get; set; } = "NotTested";
    public string StraightLegRaise { get; set; } = "NotTested";
    public string Slump { get; set; } = "NotTested";
}

/// <summary>Both sides; a side left out is refused, never filled in.</summary>
public sealed class NeurologicalInput
{
    public NeuroSideInput? Left { get; set; } = new();
    public NeuroSideInput? Right { get; set; } = new();
}
