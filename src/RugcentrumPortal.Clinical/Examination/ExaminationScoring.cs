using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Examination;

/// <summary>
/// Validation and scoring of the examination records next to the muscle ratings: breathing with the Nijmegen
/// Questionnaire, posture and the short neurological examination. Janda's movement tests are part of
/// <see cref="Assessment"/> and are checked by <see cref="BalanceAnalyzer.Validate"/>.
/// </summary>
public static class ExaminationScoring
{
    /// <summary>Number of items of the Nijmegen Questionnaire (van Dixhoorn and Duivenvoorden 1985).</summary>
    public const int NijmegenItemCount = 16;

    /// <summary>Highest score per Nijmegen item: 0 = never, 4 = very often.</summary>
    public const int NijmegenItemMax = 4;

    /// <summary>Nijmegen total from which the score suggests dysfunctional breathing.</summary>
    public const int NijmegenThreshold = 23;

    /// <summary>Lowest resting breathing rate accepted; anything lower is taken for a typing error.</summary>
    public const int MinBreathingRate = 4;

    /// <summary>Highest resting breathing rate accepted; anything higher is taken for a typing error.</summary>
    public const int MaxBreathingRate = 60;

    /// <summary>Longest breath hold accepted, in seconds; anything longer is taken for a typing error.</summary>
    public const int MaxBreathHoldSeconds = 300;

    private static readonly string[] LegRegions = ["thigh", "knee", "calf", "ankle-foot"];
    private static readonly string[] LowBackRegions = ["low-back", "buttock", "pelvis-si"];
    private static readonly string[] ArmRegions = ["arm-elbow", "wrist-hand"];

    /// <summary>Scores the Nijmegen Questionnaire: exactly 16 items of 0-4; nothing is prorated or guessed.</summary>
    /// <exception cref="ClinicalInputException">Wrong number of items or an item out of range.</exception>
    public static NijmegenScore ScoreNijmegen(IReadOnlyList<int> items)
    {
        List<ValidationError>? errors = null;
        CheckNijmegen(items, "items", ref errors);
        Throw(errors, nameof(items));
        var total = items.Sum();
        return new NijmegenScore(total, total >= NijmegenThreshold);
    }

    /// <summary>Checks a breathing assessment without throwing.</summary>
    public static ValidationResult Validate(BreathingAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        List<ValidationError>? errors = null;
        if (!Enum.IsDefined(assessment.Pattern))
        {
            Add(ref errors, "unknown-breathing-pattern", "Pattern", $"breathing pattern {(int)assessment.Pattern} is not defined");
        }

        if (assessment.RatePerMinute is { } rate && (rate < MinBreathingRate || rate > MaxBreathingRate))
        {
            Add(ref errors, "rate-out-of-range", "RatePerMinute", $"a resting breathing rate of {rate} per minute is not possible; expected {MinBreathingRate} to {MaxBreathingRate}");
        }

        if (assessment.BreathHoldSeconds is { } hold && (hold < 0 || hold > MaxBreathHoldSeconds))
        {
            Add(ref errors, "breath-hold-out-of-range", "BreathHoldSeconds", $"a breath hold of {hold} seconds is not possible; expected 0 to {MaxBreathHoldSeconds}");
        }

        if (assessment.NijmegenItems is { } items)
        {
            CheckNijmegen(items, "NijmegenItems", ref errors);
        }

        return Result(errors);
    }

    /// <summary>Scores a breathing assessment; chest breathing or a Nijmegen score from 23 suggests dysfunctional breathing.</summary>
    /// <exception cref="ClinicalInputException">The assessment is invalid; see <see cref="Validate(BreathingAssessment)"/>.</exception>
    public static BreathingEvaluation Evaluate(BreathingAssessment assessment)
    {
        Validate(assessment).ThrowIfInvalid(nameof(assessment));
        var nijmegen = assessment.NijmegenItems is { } items ? ScoreNijmegen(items) : null;
        var suggests = assessment.Pattern == BreathingPattern.Chest || nijmegen?.SuggestsDysfunctionalBreathing == true;
        return new BreathingEvaluation(assessment, nijmegen, suggests, ExaminationTexts.ForBreathing(assessment, nijmegen, suggests));
    }

    /// <summary>Checks posture findings without throwing: a shift or a high pelvis is on the left or the right.</summary>
    public static ValidationResult Validate(PostureFindings posture)
    {
        ArgumentNullException.ThrowIfNull(posture);
        List<ValidationError>? errors = null;
        CheckOneSide(posture.LateralShift, "LateralShift", "a lateral shift", ref errors);
        CheckOneSide(posture.HighPelvisSide, "HighPelvisSide", "a pelvic obliquity", ref errors);
        if (!Enum.IsDefined(posture.Sagittal))
        {
            Add(ref errors, "unknown-posture", "Sagittal", $"sagittal posture {(int)posture.Sagittal} is not defined");
        }

        return Result(errors);
    }

