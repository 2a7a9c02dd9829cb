using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure;

namespace RugcentrumPortal.Web.Features.Intake;

/// <summary>Display texts for assessment values, shared by the intake pages and the history on the patient page.</summary>
public static class IntakeLabels
{
    /// <summary>Duration buckets offered at intake; the stored value is the key, so the text follows the language.</summary>
    public static readonly IReadOnlyList<string> DurationKeys = ["days", "weeks-1-6", "weeks-6-12", "months-3-12", "over-a-year"];

    public static string Kind(IStringLocalizer<Texts> T, AssessmentKind kind) => kind == AssessmentKind.Intake
        ? T["Intake.Kind.Intake"]
        : T["Intake.Kind.Reassessment"];

    public static string Status(IStringLocalizer<Texts> T, AssessmentStatus status) => status == AssessmentStatus.Completed
        ? T["Intake.Status.Completed"]
        : T["Intake.Status.Draft"];

    public static string Duration(IStringLocalizer<Texts> T, string? key) => key switch
    {
        "days" => T["Intake.Duration.Days"],
        "weeks-1-6" => T["Intake.Duration.Weeks1To6"],
        "weeks-6-12" => T["Intake.Duration.Weeks6To12"],
        "months-3-12" => T["Intake.Duration.Months3To12"],
        "over-a-year" => T["Intake.Duration.OverAYear"],
        null or "" => "-",
        _ => key,
    };

    public static string Conclusion(IStringLocalizer<Texts> T, ScreeningConclusion conclusion) => conclusion == ScreeningConclusion.Pluis
        ? T["Intake.Conclusion.Pluis"]
        : T["Intake.Conclusion.NietPluis"];

    /// <summary>An icon per urgency, so the level is never told by colour alone.</summary>
    public static string UrgencyIcon(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => MudBlazor.Icons.Material.Filled.Report,
        Urgency.UrgentGp => MudBlazor.Icons.Material.Filled.Warning,
        Urgency.GpConsultation => MudBlazor.Icons.Material.Filled.Info,
        _ => MudBlazor.Icons.Material.Filled.CheckCircle,
    };

    public static string UrgencyClass(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => "urgency-emergency",
        Urgency.UrgentGp => "urgency-urgent",
        Urgency.GpConsultation => "urgency-gp",
        _ => "urgency-none",
    };
}
