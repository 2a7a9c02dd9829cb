using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Safety;

/// <summary>
/// Screenings stored the way the intake stores them, one per urgency tier, with real answers: the plan suggestion
/// screens the stored answers again, so the tier must follow from them and not only from the stored urgency.
/// </summary>
public static class RedFlagCases
{
    /// <summary>The red flags answered yes for a screening whose highest urgency is the given one.</summary>
    public static string[] FlagsFor(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => ["saddle-numbness"],
        Urgency.UrgentGp => ["night-pain", "weight-loss"],
        Urgency.GpConsultation => ["night-pain"],
        Urgency.Note => ["minor-fall"],
        _ => [],
    };

    public static Action<ClinicalAssessment> Screened(Urgency urgency) => a =>
    {
        var present = FlagsFor(urgency);
        a.RedFlagsPresent = [.. present];
        a.RedFlagsAbsent = [.. ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked).Select(f => f.Id).Except(present)];
        a.AgeAtOnset = 40;
        a.Conclusion = urgency >= Urgency.GpConsultation ? ScreeningConclusion.NietPluis : ScreeningConclusion.Pluis;
        a.HighestUrgency = urgency;
        a.FlagsFound = [.. present];
        a.ScreenedAt = DateTimeOffset.UtcNow;
    };

    public static void Referred(ClinicalAssessment a)
    {
        a.DecisionKind = TherapistDecisionKind.ReferralRecorded;
        a.AdviceGiven = "Vandaag de huisarts bellen";
        a.GpConsent = true;
        a.DecidedAt = DateTimeOffset.UtcNow;
    }

    public static void Cleared(ClinicalAssessment a)
    {
        a.ClearedBy = "Dr. A. de Vries";
        a.ClearanceRole = "huisarts";
        a.ClearedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2));
        a.ClearanceExcluded = "Geen aanwijzing voor een ernstige oorzaak na lichamelijk onderzoek";
        a.ClearanceRecordedAt = DateTimeOffset.UtcNow;
    }

    /// <summary>What the clearance form posts for a complete clearance seen yesterday.</summary>
    public static Dictionary<string, string?> ClearanceForm(DateOnly today) => new()
    {
        ["Clearance.ClearedBy"] = "Dr. M. Jansen",
        ["Clearance.Role"] = "neuroloog",
        ["Clearance.Date"] = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Clearance.Excluded"] = "Cauda-equinasyndroom uitgesloten na MRI",
    };

    public const string ClearanceFormSelector = "form[method=post]:has(input[name='Clearance.ClearedBy'])";

    public static Action<ClinicalAssessment> Then(this Action<ClinicalAssessment> first, Action<ClinicalAssessment> next) => a =>
    {
        first(a);
        next(a);
    };
}
