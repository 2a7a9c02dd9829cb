using System.Collections.Immutable;
using System.Globalization;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Outcomes;

/// <summary>
/// Scoring of the outcome questionnaires and of change between two measurements. Items are passed by item number
/// (index 0 = item 1); null marks an unanswered item. Invalid input throws <see cref="ClinicalInputException"/>.
/// </summary>
public static class OutcomeScoring
{
    /// <summary>Id of the Numeric Pain Rating Scale.</summary>
    public const string NprsId = "nprs";

    /// <summary>Id of the Patiënt Specifieke Klachten.</summary>
    public const string PskId = "psk";

    /// <summary>Id of the Quebec Back Pain Disability Scale.</summary>
    public const string QbpdsId = "qbpds";

    /// <summary>Id of the Neck Disability Index.</summary>
    public const string NdiId = "ndi";

    /// <summary>Id of the STarT Back Screening Tool.</summary>
    public const string StartBackId = "start-back";

    /// <summary>Smallest NPRS change that is clinically meaningful.</summary>
    public const int NprsMeaningfulChange = 2;

    /// <summary>
    /// Improvement, as a fraction of the earlier score, that counts as meaningful on NPRS, ODI and QBPDS whatever the
    /// points (Ostelo et al., Spine 2008).
    /// </summary>
    public const double MeaningfulRelativeImprovement = 0.30;

    /// <summary>Smallest per-activity PSK change that counts as real.</summary>
    public const int PskMeaningfulChange = 2;

    /// <summary>
    /// Smallest ODI change (percentage points) that is clinically meaningful; from Ostelo et al., Spine 2008
    /// (interpreting change scores for pain and functional status in low back pain).
    /// </summary>
    public const double OdiMeaningfulChange = 10;

    /// <summary>Smallest NDI change (points) that is clinically meaningful.</summary>
    public const int NdiMeaningfulChange = 5;

    /// <summary>QBPDS minimal detectable change; smaller changes cannot be told apart from measurement noise.</summary>
    public const int QbpdsMinimalDetectableChange = 15;

    /// <summary>Smallest QBPDS change (points) that is clinically important (Ostelo et al., Spine 2008).</summary>
    public const int QbpdsMeaningfulChange = 20;

    /// <summary>
    /// Most unanswered items accepted on ODI, NDI and QBPDS. With more gaps the score no longer reflects the form,
    /// so scoring is refused rather than guessed.
    /// </summary>
    public const int MaxUnansweredItems = 2;

    /// <summary>Fewest activities on a PSK form.</summary>
    public const int PskMinActivities = 3;

    /// <summary>Most activities on a PSK form.</summary>
    public const int PskMaxActivities = 5;

    private const string LowBackRegionId = "low-back";

    private const string NeckRegionId = "neck";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>That STarT Back supports the therapist's risk judgement and is never a classification on its own.</summary>
    public static LocalizedText StartBackJudgementNote { get; } = new(
        "De STarT Back ondersteunt het oordeel van de fysiotherapeut over het risico op aanhoudende klachten; de uitslag is nooit op zichzelf een risico-indeling.",
        "STarT Back supports the physiotherapist's judgement of the risk of persistent complaints; the result is never a risk classification on its own.");

    /// <summary>Validates an NPRS score (0-10).</summary>
    public static NprsScore ScoreNprs(int value)
    {
        RequireRange(value, 0, 10, "value", "NPRS");
        return new NprsScore(value);
    }

    /// <summary>Change between two NPRS scores; meaningful from 2 points, or from a 30% improvement.</summary>
    public static ScoreChange CompareNprs(int before, int after)
    {
        ScoreNprs(before);
        ScoreNprs(after);
        return CompareNprs((double)before, after);
    }

