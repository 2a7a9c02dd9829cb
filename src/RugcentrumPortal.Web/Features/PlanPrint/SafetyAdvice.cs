using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Web.Features.PlanPrint;

/// <summary>
/// The warning signs printed on every plan, taken from the red-flag content itself so the paper never says
/// something different from the screening: emergency signs mean calling the same day, the other symptoms a GP visit.
/// History items (such as an earlier cancer) are left out: they are asked at intake, not watched for at home.
/// </summary>
public static class SafetyAdvice
{
    public static readonly IReadOnlyList<string> WatchedSymptomIds =
        ["numbness-tingling", "night-pain", "constant-progressive-pain", "weight-loss", "fever-illness", "significant-trauma"];

    public static IReadOnlyList<RedFlagItem> SameDay =>
        ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked && f.Urgency == Urgency.Emergency).ToList();

    public static IReadOnlyList<RedFlagItem> SoonToGp =>
        WatchedSymptomIds.Select(id => ClinicalCatalog.Default.RedFlagsById[id]).ToList();
}
