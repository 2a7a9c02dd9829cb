using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical;
using RugcentrumPortal.Clinical.Outcomes;

namespace RugcentrumPortal.Web.Features.Outcomes;

/// <summary>What scoring produced: either messages per field, or the values to store.</summary>
public sealed class OutcomeResult
{
    /// <summary>Field key (see <see cref="OutcomeScorer"/>) to message.</summary>
    public Dictionary<string, string> Errors { get; } = [];

    /// <summary>Messages about the form as a whole (too few activities, too many open items).</summary>
    public List<string> Summary { get; } = [];

    public bool IsValid => Errors.Count == 0 && Summary.Count == 0;
    public List<int?> ItemScores { get; set; } = [];
    public List<string> Activities { get; set; } = [];
    public double? Score { get; set; }
    public string? Band { get; set; }

    public void Add(string field, string message) => Errors.TryAdd(field, message);
}

/// <summary>
/// Turns form input into what the clinical core scores, and the core's refusals into Dutch messages at the
/// field they concern. The rules themselves (ranges, activity count, unanswered items) live in the core.
/// </summary>
public static partial class OutcomeScorer
{
    public const int PskRows = OutcomeScoring.PskMaxActivities;
    public const int MaxLabelLength = 100;

    public const string ValueField = "value";
    public const string ActivitiesField = "activities";
    public const string ItemsField = "items";

    public static string ItemField(int index) => $"item-{index}";
    public static string LabelField(int row) => $"activity-{row}-label";
    public static string ScoreField(int row) => $"activity-{row}-score";

    public static OutcomeResult Score(OutcomeForm form, OutcomeInput input, IStringLocalizer t)
    {
        input.Shape(form);
        var result = new OutcomeResult();
        switch (form.Kind)
        {
            case OutcomeFormKind.Nprs:
                ScoreNprs(input, result, t);
                break;
            case OutcomeFormKind.Psk:
                ScorePsk(input, result, t);
                break;
            default:
                ScoreItems(form, input, result, t);
                break;
        }
        return result;
    }

    private static void ScoreNprs(OutcomeInput input, OutcomeResult result, IStringLocalizer t)
    {
        if (!TryParse(input.Value, out var value))
        {
            result.Add(ValueField, t["Outcomes.Error.ChooseValue", 0, 10]);
            return;
        }
        try
        {
            var score = OutcomeScoring.ScoreNprs(value);
            result.ItemScores = [score.Value];
            result.Score = score.Value;
        }
        catch (ClinicalInputException refused)
        {
            foreach (var error in refused.Errors)
            {
                result.Add(ValueField, error.Code == "score-out-of-range"
                    ? t["Outcomes.Error.OutOfRange", value, 0, 10]
                    : t["Outcomes.Error.NotScored"]);
            }
        }
    }

