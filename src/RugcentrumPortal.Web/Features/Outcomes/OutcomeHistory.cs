using System.Globalization;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical;
using RugcentrumPortal.Clinical.Outcomes;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Outcomes;

public enum ChangeTone
{
    MeaningfulBetter,
    MeaningfulWorse,
    NotMeaningful,
    Unchanged,
}

/// <summary>A change in words ("−3 punten, betekenisvolle verbetering") and the core's own explanation.</summary>
public sealed record ChangeView(string Text, ChangeTone Tone, string Explanation)
{
    public string Icon => Tone switch
    {
        ChangeTone.MeaningfulBetter => MudBlazor.Icons.Material.Filled.ArrowCircleDown,
        ChangeTone.MeaningfulWorse => MudBlazor.Icons.Material.Filled.ArrowCircleUp,
        ChangeTone.Unchanged => MudBlazor.Icons.Material.Outlined.RemoveCircleOutline,
        _ => MudBlazor.Icons.Material.Outlined.Circle,
    };

    public string CssClass => Tone switch
    {
        ChangeTone.MeaningfulBetter => "change-better",
        ChangeTone.MeaningfulWorse => "change-worse",
        _ => "change-neutral",
    };
}

public sealed record PskLine(string Label, int Score, ChangeView? Change);

public sealed record MeasurementView(
    Guid Id,
    DateOnly CompletedOn,
    bool EnteredByPatient,
    string ScoreText,
    string? BandText,
    ChangeView? Change,
    IReadOnlyList<PskLine> Activities,
    string? Note);

public sealed record InstrumentHistory(OutcomeForm Form, string Name, IReadOnlyList<MeasurementView> Measurements);