    /// <summary>Checks a neurological examination without throwing: both sides recorded, every result defined.</summary>
    public static ValidationResult Validate(NeurologicalExamination examination)
    {
        ArgumentNullException.ThrowIfNull(examination);
        List<ValidationError>? errors = null;
        foreach (var (side, findings) in new[] { ("Left", examination.Left), ("Right", examination.Right) })
        {
            if (findings is null)
            {
                Add(ref errors, "missing-side", side, $"the {side.ToLowerInvariant()} side is not recorded; record both sides, marking tests not done as NotTested");
                continue;
            }

            CheckDefined(findings.Strength, $"{side}.Strength", ref errors);
            CheckDefined(findings.Sensation, $"{side}.Sensation", ref errors);
            CheckDefined(findings.StraightLegRaise, $"{side}.StraightLegRaise", ref errors);
            CheckDefined(findings.Slump, $"{side}.Slump", ref errors);
            if (!Enum.IsDefined(findings.Reflexes))
            {
                Add(ref errors, "unknown-grade", $"{side}.Reflexes", $"reflex result {(int)findings.Reflexes} is not defined");
            }
        }

        return Result(errors);
    }

    /// <summary>
    /// Says when a neurological examination is needed: a neurological or cauda equina red flag in the screening,
    /// or complaints in the low back together with the leg, or in the neck together with the arm (possible nerve
    /// root involvement).
    /// </summary>
    public static NeurologicalIndication NeurologicalExaminationIndication(ScreeningResult screening, IReadOnlyCollection<ComplaintRegion> complaints)
    {
        ArgumentNullException.ThrowIfNull(screening);
        ArgumentNullException.ThrowIfNull(complaints);
        var reasons = screening.FlagsFound
            .Where(f => f.Item.Category is RedFlagCategory.Neurological or RedFlagCategory.CaudaEquina)
            .OrderByDescending(f => f.Item.Urgency)
            .Select(f => ExaminationTexts.FlagReason(f.Item.Finding))
            .ToList();
        bool Any(string[] regions) => complaints.Any(c => c is not null && regions.Contains(c.RegionId));
        if (Any(LowBackRegions) && Any(LegRegions))
        {
            reasons.Add(ExaminationTexts.BackAndLeg);
        }

        if (complaints.Any(c => c?.RegionId == "neck") && Any(ArmRegions))
        {
            reasons.Add(ExaminationTexts.NeckAndArm);
        }

        return new NeurologicalIndication(reasons.Count > 0, [.. reasons]);
    }

    private static void CheckNijmegen(IReadOnlyList<int>? items, string path, ref List<ValidationError>? errors)
    {
        if (items is null || items.Count != NijmegenItemCount)
        {
            Add(ref errors, "nijmegen-item-count", path, $"the Nijmegen Questionnaire has {NijmegenItemCount} items; got {items?.Count ?? 0}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is < 0 or > NijmegenItemMax)
            {
                Add(ref errors, "item-out-of-range", $"{path}[{i}]", $"Nijmegen item {i + 1} is {items[i]}; items are scored 0 to {NijmegenItemMax}");
            }
        }
    }

    private static void CheckOneSide(Side? side, string path, string what, ref List<ValidationError>? errors)
    {
        if (side is { } value && !Enum.IsDefined(value))
        {
            Add(ref errors, "unknown-side", path, $"side {(int)value} is not defined");
        }
        else if (side == Side.Both)
        {
            Add(ref errors, "side-required", path, $"{what} is to the left or to the right; leave it empty when there is none");
        }
    }

    private static void CheckDefined(NeuroFinding finding, string path, ref List<ValidationError>? errors)
    {
        if (!Enum.IsDefined(finding))
        {
            Add(ref errors, "unknown-grade", path, $"result {(int)finding} is not defined");
        }
    }

    private static void Add(ref List<ValidationError>? errors, string code, string path, string message) =>
        (errors ??= []).Add(new ValidationError(code, path, message));

    private static ValidationResult Result(List<ValidationError>? errors) => errors is null ? ValidationResult.Valid : new ValidationResult(errors);

    private static void Throw(List<ValidationError>? errors, string paramName)
    {
        if (errors is not null)
        {
            throw new ClinicalInputException(paramName, errors);
        }
    }
}