    private static void ScorePsk(OutcomeInput input, OutcomeResult result, IStringLocalizer t)
    {
        var activities = new List<PskActivity>();
        var rows = new List<int>();
        for (var row = 0; row < input.Activities.Count; row++)
        {
            var label = input.Activities[row].Label?.Trim() ?? "";
            var text = input.Activities[row].Score;
            if (label.Length == 0 && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            if (label.Length > MaxLabelLength)
            {
                result.Add(LabelField(row), t["Outcomes.Error.LabelTooLong", MaxLabelLength]);
            }
            if (!TryParse(text, out var score))
            {
                result.Add(ScoreField(row), t["Outcomes.Error.PskScoreMissing"]);
                continue;
            }
            activities.Add(new PskActivity(label, score));
            rows.Add(row);
        }
        try
        {
            var scored = OutcomeScoring.ScorePsk(activities);
            result.Activities = scored.Activities.Select(a => a.Label).ToList();
            result.ItemScores = scored.Activities.Select(a => (int?)a.Score).ToList();
            result.Score = scored.Mean;
        }
        catch (ClinicalInputException refused)
        {
            foreach (var error in refused.Errors)
            {
                var row = Index(error.Path) is { } i && i < rows.Count ? rows[i] : (int?)null;
                switch (error.Code)
                {
                    case "psk-activity-count":
                        // Rows refused above for a missing score do not count, so the message names what was usable.
                        result.Add(ActivitiesField, t["Outcomes.Error.PskCount", OutcomeScoring.PskMinActivities, OutcomeScoring.PskMaxActivities, activities.Count]);
                        break;
                    case "psk-label-missing" when row is not null:
                        result.Add(LabelField(row.Value), t["Outcomes.Error.PskLabelMissing"]);
                        break;
                    case "psk-duplicate-label" when row is not null:
                        result.Add(LabelField(row.Value), t["Outcomes.Error.PskDuplicate"]);
                        break;
                    case "score-out-of-range" when row is not null:
                        result.Add(ScoreField(row.Value), t["Outcomes.Error.OutOfRange", activities[rows.IndexOf(row.Value)].Score, 0, 10]);
                        break;
                    default:
                        result.Summary.Add(t["Outcomes.Error.NotScored"]);
                        break;
                }
            }
        }
        if (!result.IsValid)
        {
            result.Score = null;
        }
    }

    private static void ScoreItems(OutcomeForm form, OutcomeInput input, OutcomeResult result, IStringLocalizer t)
    {
        var instrument = form.Instrument!;
        var items = new List<int?>();
        for (var i = 0; i < input.Items.Count; i++)
        {
            var text = input.Items[i];
            if (string.IsNullOrWhiteSpace(text))
            {
                items.Add(null);
            }
            else if (TryParse(text, out var value))
            {
                items.Add(value);
            }
            else
            {
                items.Add(null);
                result.Add(ItemField(i), t["Outcomes.Error.ChooseValue", instrument.ItemMin, instrument.ItemMax]);
            }
        }
        try
        {
            switch (form.Id)
            {
                case OutcomeForms.StartBack:
                    var startBack = OutcomeScoring.ScoreStartBack(items);
                    (result.Score, result.Band) = (startBack.Total, startBack.Risk.ToString());
                    break;
                case OutcomeForms.Oswestry:
                    var odi = OutcomeScoring.ScoreOswestry(items);
                    (result.Score, result.Band) = (odi.Percentage, odi.Band.ToString());
                    break;
                case OutcomeForms.Ndi:
                    var ndi = OutcomeScoring.ScoreNdi(items);
                    (result.Score, result.Band) = (ndi.Total, ndi.Band.ToString());
                    break;
                case OutcomeForms.Qbpds:
                    result.Score = OutcomeScoring.ScoreQbpds(items).Total;
                    break;
                default:
                    result.Summary.Add(t["Outcomes.Error.NotScored"]);
                    break;
            }
            result.ItemScores = items;
        }
        catch (ClinicalInputException refused)
        {
            foreach (var error in refused.Errors)
            {
                switch (error.Code)
                {
                    case "score-out-of-range" when Index(error.Path) is { } i && i < items.Count:
                        result.Add(ItemField(i), t["Outcomes.Error.OutOfRange", items[i]!, instrument.ItemMin, instrument.ItemMax]);
                        break;
                    case "too-many-unanswered":
                        var open = items.Count(v => v is null);
                        result.Summary.Add(form.Id == OutcomeForms.StartBack
                            ? t["Outcomes.Error.AllRequired", items.Count, open]
                            : t["Outcomes.Error.TooManyUnanswered", open, OutcomeScoring.MaxUnansweredItems]);
                        for (var i = 0; i < items.Count; i++)
                        {
                            if (items[i] is null)
                            {
                                result.Add(ItemField(i), t["Outcomes.Error.Unanswered"]);
                            }
                        }
                        break;
                    default:
                        result.Summary.Add(t["Outcomes.Error.NotScored"]);
                        break;
                }
            }
        }
        if (!result.IsValid)
        {
            result.Score = null;
            result.Band = null;
        }
    }

    private static bool TryParse(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    private static int? Index(string path) =>
        IndexPattern().Match(path) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex IndexPattern();
}