/// <summary>
/// Completed measurements per instrument, newest first, each beside the one before it. Scores are re-read from
/// the stored item answers through the clinical core, so the change verdict is always the core's.
/// </summary>
public static class OutcomeHistory
{
    /// <param name="dateOf">The practice's date of a moment, for the date shown beside each measurement.</param>
    public static List<InstrumentHistory> Build(IEnumerable<OutcomeMeasurement> measurements, Func<DateTimeOffset, DateOnly> dateOf, IStringLocalizer t)
    {
        var byInstrument = measurements
            .Where(m => m.Status == OutcomeStatus.Completed)
            .GroupBy(m => m.InstrumentId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => m.CompletedAt).ThenBy(m => m.Id).ToList());
        var histories = new List<InstrumentHistory>();
        foreach (var form in OutcomeForms.All)
        {
            var oldestFirst = byInstrument.GetValueOrDefault(form.Id) ?? [];
            var views = new List<MeasurementView>();
            object? previous = null;
            foreach (var measurement in oldestFirst)
            {
                var scored = Rescore(form, measurement);
                views.Add(Describe(form, measurement, scored, previous, dateOf, t));
                previous = scored ?? previous;
            }
            views.Reverse();
            histories.Add(new InstrumentHistory(form, form.Name(t), views));
        }
        return histories;
    }

    private static object? Rescore(OutcomeForm form, OutcomeMeasurement m)
    {
        try
        {
            return form.Id switch
            {
                OutcomeForms.Nprs when m.ItemScores is [{ } value] => OutcomeScoring.ScoreNprs(value),
                OutcomeForms.Psk => OutcomeScoring.ScorePsk(m.Activities.Zip(m.ItemScores, (label, score) => new PskActivity(label, score ?? -1)).ToList()),
                OutcomeForms.StartBack => OutcomeScoring.ScoreStartBack(m.ItemScores),
                OutcomeForms.Oswestry => OutcomeScoring.ScoreOswestry(m.ItemScores),
                OutcomeForms.Ndi => OutcomeScoring.ScoreNdi(m.ItemScores),
                OutcomeForms.Qbpds => OutcomeScoring.ScoreQbpds(m.ItemScores),
                _ => null,
            };
        }
        catch (ClinicalInputException)
        {
            // A stored row the core no longer accepts is shown by its stored score, without a comparison.
            return null;
        }
    }

    private static MeasurementView Describe(OutcomeForm form, OutcomeMeasurement m, object? scored, object? previous, Func<DateTimeOffset, DateOnly> dateOf, IStringLocalizer t)
    {
        string scoreText;
        string? band = null;
        string? note = null;
        ScoreChange? change = null;
        var activities = new List<PskLine>();
        switch (scored)
        {
            case NprsScore nprs:
                scoreText = t["Outcomes.Score.OutOf", nprs.Value, 10];
                if (previous is NprsScore earlierNprs)
                {
                    change = OutcomeScoring.CompareNprs(earlierNprs.Value, nprs.Value);
                }
                break;
            case PskScore psk:
                scoreText = t["Outcomes.Score.PskMean", psk.Mean.ToString("0.#", CultureInfo.CurrentCulture)];
                PskComparison? comparison = null;
                if (previous is PskScore earlier)
                {
                    try
                    {
                        comparison = OutcomeScoring.ComparePsk(earlier, psk);
                    }
                    catch (ClinicalInputException)
                    {
                        note = t["Outcomes.Psk.OtherActivities"];
                    }
                }
                foreach (var activity in psk.Activities)
                {
                    var c = comparison?.Activities.FirstOrDefault(a => string.Equals(a.Label.Trim(), activity.Label.Trim(), StringComparison.OrdinalIgnoreCase));
                    activities.Add(new PskLine(activity.Label, activity.Score, c is null ? null : PskChange(c, t)));
                }
                break;
            case StartBackScore startBack:
                scoreText = t["Outcomes.Score.StartBack", startBack.Total, startBack.PsychosocialSubscore];
                band = Risk(startBack.Risk, t);
                note = startBack.Interpretation.Get();
                if (previous is StartBackScore earlierRisk && earlierRisk.Risk != startBack.Risk)
                {
                    note = t["Outcomes.Risk.Was", Risk(earlierRisk.Risk, t)] + " " + note;
                }
                break;
            case OdiScore odi:
                scoreText = t["Outcomes.Score.Percent", odi.Percentage.ToString("0.#", CultureInfo.CurrentCulture)];
                band = odi.Interpretation.Get();
                if (previous is OdiScore earlierOdi)
                {
                    change = OutcomeScoring.CompareOswestry(earlierOdi, odi);
                }
                break;
            case NdiScore ndi:
                scoreText = t["Outcomes.Score.OutOf", ndi.Total, 50];
                band = ndi.Interpretation.Get();
                note = ndi.IsProrated ? t["Outcomes.Score.Prorated", 10 - ndi.AnsweredItems].Value : null;
                if (previous is NdiScore earlierNdi)
                {
                    change = OutcomeScoring.CompareNdi(earlierNdi, ndi);
                }
                break;
            case QbpdsScore qbpds:
                scoreText = t["Outcomes.Score.OutOf", qbpds.Total, 100];
                note = qbpds.IsProrated ? t["Outcomes.Score.Prorated", 20 - qbpds.AnsweredItems].Value : null;
                if (previous is QbpdsScore earlierQbpds)
                {
                    change = OutcomeScoring.CompareQbpds(earlierQbpds, qbpds);
                }
                break;
            default:
                scoreText = m.Score?.ToString("0.#", CultureInfo.CurrentCulture) ?? "-";
                break;
        }
        var unit = form.Id == OutcomeForms.Oswestry ? t["Outcomes.Change.PercentPoints"] : t["Outcomes.Change.Points"];
        return new MeasurementView(m.Id, dateOf(m.CompletedAt ?? m.RequestedAt), m.EnteredByPatient, scoreText, band,
            change is null ? null : Change(change.Change, change.IsMeaningful, change.Direction, change.Threshold, unit, change.Explanation.Get(), t),
            activities, note);
    }

    private static ChangeView PskChange(PskActivityChange c, IStringLocalizer t) =>
        Change(c.Change, c.IsMeaningful, c.Direction, OutcomeScoring.PskMeaningfulChange, t["Outcomes.Change.Points"], "", t);

    private static ChangeView Change(double amount, bool meaningful, ChangeDirection direction, double threshold, string unit, string explanation, IStringLocalizer t)
    {
        if (direction == ChangeDirection.Unchanged)
        {
            return new ChangeView(t["Outcomes.Change.None"], ChangeTone.Unchanged, explanation);
        }
        // A typographic minus reads better than a hyphen and screen readers say "min".
        var number = (amount < 0 ? "\u2212" : "+") + Math.Abs(amount).ToString("0.#", CultureInfo.CurrentCulture);
        var limit = threshold.ToString("0.#", CultureInfo.CurrentCulture);
        var (verdict, tone) = (direction, meaningful) switch
        {
            (ChangeDirection.Improved, true) => (t["Outcomes.Change.MeaningfulBetter"].Value, ChangeTone.MeaningfulBetter),
            (ChangeDirection.Worsened, true) => (t["Outcomes.Change.MeaningfulWorse"].Value, ChangeTone.MeaningfulWorse),
            (ChangeDirection.Improved, false) => (t["Outcomes.Change.SmallBetter", limit].Value, ChangeTone.NotMeaningful),
            _ => (t["Outcomes.Change.SmallWorse", limit].Value, ChangeTone.NotMeaningful),
        };
        return new ChangeView($"{number} {unit}, {verdict}", tone, explanation);
    }

    public static string Risk(StartBackRisk risk, IStringLocalizer t) => risk switch
    {
        StartBackRisk.Low => t["Outcomes.Risk.Low"],
        StartBackRisk.Medium => t["Outcomes.Risk.Medium"],
        _ => t["Outcomes.Risk.High"],
    };
}
