using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Examination;

/// <summary>Sentence templates for examination results, in Dutch and English.</summary>
internal static class ExaminationTexts
{
    internal static readonly LocalizedText BackAndLeg = new(
        "Klachten in de onderrug én in het been: mogelijk straalt een geprikkelde zenuwwortel uit. Onderzoek kracht, gevoel, reflexen en de zenuwrekproeven van beide benen.",
        "Complaints in the low back and in the leg: an irritated nerve root may be spreading the pain. Examine strength, sensation, reflexes and the nerve tension tests of both legs.");

    internal static readonly LocalizedText NeckAndArm = new(
        "Klachten in de nek én in de arm: mogelijk straalt een geprikkelde zenuwwortel uit. Onderzoek kracht, gevoel en reflexen van beide armen.",
        "Complaints in the neck and in the arm: an irritated nerve root may be spreading the pain. Examine strength, sensation and reflexes of both arms.");

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    internal static LocalizedText FlagReason(LocalizedText finding) => new(
        $"Screening: {finding.Nl} Leg kracht, gevoel en reflexen aan beide kanten vast.",
        $"Screening: {finding.En} Record strength, sensation and reflexes on both sides.");

    internal static LocalizedText ForNijmegen(NijmegenScore score) => score.SuggestsDysfunctionalBreathing
        ? new(
            string.Create(Inv, $"Nijmegen-vragenlijst {score.Total} van 64: vanaf {ExaminationScoring.NijmegenThreshold} wijst dit op een disfunctioneel ademhalingspatroon. Neem de ademhaling mee in de behandeling."),
            string.Create(Inv, $"Nijmegen Questionnaire {score.Total} of 64: from {ExaminationScoring.NijmegenThreshold} this points to a dysfunctional breathing pattern. Include breathing in the treatment."))
        : new(
            string.Create(Inv, $"Nijmegen-vragenlijst {score.Total} van 64: onder de grens van {ExaminationScoring.NijmegenThreshold}, geen aanwijzing voor een disfunctioneel ademhalingspatroon."),
            string.Create(Inv, $"Nijmegen Questionnaire {score.Total} of 64: below the cut-off of {ExaminationScoring.NijmegenThreshold}, no sign of a dysfunctional breathing pattern."));

