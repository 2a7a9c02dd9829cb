using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;
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

    /// <summary>Fields that hold an id from the clinical catalogue, by JSON name: the name it has there, in the reader's language.</summary>
    private static readonly Dictionary<string, Func<string, LocalizedText?>> CatalogueNames = CatalogueLookups(ClinicalCatalog.Default);

    private static Dictionary<string, Func<string, LocalizedText?>> CatalogueLookups(ClinicalCatalog catalogue)
    {
        var findings = catalogue.MovementTests.SelectMany(t => t.Findings).ToDictionary(f => f.Id, f => f.Name);
        Func<string, LocalizedText?> redFlag = id => catalogue.RedFlagsById.GetValueOrDefault(id)?.Finding;
        return new(StringComparer.Ordinal)
        {
            ["complaintRegions"] = id => catalogue.RegionsById.GetValueOrDefault(id)?.Name,
            ["redFlagsPresent"] = redFlag,
            ["redFlagsAbsent"] = redFlag,
            ["flagsFound"] = redFlag,
            ["yellowFlags"] = id => catalogue.YellowFlagsById.GetValueOrDefault(id)?.Finding,
            ["stressSignals"] = id => catalogue.StressSignalsById.GetValueOrDefault(id)?.Finding,
            ["precautionConditions"] = id => catalogue.PrecautionConditionsById.GetValueOrDefault(id)?.Name,
            ["observations"] = id => catalogue.ObservationsById.GetValueOrDefault(id)?.Name,
            ["muscleId"] = id => catalogue.MusclesById.GetValueOrDefault(id)?.Name,
            ["patternId"] = id => catalogue.PatternsById.GetValueOrDefault(id)?.Name,
            ["exerciseId"] = id => catalogue.ExercisesById.GetValueOrDefault(id)?.Title,
            ["testId"] = id => catalogue.MovementTestsById.GetValueOrDefault(id)?.Name,
            ["findingIds"] = id => findings.GetValueOrDefault(id),
            ["instrumentId"] = id => catalogue.InstrumentsById.GetValueOrDefault(id)?.Name,
        };
    }

    /// <summary>The field's label; its JSON name only when a new field has no label yet (a test keeps that from shipping).</summary>
    public string Label(string jsonName) => text[FieldPrefix + jsonName] is { ResourceNotFound: false } label ? label.Value : jsonName;

    /// <summary>True when every value of the enum has a name in words.</summary>
    public bool NamesEveryValueOf(Type enumType) => Enum.GetNames(enumType).All(value => EnumText(enumType, value) is not null);

    /// <summary>
    /// A single value of the named field as the reader reads it, given the type it was written from (null when
    /// unknown). A catalogue id the catalogue no longer holds stays as written.
    /// </summary>
    public string Value(string field, JsonValue value, Type? type)
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
            _ when CatalogueNames.TryGetValue(field, out var lookup) && lookup(written) is { } name => name.Get(),
            _ when field == "language" && text["MyData.Value.Language." + written] is { ResourceNotFound: false } language => language.Value,
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
