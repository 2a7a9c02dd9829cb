using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;

namespace RugcentrumPortal.Data;

/// <summary>
/// The physical examination next to the muscle ratings of one assessment: breathing with the Nijmegen
/// Questionnaire, posture, and the short neurological examination of both sides. Each part is recorded whole or not
/// at all; its time says whether it was recorded. Janda's movement tests are rows of their own
/// (<see cref="MovementTestEntry"/>), as the muscle ratings are.
/// </summary>
public class ExaminationRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }

    public BreathingPattern? BreathingPattern { get; set; }
    public int? BreathingRate { get; set; }
    public int? BreathHoldSeconds { get; set; }

    /// <summary>The 16 Nijmegen answers in item order; null when the questionnaire was not filled in.</summary>
    public List<int>? NijmegenItems { get; set; }
    public DateTimeOffset? BreathingRecordedAt { get; set; }

    public Side? LateralShift { get; set; }
    public Side? HighPelvisSide { get; set; }
    public SagittalPosture? Sagittal { get; set; }
    public DateTimeOffset? PostureRecordedAt { get; set; }

    public NeuroFinding LeftStrength { get; set; }
    public NeuroFinding LeftSensation { get; set; }
    public ReflexFinding LeftReflexes { get; set; }
    public NeuroFinding LeftStraightLegRaise { get; set; }
    public NeuroFinding LeftSlump { get; set; }
    public NeuroFinding RightStrength { get; set; }
    public NeuroFinding RightSensation { get; set; }
    public ReflexFinding RightReflexes { get; set; }
    public NeuroFinding RightStraightLegRaise { get; set; }
    public NeuroFinding RightSlump { get; set; }
    public DateTimeOffset? NeurologicalRecordedAt { get; set; }
}

/// <summary>One of Janda's movement tests as graded on one side (or for both, for tests without sides).</summary>
public class MovementTestEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AssessmentId { get; set; }
    public required string TestId { get; set; }
    public Side Side { get; set; }
    public MovementGrade Grade { get; set; }

    /// <summary>The deviations seen; empty when the test went normally.</summary>
    public List<string> FindingIds { get; set; } = [];
}