    internal static LocalizedText ForBreathing(BreathingAssessment a, NijmegenScore? nijmegen, bool suggests)
    {
        var nl = new StringBuilder(a.Pattern switch
        {
            BreathingPattern.Chest => "Hoge borstademhaling.",
            BreathingPattern.Mixed => "Gemengde adembeweging, borst en buik.",
            _ => "Lage buikademhaling.",
        });
        var en = new StringBuilder(a.Pattern switch
        {
            BreathingPattern.Chest => "High chest breathing.",
            BreathingPattern.Mixed => "Mixed breathing movement, chest and belly.",
            _ => "Low abdominal breathing.",
        });
        if (a.RatePerMinute is { } rate)
        {
            nl.Append(Inv, $" {rate} ademhalingen per minuut in rust.");
            en.Append(Inv, $" {rate} breaths per minute at rest.");
        }

        if (a.BreathHoldSeconds is { } hold)
        {
            nl.Append(Inv, $" Adem {hold} seconden vastgehouden.");
            en.Append(Inv, $" Breath held for {hold} seconds.");
        }

        if (nijmegen is not null)
        {
            nl.Append(' ').Append(nijmegen.Explanation.Nl);
            en.Append(' ').Append(nijmegen.Explanation.En);
        }

        nl.Append(suggests ? " Samen: aanwijzing voor een disfunctioneel ademhalingspatroon." : " Samen: geen aanwijzing voor een disfunctioneel ademhalingspatroon.");
        en.Append(suggests ? " Together: signs of a dysfunctional breathing pattern." : " Together: no signs of a dysfunctional breathing pattern.");
        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForPosture(PostureFindings p)
    {
        var nl = new List<string>();
        var en = new List<string>();
        if (p.LateralShift is { } shift)
        {
            nl.Add($"romp zijwaarts verschoven naar {SideNl(shift)} ten opzichte van het bekken");
            en.Add($"trunk shifted to the {SideEn(shift)} of the pelvis");
        }

        if (p.HighPelvisSide is { } high)
        {
            nl.Add($"bekken staat {SideNl(high)} hoger");
            en.Add($"pelvis higher on the {SideEn(high)}");
        }

        switch (p.Sagittal)
        {
            case SagittalPosture.SwayBack:
                nl.Add("sway-back: bekken naar voren geschoven, bovenlichaam leunt achterover");
                en.Add("sway-back: pelvis pushed forward, upper body leaning back");
                break;
            case SagittalPosture.FlatBack:
                nl.Add("platte onderrug met een achterover gekanteld bekken");
                en.Add("flat low back with a backward-tilted pelvis");
                break;
        }

        return nl.Count == 0
            ? new LocalizedText("Romp en bekken: geen afwijkende stand.", "Trunk and pelvis: no deviating position.")
            : new LocalizedText("Romp en bekken: " + string.Join("; ", nl) + ".", "Trunk and pelvis: " + string.Join("; ", en) + ".");
    }

    internal static LocalizedText ForNeurological(NeurologicalExamination e)
    {
        var left = Describe(e.Left);
        var right = Describe(e.Right);
        if (!e.HasAbnormalFindings)
        {
            return new LocalizedText(
                "Geen neurologische afwijkingen gevonden." + Untested(left.UntestedNl, right.UntestedNl, "Niet getest", "links", "rechts"),
                "No neurological abnormality found." + Untested(left.UntestedEn, right.UntestedEn, "Not tested", "left", "right"));
        }

        return new LocalizedText(
            $"Links: {Or(left.AbnormalNl, "geen afwijkingen")}. Rechts: {Or(right.AbnormalNl, "geen afwijkingen")}." + Untested(left.UntestedNl, right.UntestedNl, "Niet getest", "links", "rechts"),
            $"Left: {Or(left.AbnormalEn, "no abnormality")}. Right: {Or(right.AbnormalEn, "no abnormality")}." + Untested(left.UntestedEn, right.UntestedEn, "Not tested", "left", "right"));
    }

    private static string SideNl(Side side) => side == Side.Left ? "links" : "rechts";

    private static string SideEn(Side side) => side == Side.Left ? "left" : "right";

    private static string Or(List<string> items, string none) => items.Count == 0 ? none : string.Join(", ", items);

    private static string Untested(List<string> left, List<string> right, string label, string leftWord, string rightWord)
    {
        var parts = new List<string>();
        if (left.Count > 0)
        {
            parts.Add($"{leftWord} {string.Join(", ", left)}");
        }

        if (right.Count > 0)
        {
            parts.Add($"{rightWord} {string.Join(", ", right)}");
        }

        return parts.Count == 0 ? string.Empty : $" {label}: {string.Join("; ", parts)}.";
    }

    private static (List<string> AbnormalNl, List<string> AbnormalEn, List<string> UntestedNl, List<string> UntestedEn) Describe(NeuroSideFindings s)
    {
        var result = (AbnormalNl: new List<string>(), AbnormalEn: new List<string>(), UntestedNl: new List<string>(), UntestedEn: new List<string>());
        void Test(NeuroFinding finding, string nameNl, string nameEn, string abnormalNl, string abnormalEn)
        {
            if (finding == NeuroFinding.Abnormal)
            {
                result.AbnormalNl.Add($"{nameNl} {abnormalNl}");
                result.AbnormalEn.Add($"{nameEn} {abnormalEn}");
            }
            else if (finding == NeuroFinding.NotTested)
            {
                result.UntestedNl.Add(nameNl);
                result.UntestedEn.Add(nameEn);
            }
        }

        Test(s.Strength, "kracht", "strength", "verminderd", "reduced");
        Test(s.Sensation, "gevoel", "sensation", "verminderd", "reduced");
        switch (s.Reflexes)
        {
            case ReflexFinding.Reduced:
                result.AbnormalNl.Add("reflexen verlaagd");
                result.AbnormalEn.Add("reflexes reduced");
                break;
            case ReflexFinding.Increased:
                result.AbnormalNl.Add("reflexen verhoogd");
                result.AbnormalEn.Add("reflexes increased");
                break;
            case ReflexFinding.NotTested:
                result.UntestedNl.Add("reflexen");
                result.UntestedEn.Add("reflexes");
                break;
        }

        Test(s.StraightLegRaise, "SLR (gestrekt been heffen)", "straight-leg raise", "positief", "positive");
        Test(s.Slump, "slumptest", "slump test", "positief", "positive");
        return result;
    }
}
