using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Privacy;

/// <summary>
/// How one field of the data export reads for a person: its label in the reader's language instead of its JSON
/// name, and its value as they would write it (practice time, "ja"/"nee", a status in words). Which kind a value is
/// comes from the type the JSON was written from, so a word a patient typed is never taken for a code.
/// </summary>
public sealed class ExportTexts(IStringLocalizer<Texts> text, PracticeClock clock)
{
    public const string FieldPrefix = "MyData.Field.";

    /// <summary>Enum values the portal already names elsewhere; any other enum is named under "MyData.Value.{Type}.".</summary>
    private static readonly Dictionary<Type, string> ExistingNames = new()
    {
        [typeof(AssessmentKind)] = "Intake.Kind.",
        [typeof(AssessmentStatus)] = "Intake.Status.",
        [typeof(ScreeningConclusion)] = "Intake.Conclusion.",
        [typeof(PlanStatus)] = "Plans.StatusName.",
        [typeof(RecoveryPhase)] = "Plans.Phase.",
        [typeof(SessionOutcome)] = "Portal.Log.Outcome.",
        [typeof(Side)] = "Analysis.Side.",
        [typeof(MuscleTone)] = "Balance.",
        [typeof(BreathingPattern)] = "Exam.Breathing.",
        [typeof(SagittalPosture)] = "Exam.Posture.",
        [typeof(NeuroFinding)] = "Exam.Neuro.",
        [typeof(ReflexFinding)] = "Exam.Neuro.",
        [typeof(MovementGrade)] = "Exam.Grade.",
        [typeof(ReminderDays)] = "Reminders.Day.",
    };

    /// <summary>The field's label; its JSON name only when a new field has no label yet (a test keeps that from shipping).</summary>
    public string Label(string jsonName) => text[FieldPrefix + jsonName] is { ResourceNotFound: false } label ? label.Value : jsonName;

    /// <summary>True when every value of the enum has a name in words.</summary>
    public bool NamesEveryValueOf(Type enumType) => Enum.GetNames(enumType).All(value => EnumText(enumType, value) is not null);

    /// <summary>A single value as the reader reads it, given the type it was written from (null when unknown).</summary>
    public string Value(JsonValue value, Type? type)
    {
        var kind = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (kind == typeof(bool) && value.TryGetValue<bool>(out var yes))
        {
            return text[yes ? "MyData.Value.Yes" : "MyData.Value.No"];
        }
        if (!value.TryGetValue<string>(out var written))
        {
            return kind == typeof(double) && value.TryGetValue<double>(out var number)
                ? number.ToString("0.##", CultureInfo.CurrentCulture)
                : value.ToJsonString();
        }
        return kind switch
        {
            { IsEnum: true } => string.Join(", ", written.Split(", ").Select(v => EnumText(kind, v) ?? v)),
            _ when kind == typeof(DateTimeOffset) && DateTimeOffset.TryParse(written, CultureInfo.InvariantCulture, out var moment) =>
                clock.Local(moment).ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture),
            _ when kind == typeof(DateOnly) && DateOnly.TryParse(written, CultureInfo.InvariantCulture, out var day) =>
                day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture),
            _ when kind == typeof(TimeOnly) && TimeOnly.TryParse(written, CultureInfo.InvariantCulture, out var time) =>
                time.ToString("HH:mm", CultureInfo.CurrentCulture),
            _ => written,
        };
    }

    private string? EnumText(Type enumType, string value)
    {
        if (ExistingNames.TryGetValue(enumType, out var prefix) && text[prefix + value] is { ResourceNotFound: false } existing)
        {
            return existing.Value;
        }
        return text[$"MyData.Value.{enumType.Name}.{value}"] is { ResourceNotFound: false } own ? own.Value : null;
    }
}
