using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Examination;

/// <summary>Where the breathing movement mainly happens at rest.</summary>
public enum BreathingPattern
{
    /// <summary>Low, abdominal breathing led by the diaphragm.</summary>
    Abdominal,

    /// <summary>High chest breathing using the neck and shoulder muscles.</summary>
    Chest,

    /// <summary>Both, without a clear lead.</summary>
    Mixed,
}

/// <summary>A breathing assessment.</summary>
/// <param name="Pattern">Where the breathing movement mainly happens.</param>
public sealed record BreathingAssessment(BreathingPattern Pattern)
{
    /// <summary>Breaths per minute at rest; null when not counted.</summary>
    public int? RatePerMinute { get; init; }

    /// <summary>Seconds the breath can comfortably be held after a normal out-breath; null when not tested.</summary>
    public int? BreathHoldSeconds { get; init; }

    /// <summary>Nijmegen Questionnaire answers by item number (index 0 = item 1), each 0-4; null when not filled in.</summary>
    public IReadOnlyList<int>? NijmegenItems { get; init; }
}

/// <summary>A scored Nijmegen Questionnaire.</summary>
/// <param name="Total">Sum of the 16 items, 0 to 64.</param>
/// <param name="SuggestsDysfunctionalBreathing">True from <see cref="ExaminationScoring.NijmegenThreshold"/> points.</param>
public sealed record NijmegenScore(int Total, bool SuggestsDysfunctionalBreathing)
{
    /// <summary>Plain explanation of the score.</summary>
    public LocalizedText Explanation => ExaminationTexts.ForNijmegen(this);
}

/// <summary>A validated breathing assessment with its conclusions.</summary>
/// <param name="Assessment">The assessment.</param>
/// <param name="Nijmegen">The questionnaire score; null when it was not filled in.</param>
/// <param name="SuggestsDysfunctionalBreathing">True when chest breathing was seen or the Nijmegen score reaches the threshold.</param>
/// <param name="Explanation">Plain summary.</param>
public sealed record BreathingEvaluation(BreathingAssessment Assessment, NijmegenScore? Nijmegen, bool SuggestsDysfunctionalBreathing, LocalizedText Explanation);

/// <summary>The shape of the spine seen from the side.</summary>
public enum SagittalPosture
{
    /// <summary>Normal curves.</summary>
    Neutral,

    /// <summary>Pelvis pushed forward, upper body leaning back, hanging on the hip ligaments.</summary>
    SwayBack,

    /// <summary>Flattened low-back curve with a backward-tilted pelvis.</summary>
    FlatBack,
}

/// <summary>Posture observations of the trunk and pelvis.</summary>
/// <param name="LateralShift">The side the trunk is shifted to relative to the pelvis; null when there is no shift.</param>
/// <param name="HighPelvisSide">The side where the pelvis stands higher; null when level.</param>
/// <param name="Sagittal">The shape of the spine seen from the side.</param>
public sealed record PostureFindings(Side? LateralShift, Side? HighPelvisSide, SagittalPosture Sagittal)
{
    /// <summary>Plain description; assumes the findings are valid (see <see cref="ExaminationScoring.Validate(PostureFindings)"/>).</summary>
    public LocalizedText Description => ExaminationTexts.ForPosture(this);
}

/// <summary>The result of one neurological test.</summary>
public enum NeuroFinding
{
    /// <summary>Not tested.</summary>
    NotTested,

    /// <summary>No abnormality.</summary>
    Normal,

    /// <summary>Abnormal: reduced strength or sensation, or a positive neural tension test.</summary>
    Abnormal,
}

/// <summary>The result of the tendon reflexes.</summary>
public enum ReflexFinding
{
    /// <summary>Not tested.</summary>
    NotTested,

    /// <summary>Normal.</summary>
    Normal,

    /// <summary>Weaker than expected or absent, as with a nerve root problem.</summary>
    Reduced,

    /// <summary>Brisker than expected, which can point to the spinal cord or brain.</summary>
    Increased,
}

/// <summary>The short neurological examination of one side.</summary>
/// <param name="Strength">Strength of the key muscles.</param>
/// <param name="Sensation">Skin sensation.</param>
/// <param name="Reflexes">Tendon reflexes.</param>
/// <param name="StraightLegRaise">Straight-leg raise; abnormal means it reproduces the leg pain.</param>
/// <param name="Slump">Slump test; abnormal means it reproduces the leg symptoms.</param>
public sealed record NeuroSideFindings(NeuroFinding Strength, NeuroFinding Sensation, ReflexFinding Reflexes, NeuroFinding StraightLegRaise, NeuroFinding Slump);

/// <summary>A short neurological examination, recorded for both sides.</summary>
/// <param name="Left">Left side.</param>
/// <param name="Right">Right side.</param>
public sealed record NeurologicalExamination(NeuroSideFindings Left, NeuroSideFindings Right)
{
    /// <summary>True when any test on either side is abnormal.</summary>
    public bool HasAbnormalFindings => IsAbnormal(Left) || IsAbnormal(Right);

    /// <summary>Plain summary; assumes the record is valid (see <see cref="ExaminationScoring.Validate(NeurologicalExamination)"/>).</summary>
    public LocalizedText Summary => ExaminationTexts.ForNeurological(this);

    private static bool IsAbnormal(NeuroSideFindings side) =>
        side.Strength == NeuroFinding.Abnormal || side.Sensation == NeuroFinding.Abnormal || side.StraightLegRaise == NeuroFinding.Abnormal
        || side.Slump == NeuroFinding.Abnormal || side.Reflexes is ReflexFinding.Reduced or ReflexFinding.Increased;
}

/// <summary>Whether the screening and the complaints call for a neurological examination, and why.</summary>
/// <param name="IsIndicated">True when at least one reason was found.</param>
/// <param name="Reasons">The reasons, most serious first.</param>
public sealed record NeurologicalIndication(bool IsIndicated, ImmutableArray<LocalizedText> Reasons);
