using System.Globalization;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Findings;

/// <summary>
/// Moves examination findings between the page, the stored record and the clinical core. Values are read as they
/// are: an unknown name becomes an undefined value, so the core's own validation reports it and nothing is guessed.
/// </summary>
public static class ExaminationMapping
{
    public static MovementTestResult ToResult(MovementTestInput input) =>
        new(input.TestId, string.IsNullOrEmpty(input.Side) ? Side.Both : ParseEnum<Side>(input.Side), ParseEnum<MovementGrade>(input.Grade))
        {
            FindingIds = [.. input.FindingIds.Distinct(StringComparer.Ordinal)],
        };

    public static MovementTestResult ToResult(MovementTestEntry entry) =>
        new(entry.TestId, entry.Side, entry.Grade) { FindingIds = [.. entry.FindingIds] };

    public static MovementTestInput ToInput(MovementTestEntry entry) =>
        new(entry.TestId, entry.Side.ToString(), entry.Grade.ToString(), [.. entry.FindingIds]);

    /// <summary>Null for a number that does not parse; <paramref name="wrong"/> then says so.</summary>
    public static int? Number(string? text, out bool wrong)
    {
        wrong = false;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }
        wrong = true;
        return null;
    }

    public static PostureFindings ToPosture(PostureInput input) =>
        new(OptionalSide(input.LateralShift), OptionalSide(input.HighPelvisSide), ParseEnum<SagittalPosture>(input.Sagittal));

    public static NeurologicalExamination ToNeurological(NeurologicalInput input) =>
        new(input.Left is { } left ? ToSide(left) : null!, input.Right is { } right ? ToSide(right) : null!);

    public static BreathingAssessment? ToBreathing(ExaminationRecord? record) =>
        record is { BreathingRecordedAt: not null, BreathingPattern: { } pattern }
            ? new BreathingAssessment(pattern) { RatePerMinute = record.BreathingRate, BreathHoldSeconds = record.BreathHoldSeconds, NijmegenItems = record.NijmegenItems }
            : null;

    public static PostureFindings? ToPosture(ExaminationRecord? record) =>
        record is { PostureRecordedAt: not null, Sagittal: { } sagittal } ? new PostureFindings(record.LateralShift, record.HighPelvisSide, sagittal) : null;

    public static NeurologicalExamination? ToNeurological(ExaminationRecord? record) =>
        record is { NeurologicalRecordedAt: not null }
            ? new NeurologicalExamination(
                new NeuroSideFindings(record.LeftStrength, record.LeftSensation, record.LeftReflexes, record.LeftStraightLegRaise, record.LeftSlump),
                new NeuroSideFindings(record.RightStrength, record.RightSensation, record.RightReflexes, record.RightStraightLegRaise, record.RightSlump))
            : null;

    public static BreathingInput ToInput(BreathingAssessment? breathing)
    {
        var input = new BreathingInput();
        if (breathing is null)
        {
            return input;
        }
        input.Pattern = breathing.Pattern.ToString();
        input.Rate = breathing.RatePerMinute?.ToString(CultureInfo.InvariantCulture);
        input.BreathHold = breathing.BreathHoldSeconds?.ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < (breathing.NijmegenItems?.Count ?? 0) && i < input.Nijmegen.Length; i++)
        {
            input.Nijmegen[i] = breathing.NijmegenItems![i].ToString(CultureInfo.InvariantCulture);
        }
        return input;
    }

    public static PostureInput ToInput(PostureFindings? posture) => posture is null
        ? new PostureInput()
        : new PostureInput { LateralShift = posture.LateralShift?.ToString() ?? "", HighPelvisSide = posture.HighPelvisSide?.ToString() ?? "", Sagittal = posture.Sagittal.ToString() };

    public static NeurologicalInput ToInput(NeurologicalExamination? neuro) => neuro is null
        ? new NeurologicalInput()
        : new NeurologicalInput { Left = ToInput(neuro.Left), Right = ToInput(neuro.Right) };

    private static NeuroSideInput ToInput(NeuroSideFindings side) => new()
    {
        Strength = side.Strength.ToString(),
        Sensation = side.Sensation.ToString(),
        Reflexes = side.Reflexes.ToString(),
        StraightLegRaise = side.StraightLegRaise.ToString(),
        Slump = side.Slump.ToString(),
    };

    private static NeuroSideFindings ToSide(NeuroSideInput input) => new(
        ParseEnum<NeuroFinding>(input.Strength), ParseEnum<NeuroFinding>(input.Sensation), ParseEnum<ReflexFinding>(input.Reflexes),
        ParseEnum<NeuroFinding>(input.StraightLegRaise), ParseEnum<NeuroFinding>(input.Slump));

    private static Side? OptionalSide(string? text) => string.IsNullOrEmpty(text) ? null : ParseEnum<Side>(text);

    // An unknown name maps to an undefined value on purpose, so that the clinical core reports it.
    private static TEnum ParseEnum<TEnum>(string? text)
        where TEnum : struct, Enum =>
        text is not null && Enum.GetNames<TEnum>().Contains(text, StringComparer.Ordinal) ? Enum.Parse<TEnum>(text) : (TEnum)(object)(-1);
}
