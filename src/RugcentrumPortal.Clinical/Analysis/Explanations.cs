using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Analysis;

/// <summary>Sentence templates for analysis results, in Dutch and English.</summary>
internal static class Explanations
{
    internal static readonly ImmutableArray<TreatmentGoal> GeneralGoals =
    [
        new(new LocalizedText(
            "Overactieve spieren laten ontspannen en de betrokken gewrichten vrij laten bewegen.",
            "Let the overactive muscles relax and free the joints involved."), null),
        new(new LocalizedText(
            "Onderactieve spieren weer voelen en licht, met rustige ademhaling, aanzetten.",
            "Feel the underactive muscles again and switch them on lightly, with calm breathing."), null),
        new(new LocalizedText(
            "De nieuwe spierbalans vasthouden in langzame, gecontroleerde bewegingen.",
            "Hold the new muscle balance in slow, controlled movements."), null),
        new(new LocalizedText(
            "De spieren die te weinig deden gericht sterker maken zodra de beweging zuiver is.",
            "Strengthen the muscles that did too little once the movement is clean."), null),
        new(new LocalizedText(
            "Bewust bewegen in het dagelijks leven, met regelmatige pauzes.",
            "Move consciously in daily life, with regular pauses."), null),
    ];

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static string ToneNl(MuscleTone tone) => tone switch
    {
        MuscleTone.Overactive => "overactief",
        MuscleTone.Underactive => "onderactief",
        _ => "normaal",
    };

    internal static string ToneEn(MuscleTone tone) => tone switch
    {
        MuscleTone.Overactive => "overactive",
        MuscleTone.Underactive => "underactive",
        _ => "normal",
    };

    internal static string SideNl(Side side) => side switch
    {
        Side.Left => " (links)",
        Side.Right => " (rechts)",
        _ => string.Empty,
    };

    internal static string SideEn(Side side) => side switch
    {
        Side.Left => " (left)",
        Side.Right => " (right)",
        _ => string.Empty,
    };

    internal static string Percent(double fraction) => Math.Round(fraction * 100).ToString("0", Inv) + "%";

    internal static LocalizedText ForEvidence(Evidence e)
    {
        switch (e.Kind)
        {
            case EvidenceKind.Observation:
                return new LocalizedText(
                    $"Waargenomen: {e.Subject.Nl}. Dit past bij het patroon.",
                    $"Observed: {e.Subject.En}. This fits the pattern.");
            case EvidenceKind.ComplaintRegion:
                return new LocalizedText(
                    $"Klachtengebied {e.Subject.Nl}{SideNl(e.Side)}: hier geeft dit patroon vaak pijn.",
                    $"Complaint area {e.Subject.En}{SideEn(e.Side)}: this pattern often hurts here.");
        }

        var rating = e.Rating!;
        var expected = e.Expected ?? MuscleTone.Normal;
        if (e.Supports)
        {
            return new LocalizedText(
                $"{e.Subject.Nl}{SideNl(e.Side)} is {IntensityNl(rating.Intensity)} {ToneNl(rating.Tone)}, zoals dit patroon verwacht.",
                $"{e.Subject.En}{SideEn(e.Side)} is {IntensityEn(rating.Intensity)} {ToneEn(rating.Tone)}, as this pattern expects.");
        }

        return rating.Tone == MuscleTone.Normal
            ? new LocalizedText(
                $"{e.Subject.Nl}{SideNl(e.Side)} is als normaal beoordeeld; dit patroon verwacht {ToneNl(expected)}.",
                $"{e.Subject.En}{SideEn(e.Side)} was rated normal; this pattern expects it to be {ToneEn(expected)}.")
            : new LocalizedText(
                $"{e.Subject.Nl}{SideNl(e.Side)} is {ToneNl(rating.Tone)}: het tegenovergestelde van wat dit patroon verwacht ({ToneNl(expected)}).",
                $"{e.Subject.En}{SideEn(e.Side)} is {ToneEn(rating.Tone)}: the opposite of what this pattern expects ({ToneEn(expected)}).");
    }

