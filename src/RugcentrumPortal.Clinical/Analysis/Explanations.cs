using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Examination;
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
            var (layerNl, layerEn) = (e.Layer, rating.Tone) switch
            {
                (MuscleLayer.DeepStabiliser, MuscleTone.Underactive) => (
                    " Als diepe stabilisator hoort deze spier het gewricht voortdurend met lage spanning te steunen.",
                    " As a deep stabiliser this muscle should support the joint all the time at low tension."),
                (MuscleLayer.SuperficialMover, MuscleTone.Overactive) => (
                    " Als oppervlakkige beweger neemt deze spier dan werk over waar hij niet voor gemaakt is.",
                    " As a superficial mover this muscle then takes over work it is not made for."),
                _ => (string.Empty, string.Empty),
            };
            return new LocalizedText(
                $"{e.Subject.Nl}{SideNl(e.Side)} is {IntensityNl(rating.Intensity)} {ToneNl(rating.Tone)}, zoals dit patroon verwacht.{layerNl}",
                $"{e.Subject.En}{SideEn(e.Side)} is {IntensityEn(rating.Intensity)} {ToneEn(rating.Tone)}, as this pattern expects.{layerEn}");
        }

        return rating.Tone == MuscleTone.Normal
            ? new LocalizedText(
                $"{e.Subject.Nl}{SideNl(e.Side)} is als normaal beoordeeld; dit patroon verwacht {ToneNl(expected)}.",
                $"{e.Subject.En}{SideEn(e.Side)} was rated normal; this pattern expects it to be {ToneEn(expected)}.")
            : new LocalizedText(
                $"{e.Subject.Nl}{SideNl(e.Side)} is {ToneNl(rating.Tone)}: het tegenovergestelde van wat dit patroon verwacht ({ToneNl(expected)}).",
                $"{e.Subject.En}{SideEn(e.Side)} is {ToneEn(rating.Tone)}: the opposite of what this pattern expects ({ToneEn(expected)}).");
    }

    internal static LocalizedText ForMovementTest(MovementTest test, MovementTestFinding finding, Side side, ClinicalCatalog catalog)
    {
        string Names(IEnumerable<string> ids, Func<LocalizedText, string> language) => string.Join(", ", ids.Select(id => language(catalog.MusclesById[id].Name)));
        var nl = new StringBuilder($"Bewegingstest {test.Name.Nl}{SideNl(side)}: {finding.Name.Nl}. Dit wijst op ");
        var en = new StringBuilder($"Movement test {test.Name.En}{SideEn(side)}: {finding.Name.En}. This points to ");
        if (finding.UnderactiveMuscleIds.Length > 0)
        {
            nl.Append("een geremde ").Append(Names(finding.UnderactiveMuscleIds, t => t.Nl));
            en.Append("an inhibited ").Append(Names(finding.UnderactiveMuscleIds, t => t.En));
        }

        if (finding.UnderactiveMuscleIds.Length > 0 && finding.OveractiveMuscleIds.Length > 0)
        {
            nl.Append(" met ");
            en.Append(" with ");
        }

        if (finding.OveractiveMuscleIds.Length > 0)
        {
            nl.Append(Names(finding.OveractiveMuscleIds, t => t.Nl)).Append(" die het overneemt");
            en.Append(Names(finding.OveractiveMuscleIds, t => t.En)).Append(" taking over");
        }

        nl.Append(", passend bij dit patroon.");
        en.Append(", which fits this pattern.");
        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForPattern(PatternMatch m)
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        var (verdictNl, verdictEn) = Verdict(m);
        nl.Append(verdictNl);
        en.Append(verdictEn);

        nl.Append(Inv, $" {m.Supporting.Length} bevinding(en) ervoor, {m.Contradicting.Length} ertegen. Dekking {Percent(m.Coverage)}: {m.RatedCount} van {m.KeyCount} sleutelspieren beoordeeld. Overeenkomst {Percent(m.Fit)}: hoe goed die beoordelingen passen bij wat het patroon verwacht.");
        en.Append(Inv, $" {m.Supporting.Length} finding(s) for, {m.Contradicting.Length} against. Coverage {Percent(m.Coverage)}: {m.RatedCount} of {m.KeyCount} key muscles rated. Match {Percent(m.Fit)}: how well those ratings fit what the pattern expects.");
        if (m.Pattern.IsComposite)
        {
            nl.Append(Inv, $" Totaalscore {Percent(m.Score)}: die van het zwakste deelpatroon.");
            en.Append(Inv, $" Overall {Percent(m.Score)}: that of the weakest component.");
        }
        else if (m.Bonus > 0)
        {
            nl.Append(Inv, $" Totaalscore {Percent(m.Score)}: de overeenkomst plus {Percent(m.Bonus)} voor passende observaties en bewegingstesten.");
            en.Append(Inv, $" Overall {Percent(m.Score)}: the match plus {Percent(m.Bonus)} for fitting observations and movement tests.");
        }
        else
        {
            nl.Append(Inv, $" Totaalscore {Percent(m.Score)}: gelijk aan de overeenkomst, want geen observatie of bewegingstest wijst erop.");
            en.Append(Inv, $" Overall {Percent(m.Score)}: equal to the match, as no observation or movement test points to it.");
        }

        AppendSides(m, nl, en);
        if (m.PartOf is { } broader)
        {
            nl.Append(Inv, $" Maakt deel uit van {broader.Name.Nl}, dat hier voorgaat; de behandeldoelen volgen dat bredere patroon.");
            en.Append(Inv, $" Part of {broader.Name.En}, which comes first here; the treatment goals follow that broader pattern.");
        }

        if (m.Parts.Length > 0)
        {
            nl.Append(" Omvat ").Append(string.Join(", ", m.Parts.Select(p => p.Name.Nl))).Append(", hier als onderdeel getoond.");
            en.Append(" Takes in ").Append(string.Join(", ", m.Parts.Select(p => p.Name.En))).Append(", shown here as part of it.");
        }

        if (m.HasLayerImbalance)
        {
            nl.Append(" De kern: een diepe stabilisator doet te weinig en een oppervlakkige beweger in hetzelfde gebied neemt zijn werk over. Eerst de diepe spier weer aanzetten, pas daarna kracht opbouwen.");
            en.Append(" At its core: a deep stabiliser does too little and a superficial mover in the same area takes over its work. Switch the deep muscle back on first, build strength only after that.");
        }

        if (m.Supporting.Any(e => e.Kind == EvidenceKind.ComplaintRegion))
        {
            nl.Append(" Klachten waar dit patroon vaak pijn geeft maken het relevanter voor de behandeling, maar beslissen niet of het aanwezig is.");
            en.Append(" Complaints where this pattern often hurts make it more relevant for treatment, but do not decide whether it is present.");
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForAsymmetry(MuscleAsymmetry a) => new(
        $"{a.Muscle.Name.Nl}: links {RatingNl(a.Left)}, rechts {RatingNl(a.Right)}. De kanten verschillen; beoordeel en behandel ze apart.",
        $"{a.Muscle.Name.En}: {RatingEn(a.Left)} on the left, {RatingEn(a.Right)} on the right. The sides differ; assess and treat them separately.");

    internal static LocalizedText ForLayerImbalance(LayerImbalance l) => new(
        $"{l.Region.Name.Nl}{SideNl(l.Side)}: {string.Join(", ", l.DeepStabilisers.Select(m => m.Name.Nl))} (diep, stabiliserend) doet te weinig en {string.Join(", ", l.SuperficialMovers.Select(m => m.Name.Nl))} (oppervlakkig, bewegend) neemt het over. Dit is het kernpatroon van de praktijk: eerst de diepe spieren weer laten meedoen, dan kunnen de oppervlakkige ontspannen.",
        $"{l.Region.Name.En}{SideEn(l.Side)}: {string.Join(", ", l.DeepStabilisers.Select(m => m.Name.En))} (deep, stabilising) does too little and {string.Join(", ", l.SuperficialMovers.Select(m => m.Name.En))} (superficial, moving) takes over. This is the practice's core pattern: get the deep muscles working again first, then the superficial ones can let go.");

    internal static LocalizedText ForMuscleChange(MuscleChange c)
    {
        var name = new LocalizedText(c.Muscle.Name.Nl + SideNl(c.Side), c.Muscle.Name.En + SideEn(c.Side));
        if (c.Before is null)
        {
            return new($"{name.Nl}: nu {RatingNl(c.After!)}, vorige keer niet beoordeeld; niet te vergelijken.", $"{name.En}: now {RatingEn(c.After!)}, not rated last time; nothing to compare.");
        }

        if (c.After is null)
        {
            return new($"{name.Nl}: vorige keer {RatingNl(c.Before)}, nu niet beoordeeld; niet te vergelijken.", $"{name.En}: {RatingEn(c.Before)} last time, not rated now; nothing to compare.");
        }

        var change = new LocalizedText($"{name.Nl}: van {RatingNl(c.Before)} naar {RatingNl(c.After)}", $"{name.En}: from {RatingEn(c.Before)} to {RatingEn(c.After)}");
        var swung = c.Before.Tone != c.After.Tone && c.Before.Tone != MuscleTone.Normal && c.After.Tone != MuscleTone.Normal;
        return c.Trend switch
        {
            MuscleTrend.Better => new($"{change.Nl}: beter, dichter bij normaal.", $"{change.En}: better, closer to normal."),
            MuscleTrend.Same => new($"{change.Nl}: gelijk gebleven.", $"{change.En}: unchanged."),
            _ when swung => new($"{change.Nl}: doorgeslagen naar de andere kant, niet dichter bij normaal; dat telt als slechter.", $"{change.En}: swung to the other side without coming closer to normal; that counts as worse."),
            _ => new($"{change.Nl}: slechter, verder van normaal.", $"{change.En}: worse, further from normal."),
        };
    }

    internal static LocalizedText ForPatternChange(PatternChange c)
    {
        var name = c.Pattern.Name;
        return c.Trend switch
        {
            PatternTrend.New => new($"{name.Nl}: nieuw, nu wel vastgesteld en vorige keer niet.", $"{name.En}: new, found now and not last time."),
            PatternTrend.Resolved => new($"{name.Nl}: verdwenen, vorige keer vastgesteld en nu niet meer.", $"{name.En}: resolved, found last time and no longer now."),
            PatternTrend.Stronger => new(string.Create(Inv, $"{name.Nl}: sterker, totaalscore van {Percent(c.Before!.Score)} naar {Percent(c.After!.Score)}."), string.Create(Inv, $"{name.En}: stronger, overall score from {Percent(c.Before!.Score)} to {Percent(c.After!.Score)}.")),
            PatternTrend.Weaker => new(string.Create(Inv, $"{name.Nl}: zwakker, totaalscore van {Percent(c.Before!.Score)} naar {Percent(c.After!.Score)}."), string.Create(Inv, $"{name.En}: weaker, overall score from {Percent(c.Before!.Score)} to {Percent(c.After!.Score)}.")),
            _ => new(string.Create(Inv, $"{name.Nl}: nog aanwezig, ongeveer even sterk ({Percent(c.Before!.Score)} en {Percent(c.After!.Score)})."), string.Create(Inv, $"{name.En}: still present, about as strong ({Percent(c.Before!.Score)} and {Percent(c.After!.Score)}).")),
        };
    }

    internal static LocalizedText ForComparison(ReassessmentComparison c)
    {
        int Count(MuscleTrend trend) => c.Muscles.Count(m => m.Trend == trend);
        var unmatched = Count(MuscleTrend.NotRatedBefore) + Count(MuscleTrend.NotRatedNow);
        var nl = new StringBuilder(string.Create(Inv, $"Spieren: {Count(MuscleTrend.Better)} beter, {Count(MuscleTrend.Same)} gelijk, {Count(MuscleTrend.Worse)} slechter"));
        var en = new StringBuilder(string.Create(Inv, $"Muscles: {Count(MuscleTrend.Better)} better, {Count(MuscleTrend.Same)} unchanged, {Count(MuscleTrend.Worse)} worse"));
        if (unmatched > 0)
        {
            nl.Append(Inv, $"; {unmatched} maar één keer beoordeeld en dus niet vergeleken");
            en.Append(Inv, $"; {unmatched} rated only once and so not compared");
        }

        nl.Append('.');
        en.Append('.');
        if (c.Patterns.Length == 0)
        {
            nl.Append(" Geen patroon vastgesteld, toen noch nu.");
            en.Append(" No pattern found, then or now.");
        }

        foreach (var pattern in c.Patterns)
        {
            nl.Append(' ').Append(pattern.Explanation.Nl);
            en.Append(' ').Append(pattern.Explanation.En);
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    private static (string Nl, string En) Verdict(PatternMatch m)
    {
        var name = m.Pattern.Name;
        if (m.IsMatch)
        {
            return ($"{name.Nl} is waarschijnlijk aanwezig.", $"{name.En} is probably present.");
        }

        if (m.Coverage <= BalanceAnalyzer.MatchThreshold)
        {
            return (
                $"{name.Nl}: te weinig sleutelspieren beoordeeld om dit vast te stellen; beoordeel de ontbrekende spieren.",
                $"{name.En}: too few key muscles rated to decide; rate the missing muscles.");
        }

        if (m.Pattern.IsComposite)
        {
            return (
                $"{name.Nl} vraagt dat beide deelpatronen aanwezig zijn; dat is niet zo.",
                $"{name.En} requires both component patterns to be present; they are not.");
        }

        if (!m.HasUnderactiveSupport || !m.HasOveractiveSupport)
        {
            return (
                $"{name.Nl} is niet vastgesteld: een compensatie vraagt zowel spieren die te weinig doen als spieren die het overnemen, en één van beide kanten ontbreekt.",
                $"{name.En} is not established: a compensation needs both muscles that do too little and muscles that take over, and one side is missing.");
        }

        return ($"{name.Nl} past onvoldoende bij de bevindingen.", $"{name.En} does not fit the findings well enough.");
    }

    private static void AppendSides(PatternMatch m, StringBuilder nl, StringBuilder en)
    {
        if (m.FindingsOnOppositeSides)
        {
            nl.Append(Inv, $" De bevindingen liggen deels links en deels rechts. Samen vormen ze het patroon, maar dat bewijst minder dan dezelfde bevindingen aan één kant; de zekerheid is daarom begrensd op {Percent(BalanceAnalyzer.OppositeSidesConfidenceCap)}.");
            en.Append(Inv, $" The findings lie partly on the left and partly on the right. Together they form the pattern, but that proves less than the same findings on one side; confidence is therefore capped at {Percent(BalanceAnalyzer.OppositeSidesConfidenceCap)}.");
            return;
        }

        if (m is not { IsMatch: true, Left: { } left, Right: { } right })
        {
            return;
        }

        if (m.Side != Side.Both)
        {
            var other = m.Side == Side.Left ? right : left;
            nl.Append(Inv, $" Alleen {SideWordNl(m.Side)} vastgesteld; {SideWordNl(other.Side)} houdt het patroon op zichzelf geen stand (overeenkomst {Percent(other.Fit)}, dekking {Percent(other.Coverage)}).");
            en.Append(Inv, $" Found on the {SideWordEn(m.Side)} only; on the {SideWordEn(other.Side)} the pattern does not hold by itself (match {Percent(other.Fit)}, coverage {Percent(other.Coverage)}).");
            return;
        }

        nl.Append(" Links en rechts elk op zichzelf vastgesteld.");
        en.Append(" Found on the left and on the right, each on its own.");
        if (m.IsAsymmetric)
        {
            nl.Append(Inv, $" De kanten verschillen: overeenkomst links {Percent(left.Fit)}, rechts {Percent(right.Fit)}.");
            en.Append(Inv, $" The sides differ: match {Percent(left.Fit)} on the left, {Percent(right.Fit)} on the right.");
        }
    }

    private static string SideWordNl(Side side) => side == Side.Left ? "links" : "rechts";

    private static string SideWordEn(Side side) => side == Side.Left ? "left" : "right";

    private static string RatingNl(MuscleRating r) => r.Tone == MuscleTone.Normal ? "normaal" : $"{IntensityNl(r.Intensity)} {ToneNl(r.Tone)}";

    private static string RatingEn(MuscleRating r) => r.Tone == MuscleTone.Normal ? "normal" : $"{IntensityEn(r.Intensity)} {ToneEn(r.Tone)}";

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
        var broad = a.Matches.Where(m => m.PartOf is null).ToList();
        if (broad.Count == 0)
        {
            nl.Append("Geen compensatiepatroon vastgesteld.");
            en.Append("No compensation pattern established.");
        }
        else
        {
            nl.Append("Gevonden patronen: ");
            en.Append("Patterns found: ");
            for (var i = 0; i < broad.Count; i++)
            {
                var separator = i == 0 ? string.Empty : "; ";
                nl.Append(separator).Append(broad[i].Pattern.Name.Nl);
                en.Append(separator).Append(broad[i].Pattern.Name.En);
                if (broad[i].Parts.Length > 0)
                {
                    nl.Append(" (met als onderdeel: ").Append(string.Join(", ", broad[i].Parts.Select(p => p.Name.Nl))).Append(')');
                    en.Append(" (including: ").Append(string.Join(", ", broad[i].Parts.Select(p => p.Name.En))).Append(')');
                }
            }

            nl.Append('.');
            en.Append('.');
        }

        if (a.LayerImbalances.Length > 0)
        {
            nl.Append(" Diepe stabilisatoren doen te weinig en oppervlakkige bewegers nemen het over in: ")
                .Append(string.Join(", ", a.LayerImbalances.Select(l => l.Region.Name.Nl + SideNl(l.Side)))).Append('.');
            en.Append(" Deep stabilisers do too little and superficial movers take over in: ")
                .Append(string.Join(", ", a.LayerImbalances.Select(l => l.Region.Name.En + SideEn(l.Side)))).Append('.');
        }

        if (a.Asymmetries.Length > 0)
        {
            nl.Append(Inv, $" {a.Asymmetries.Length} spier(en) links en rechts verschillend beoordeeld.");
            en.Append(Inv, $" {a.Asymmetries.Length} muscle(s) rated differently on the left and the right.");
        }

        if (a.Chains.Length > 0)
        {
            nl.Append(" Meest belaste spierketen: ").Append(a.Chains[0].Chain.Name.Nl).Append('.');
            en.Append(" Most loaded muscle chain: ").Append(a.Chains[0].Chain.Name.En).Append('.');
        }

        nl.Append(Inv, $" Dekking {Percent(a.Confidence)} van de sleutelspieren van de betrokken patronen");
        en.Append(Inv, $" Coverage {Percent(a.Confidence)} of the key muscles of the patterns involved");
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
