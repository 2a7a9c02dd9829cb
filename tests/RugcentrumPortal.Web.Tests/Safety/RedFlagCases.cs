using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Intake;

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

    /// <summary>A complete clearance, seen the day before the practice's today, as the overview's form sends it.</summary>
    public static ClearanceInput ClearanceFor(DateOnly today) => new()
    {
        ClearedBy = "Dr. M. Jansen",
        Role = "neuroloog",
        Date = today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Excluded = "Cauda-equinasyndroom uitgesloten na MRI",
    };

    /// <summary>Records a decision as the therapist would on the assessment overview.</summary>
    public static async Task<CommandResult> DecideAsync(this PortalFactory portal, string email, Guid patientId, Guid assessmentId, DecisionInput input)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().RecordDecisionAsync(patientId, assessmentId, input, CancellationToken.None);
    }

    /// <summary>Records a medical clearance as the therapist would on the assessment overview.</summary>
    public static async Task<CommandResult> ClearAsync(this PortalFactory portal, string email, Guid patientId, Guid assessmentId, ClearanceInput input)
    {
        await using var scope = await portal.Services.ScopeAsAsync(email);
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().RecordClearanceAsync(patientId, assessmentId, input, CancellationToken.None);
    }

    public static Action<ClinicalAssessment> Then(this Action<ClinicalAssessment> first, Action<ClinicalAssessment> next) => a =>
    {
        first(a);
        next(a);
    };
}