    internal static LocalizedText ForPattern(PatternMatch m)
    {
        var name = m.Pattern.Name;
        var counts = new LocalizedText(
            string.Create(Inv, $"{m.Supporting.Length} bevinding(en) ervoor, {m.Contradicting.Length} ertegen; {m.RatedCount} van {m.KeyCount} sleutelspieren beoordeeld (score {Percent(m.Score)}, betrouwbaarheid {Percent(m.Confidence)})."),
            string.Create(Inv, $"{m.Supporting.Length} finding(s) for, {m.Contradicting.Length} against; {m.RatedCount} of {m.KeyCount} key muscles rated (score {Percent(m.Score)}, confidence {Percent(m.Confidence)})."));
        if (m.IsMatch)
        {
            return new LocalizedText(
                $"{name.Nl} is waarschijnlijk aanwezig. {counts.Nl}",
                $"{name.En} is probably present. {counts.En}");
        }

        if (m.Confidence <= BalanceAnalyzer.MatchThreshold)
        {
            return new LocalizedText(
                $"{name.Nl}: te weinig sleutelspieren beoordeeld om dit vast te stellen; beoordeel de ontbrekende spieren. {counts.Nl}",
                $"{name.En}: too few key muscles rated to decide; rate the missing muscles. {counts.En}");
        }

        if (m.Pattern.IsComposite)
        {
            return new LocalizedText(
                $"{name.Nl} vraagt dat beide deelpatronen aanwezig zijn; dat is niet zo. {counts.Nl}",
                $"{name.En} requires both component patterns to be present; they are not. {counts.En}");
        }

        if (!m.HasUnderactiveSupport || !m.HasOveractiveSupport)
        {
            return new LocalizedText(
                $"{name.Nl} is niet vastgesteld: een compensatie vraagt zowel spieren die te weinig doen als spieren die het overnemen, en één van beide kanten ontbreekt. {counts.Nl}",
                $"{name.En} is not established: a compensation needs both muscles that do too little and muscles that take over, and one side is missing. {counts.En}");
        }

        return new LocalizedText(
            $"{name.Nl} past onvoldoende bij de bevindingen. {counts.Nl}",
            $"{name.En} does not fit the findings well enough. {counts.En}");
    }

    internal static LocalizedText ForChain(ChainLoad c)
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        nl.Append(Inv, $"{c.Chain.Name.Nl} staat onder belasting (score {c.Load}): {c.OveractiveMuscleIds.Length} overactieve en {c.UnderactiveMuscleIds.Length} onderactieve spier(en) in deze lijn");
        en.Append(Inv, $"{c.Chain.Name.En} is under load (score {c.Load}): {c.OveractiveMuscleIds.Length} overactive and {c.UnderactiveMuscleIds.Length} underactive muscle(s) in this line");
        if (c.ComplaintRegionIds.Length > 0)
        {
            nl.Append(Inv, $", en de lijn loopt door {c.ComplaintRegionIds.Length} klachtengebied(en)");
            en.Append(Inv, $", and the line runs through {c.ComplaintRegionIds.Length} complaint area(s)");
        }

        nl.Append(". Kijk bij de behandeling naar de hele lijn, niet alleen naar de pijnlijke plek.");
        en.Append(". Treat the whole line, not only the painful spot.");
        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForAnalysis(BalanceAnalysis a)
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        if (a.Matches.Length == 0)
        {
            nl.Append("Geen compensatiepatroon vastgesteld.");
            en.Append("No compensation pattern established.");
        }
        else
        {
            nl.Append("Gevonden patronen: ");
            en.Append("Patterns found: ");
            for (var i = 0; i < a.Matches.Length; i++)
            {
                var separator = i == 0 ? string.Empty : ", ";
                nl.Append(separator).Append(a.Matches[i].Pattern.Name.Nl);
                en.Append(separator).Append(a.Matches[i].Pattern.Name.En);
            }

            nl.Append('.');
            en.Append('.');
        }

        if (a.Chains.Length > 0)
        {
            nl.Append(" Meest belaste spierketen: ").Append(a.Chains[0].Chain.Name.Nl).Append('.');
            en.Append(" Most loaded muscle chain: ").Append(a.Chains[0].Chain.Name.En).Append('.');
        }

        nl.Append(Inv, $" Betrouwbaarheid {Percent(a.Confidence)}");
        en.Append(Inv, $" Confidence {Percent(a.Confidence)}");
        if (a.MissingMuscleIds.Length > 0)
        {
            nl.Append(Inv, $"; {a.MissingMuscleIds.Length} relevante spier(en) niet beoordeeld, die zijn niet ingevuld of geraden.");
            en.Append(Inv, $"; {a.MissingMuscleIds.Length} relevant muscle(s) not rated, and these were not filled in or guessed.");
        }
        else
        {
            nl.Append('.');
            en.Append('.');
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    private static string IntensityNl(int intensity) => intensity switch
    {
        1 => "licht",
        2 => "duidelijk",
        _ => "sterk",
    };

    private static string IntensityEn(int intensity) => intensity switch
    {
        1 => "slightly",
        2 => "clearly",
        _ => "markedly",
    };
}