    /// <summary>
    /// Change between two NPRS values that may be averages of several ratings (e.g. 3.5); meaningful from 2 points,
    /// or from a 30% improvement. Values outside 0-10 or not a number are refused.
    /// </summary>
    public static ScoreChange CompareNprs(double before, double after)
    {
        var errors = new List<ValidationError>();
        foreach (var (value, path) in new[] { (before, nameof(before)), (after, nameof(after)) })
        {
            if (!double.IsFinite(value) || value < 0 || value > 10)
            {
                errors.Add(new("score-out-of-range", path, $"NPRS score {value.ToString(Inv)} must be a number between 0 and 10"));
            }
        }

        Throw(errors, nameof(after));
        return Change(NprsId, before, after, NprsMeaningfulChange, MeaningfulRelativeImprovement, minimalDetectableChange: null);
    }

    /// <summary>Validates a PSK measurement: 3-5 activities with distinct, non-blank labels and scores 0-10.</summary>
    public static PskScore ScorePsk(IReadOnlyList<PskActivity> activities)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var errors = new List<ValidationError>();
        if (activities.Count is < PskMinActivities or > PskMaxActivities)
        {
            errors.Add(new("psk-activity-count", "activities", $"PSK needs {PskMinActivities} to {PskMaxActivities} activities, got {activities.Count}"));
        }

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < activities.Count; i++)
        {
            var activity = activities[i];
            if (activity is null || string.IsNullOrWhiteSpace(activity.Label))
            {
                errors.Add(new("psk-label-missing", $"activities[{i}].Label", "every PSK activity needs a label"));
                continue;
            }

            if (!labels.Add(activity.Label.Trim()))
            {
                errors.Add(new("psk-duplicate-label", $"activities[{i}].Label", $"PSK activity '{activity.Label}' is listed twice"));
            }

            if (activity.Score is < 0 or > 10)
            {
                errors.Add(new("score-out-of-range", $"activities[{i}].Score", $"PSK score {activity.Score} for '{activity.Label}' must be between 0 and 10"));
            }
        }

        Throw(errors, nameof(activities));
        return new PskScore([.. activities], activities.Average(a => a.Score));
    }

    /// <summary>
    /// PSK change per activity, matched by label (case-insensitive). A change of 2 or more points on an activity
    /// counts as real. Both measurements must name the same activities.
    /// </summary>
    public static PskComparison ComparePsk(PskScore before, PskScore after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var later = after.Activities.ToDictionary(a => a.Label.Trim(), StringComparer.OrdinalIgnoreCase);
        var errors = new List<ValidationError>();
        var changes = ImmutableArray.CreateBuilder<PskActivityChange>(before.Activities.Length);
        foreach (var activity in before.Activities)
        {
            if (!later.Remove(activity.Label.Trim(), out var next))
            {
                errors.Add(new("psk-activity-unmatched", "after", $"PSK activity '{activity.Label}' is missing from the later measurement"));
                continue;
            }

            var change = next.Score - activity.Score;
            changes.Add(new PskActivityChange(activity.Label, activity.Score, next.Score, change, Math.Abs(change) >= PskMeaningfulChange, Direction(change)));
        }

        errors.AddRange(later.Keys.Select(label => new ValidationError("psk-activity-unmatched", "before", $"PSK activity '{label}' is missing from the earlier measurement")));
        Throw(errors, nameof(after));
        var result = changes.ToImmutable();
        return new PskComparison(
            result,
            result.Count(c => c.IsMeaningful && c.Direction == ChangeDirection.Improved),
            result.Count(c => c.IsMeaningful && c.Direction == ChangeDirection.Worsened));
    }

    /// <summary>
    /// STarT Back: 9 items scored 0 or 1 (item 9 counts 1 for "very much" or "extremely"). All items are required.
    /// Low risk: total 0-3; high risk: psychosocial subscore (items 5-9) of 4-5; otherwise medium.
    /// </summary>
    public static StartBackScore ScoreStartBack(IReadOnlyList<int?> items)
    {
        var values = Items(items, 9, 0, 1, maxUnanswered: 0, "STarT Back");
        var total = 0;
        var psychosocial = 0;
        for (var i = 0; i < 9; i++)
        {
            total += values[i]!.Value;
            psychosocial += i >= 4 ? values[i]!.Value : 0;
        }

        var risk = total <= 3 ? StartBackRisk.Low : psychosocial >= 4 ? StartBackRisk.High : StartBackRisk.Medium;
        var indication = risk switch
        {
            StartBackRisk.Low => new LocalizedText("Wijst op een laag risico op aanhoudende klachten: uitleg, advies en zelfzorg volstaan vaak.", "Points to a low risk of persistent complaints: explanation, advice and self-care are often enough."),
            StartBackRisk.Medium => new LocalizedText("Wijst op een middelmatig risico: gerichte oefentherapie ligt voor de hand.", "Points to a medium risk: targeted exercise therapy is the obvious choice."),
            _ => new LocalizedText("Wijst op een hoog risico, vooral door psychosociale factoren: combineer oefentherapie met aandacht voor zorgen, angst en stress.", "Points to a high risk, mainly through psychosocial factors: combine exercise therapy with attention to worry, fear and stress."),
        };
        var interpretation = new LocalizedText(
            $"{indication.Nl} {StartBackJudgementNote.Nl}",
            $"{indication.En} {StartBackJudgementNote.En}");
        return new StartBackScore(total, psychosocial, risk, interpretation);
    }

    /// <summary>
    /// Oswestry Disability Index: 10 sections of 0-5; percentage = sum / (5 x answered) x 100. Up to 2 sections may
    /// be unanswered; more is refused.
    /// </summary>
    public static OdiScore ScoreOswestry(IReadOnlyList<int?> sections)
    {
        var values = Items(sections, 10, 0, 5, MaxUnansweredItems, "Oswestry");
        var (sum, answered) = Sum(values);
        var percentage = sum * 100.0 / (5 * answered);
        var rounded = Math.Round(percentage, MidpointRounding.AwayFromZero);
        var band = rounded switch
        {
            <= 20 => OdiBand.Minimal,
            <= 40 => OdiBand.Moderate,
            <= 60 => OdiBand.Severe,
            <= 80 => OdiBand.VerySevere,
            _ => OdiBand.Extreme,
        };
        var interpretation = band switch
        {
            OdiBand.Minimal => new LocalizedText("Minimale beperking (0-20%).", "Minimal disability (0-20%)."),
            OdiBand.Moderate => new LocalizedText("Matige beperking (21-40%).", "Moderate disability (21-40%)."),
            OdiBand.Severe => new LocalizedText("Ernstige beperking (41-60%).", "Severe disability (41-60%)."),
            OdiBand.VerySevere => new LocalizedText("Zeer ernstige beperking (61-80%).", "Very severe disability (61-80%)."),
            _ => new LocalizedText("Uiterst ernstige beperking (81-100%); controleer ook de invulling.", "Extreme disability (81-100%); also check how the form was filled in."),
        };
        return new OdiScore(percentage, sum, answered, band, interpretation);
    }

    /// <summary>Change between two ODI scores; meaningful from 10 percentage points, or from a 30% improvement.</summary>
    public static ScoreChange CompareOswestry(OdiScore before, OdiScore after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Change("odi", before.Percentage, after.Percentage, OdiMeaningfulChange, MeaningfulRelativeImprovement, minimalDetectableChange: null);
    }

    /// <summary>
    /// Neck Disability Index: 10 items of 0-5, total 0-50. With one or two unanswered items the sum is prorated to
    /// 10 items (rounded half away from zero); more is refused.
    /// </summary>
    public static NdiScore ScoreNdi(IReadOnlyList<int?> items)
    {
        var values = Items(items, 10, 0, 5, MaxUnansweredItems, "NDI");
        var (sum, answered) = Sum(values);
        var total = Prorate(sum, answered, 10);
        var band = total switch
        {
            <= 4 => NdiBand.None,
            <= 14 => NdiBand.Mild,
            <= 24 => NdiBand.Moderate,
            <= 34 => NdiBand.Severe,
            _ => NdiBand.Complete,
        };
        var interpretation = band switch
        {
            NdiBand.None => new LocalizedText("Geen beperking (0-4).", "No disability (0-4)."),
            NdiBand.Mild => new LocalizedText("Lichte beperking (5-14).", "Mild disability (5-14)."),
            NdiBand.Moderate => new LocalizedText("Matige beperking (15-24).", "Moderate disability (15-24)."),
            NdiBand.Severe => new LocalizedText("Ernstige beperking (25-34).", "Severe disability (25-34)."),
            _ => new LocalizedText("Volledige beperking (35-50).", "Complete disability (35-50)."),
        };
        return new NdiScore(total, sum, answered, answered < 10, band, interpretation);
    }

    /// <summary>Change between two NDI scores; meaningful from 5 points.</summary>
    public static ScoreChange CompareNdi(NdiScore before, NdiScore after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Change(NdiId, before.Total, after.Total, NdiMeaningfulChange, relativeThreshold: null, minimalDetectableChange: null);
    }

    /// <summary>
    /// Quebec Back Pain Disability Scale: 20 items of 0-5, total 0-100. With one or two unanswered items the sum is
    /// prorated to 20 items; more is refused.
    /// </summary>
    public static QbpdsScore ScoreQbpds(IReadOnlyList<int?> items)
    {
        var values = Items(items, 20, 0, 5, MaxUnansweredItems, "QBPDS");
        var (sum, answered) = Sum(values);
        return new QbpdsScore(Prorate(sum, answered, 20), sum, answered, answered < 20);
    }

    /// <summary>
    /// Change between two QBPDS scores. A change below 15 points lies within the measurement error; a change is
    /// clinically important from 20 points or a 30% improvement, and only when it also exceeds the measurement error.
    /// </summary>
    public static ScoreChange CompareQbpds(QbpdsScore before, QbpdsScore after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Change(QbpdsId, before.Total, after.Total, QbpdsMeaningfulChange, MeaningfulRelativeImprovement, QbpdsMinimalDetectableChange);
    }

    /// <summary>
    /// Proposes the outcome measures for an intake with this complaint region; see the overload for several regions.
    /// </summary>
    /// <exception cref="ClinicalInputException">The region id is unknown.</exception>
    public static OutcomeSetProposal ProposeOutcomeSet(string regionId) => ProposeOutcomeSet([regionId]);

    /// <summary>
    /// Proposes the outcome measures for an intake: NPRS and PSK always; for a low-back complaint the KNGF low-back
    /// set (NPRS, PSK and QBPDS) with STarT Back as support for the risk judgement; for a neck complaint also NDI.
    /// </summary>
    /// <exception cref="ClinicalInputException">No region is given, or a region id is unknown.</exception>
    public static OutcomeSetProposal ProposeOutcomeSet(IReadOnlyCollection<string> complaintRegionIds)
    {
        ArgumentNullException.ThrowIfNull(complaintRegionIds);
        var regions = ClinicalCatalog.Default.RegionsById;
        var errors = new List<ValidationError>();
        if (complaintRegionIds.Count == 0)
        {
            errors.Add(new("no-complaint-region", nameof(complaintRegionIds), "at least one complaint region is needed to propose outcome measures"));
        }

        foreach (var id in complaintRegionIds.Where(id => id is null || !regions.ContainsKey(id)))
        {
            errors.Add(new("unknown-region", nameof(complaintRegionIds), $"unknown region id '{id}'"));
        }

        Throw(errors, nameof(complaintRegionIds));
        var lowBack = complaintRegionIds.Contains(LowBackRegionId);
        var neck = complaintRegionIds.Contains(NeckRegionId);
        var instruments = new List<string> { NprsId, PskId };
        if (lowBack)
        {
            instruments.Add(QbpdsId);
        }

        if (neck)
        {
            instruments.Add(NdiId);
        }

        return new OutcomeSetProposal(
            [.. complaintRegionIds.Distinct(StringComparer.Ordinal)],
            [.. instruments],
            lowBack ? [StartBackId] : [],
            OutcomeTexts.ForProposal(lowBack, neck));
    }

    private static int?[] Items(IReadOnlyList<int?>? items, int count, int min, int max, int maxUnanswered, string instrument)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        var errors = new List<ValidationError>();
        if (items.Count != count)
        {
            errors.Add(new("item-count", "items", $"{instrument} has {count} items, got {items.Count}"));
            Throw(errors, nameof(items));
        }

        var unanswered = 0;
        for (var i = 0; i < count; i++)
        {
            if (items[i] is not { } value)
            {
                unanswered++;
            }
            else if (value < min || value > max)
            {
                errors.Add(new("score-out-of-range", $"items[{i}]", $"{instrument} item {i + 1} is {value}; allowed {min}-{max}"));
            }
        }

        if (unanswered > maxUnanswered)
        {
            errors.Add(maxUnanswered == 0
                ? new("too-many-unanswered", "items", $"{instrument} needs all {count} items answered; {unanswered} unanswered")
                : new("too-many-unanswered", "items", $"{instrument} allows at most {maxUnanswered} unanswered items; {unanswered} unanswered, so no score is given"));
        }

        Throw(errors, nameof(items));
        return [.. items];
    }

    private static (int Sum, int Answered) Sum(int?[] values)
    {
        int sum = 0, answered = 0;
        foreach (var value in values)
        {
            if (value is { } v)
            {
                sum += v;
                answered++;
            }
        }

        return (sum, answered);
    }

    private static int Prorate(int sum, int answered, int itemCount) =>
        answered == itemCount ? sum : (int)Math.Round(sum * (double)itemCount / answered, MidpointRounding.AwayFromZero);

    private static void RequireRange(int value, int min, int max, string path, string instrument)
    {
        if (value < min || value > max)
        {
            throw new ClinicalInputException(path, "score-out-of-range", path, $"{instrument} score {value} must be between {min} and {max}");
        }
    }

    private static void Throw(List<ValidationError> errors, string paramName)
    {
        if (errors.Count > 0)
        {
            throw new ClinicalInputException(paramName, errors);
        }
    }

    private static ChangeDirection Direction(double change) =>
        change < 0 ? ChangeDirection.Improved : change > 0 ? ChangeDirection.Worsened : ChangeDirection.Unchanged;

    private static ScoreChange Change(string instrument, double before, double after, double threshold, double? relativeThreshold, double? minimalDetectableChange)
    {
        // Guards against binary rounding (e.g. an ODI change of 10.000000000000002) deciding the verdict.
        const double Tolerance = 1e-9;
        var change = after - before;
        var magnitude = Math.Abs(change);
        var direction = Direction(change);
        double? relative = before > 0 ? change / before : null;

        // The relative rule is defined for improvement; for a low earlier score a small worsening is a large fraction.
        var relativeReached = relativeThreshold is { } fraction && direction == ChangeDirection.Improved
            && relative is { } r && -r >= fraction - Tolerance;
        bool? beyondError = minimalDetectableChange is { } mdc ? magnitude >= mdc - Tolerance : null;
        var meaningful = (magnitude >= threshold - Tolerance || relativeReached) && beyondError != false;
        var explanation = OutcomeTexts.ForChange(direction, magnitude, relative, threshold, relativeThreshold, minimalDetectableChange, meaningful, beyondError);
        return new ScoreChange(instrument, before, after, change, threshold, meaningful, direction, explanation)
        {
            RelativeThreshold = relativeThreshold,
            RelativeChange = relative,
            MinimalDetectableChange = minimalDetectableChange,
            ExceedsMeasurementError = beyondError,
        };
    }
}
