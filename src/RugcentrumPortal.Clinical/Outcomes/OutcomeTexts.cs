using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Outcomes;

/// <summary>Sentences about score changes and proposed measures, in Dutch and English.</summary>
internal static class OutcomeTexts
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static LocalizedText ForChange(
        ChangeDirection direction,
        double magnitude,
        double? relative,
        double threshold,
        double? relativeThreshold,
        double? minimalDetectableChange,
        bool meaningful,
        bool? beyondError)
    {
        if (direction == ChangeDirection.Unchanged)
        {
            return new LocalizedText("Geen verandering.", "No change.");
        }

        var improved = direction == ChangeDirection.Improved;
        var amount = magnitude.ToString("0.#", Inv);
        var percent = relative is { } r ? $" ({Math.Abs(r * 100).ToString("0", Inv)}%)" : string.Empty;
        var nl = new StringBuilder($"{(improved ? "Verbeterd" : "Verslechterd")} met {amount} punten{percent}; ");
        var en = new StringBuilder($"{(improved ? "Improved" : "Worsened")} by {amount} points{percent}; ");
        var limit = threshold.ToString("0.#", Inv);
        var ruleNl = relativeThreshold is { } f ? $"{limit} punten of {(f * 100).ToString("0", Inv)}% verbetering" : $"{limit} punten";
        var ruleEn = relativeThreshold is { } g ? $"{limit} points or {(g * 100).ToString("0", Inv)}% improvement" : $"{limit} points";
        var error = minimalDetectableChange?.ToString("0.#", Inv);
        if (meaningful)
        {
            nl.Append(Inv, $"dat is klinisch betekenisvol (drempel {ruleNl}).");
            en.Append(Inv, $"that is clinically meaningful (threshold {ruleEn}).");
        }
        else if (beyondError == false)
        {
            nl.Append(Inv, $"dat valt binnen de meetfout van {error} punten en kan dus ruis zijn.");
            en.Append(Inv, $"that is within the measurement error of {error} points, so it may be noise.");
        }
        else if (beyondError == true)
        {
            nl.Append(Inv, $"dat is meer dan de meetfout van {error} punten, maar nog geen klinisch belangrijke verandering (drempel {ruleNl}).");
            en.Append(Inv, $"that exceeds the measurement error of {error} points but is not yet a clinically important change (threshold {ruleEn}).");
        }
        else
        {
            nl.Append(Inv, $"dat is kleiner dan de drempel ({ruleNl}) en dus niet zeker een echte verandering.");
            en.Append(Inv, $"that is below the threshold ({ruleEn}), so not surely a real change.");
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForProposal(bool lowBack, bool neck)
    {
        var nl = new StringBuilder("NPRS (pijn) en PSK (eigen belangrijke activiteiten) bij de intake en opnieuw bij de evaluatie.");
        var en = new StringBuilder("NPRS (pain) and PSK (the patient's own important activities) at intake and again at evaluation.");
        if (lowBack)
        {
            nl.Append(" Bij lage rugklachten hoort volgens de KNGF-richtlijn bij iedere patiënt ook de QBPDS. De STarT Back ondersteunt het oordeel over het risico op aanhoudende klachten en wordt nooit alleen gebruikt.");
            en.Append(" For low-back complaints the KNGF guideline adds the QBPDS for every patient. STarT Back supports the judgement of the risk of persistent complaints and is never used alone.");
        }

        if (neck)
        {
            nl.Append(" Bij nekklachten komt de NDI erbij voor de beperkingen in het dagelijks leven.");
            en.Append(" For neck complaints the NDI is added for limitations in daily life.");
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }
}
