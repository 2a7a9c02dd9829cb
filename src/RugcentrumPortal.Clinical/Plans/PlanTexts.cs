using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Plans;

/// <summary>Sentence templates for plan suggestions, in Dutch and English.</summary>
internal static class PlanTexts
{
    internal static LocalizedText ForItem(PlanItem item)
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        switch (item.Role)
        {
            case PlanItemRole.Activation or PlanItemRole.Release:
                if (item.ActivatesMuscleIds.Length > 0)
                {
                    nl.Append("Zet onderactieve spieren aan: ");
                    en.Append("Switches on underactive muscles: ");
                    AppendMuscles(item.Catalog, item.ActivatesMuscleIds, nl, en);
                }

                if (item.ReleasesMuscleIds.Length > 0)
                {
                    nl.Append(nl.Length > 0 ? " " : string.Empty).Append("Laat overactieve spieren ontspannen: ");
                    en.Append(en.Length > 0 ? " " : string.Empty).Append("Lets overactive muscles relax: ");
                    AppendMuscles(item.Catalog, item.ReleasesMuscleIds, nl, en);
                }

                break;
            case PlanItemRole.Foundation:
                nl.Append("Basisoefening voor de eerste fase (mobiliteit en activatie), aangevuld omdat de bevindingen weinig gerichte keuzes gaven.");
                en.Append("Basic first-phase exercise (mobility and activation), added because the findings gave few targeted choices.");
                break;
            default:
                var reason = SelfCareReasonText(item.SelfCareReason);
                nl.Append(reason.Nl);
                en.Append(reason.En);
                break;
        }

        foreach (var flag in item.Flags)
        {
            var condition = item.Catalog.PrecautionConditionsById[flag.ConditionId].Name;
            var action = ActionText(flag.Action);
            nl.Append(CultureInfo.InvariantCulture, $" Let op ({condition.Nl}, {action.Nl}): {flag.Note.Nl}");
            en.Append(CultureInfo.InvariantCulture, $" Caution ({condition.En}, {action.En}): {flag.Note.En}");
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForExclusion(Exercise exercise, ExercisePrecaution precaution, PrecautionCondition condition) => new(
        $"{exercise.Title.Nl} is weggelaten vanwege {condition.Name.Nl}: {precaution.Note.Nl}",
        $"{exercise.Title.En} was left out because of {condition.Name.En}: {precaution.Note.En}");

    internal static LocalizedText ForBlocked(ScreeningResult screening)
    {
        var urgency = RedFlagScreener.DescribeUrgency(screening.HighestUrgency);
        var flags = screening.FlagsFound.Where(f => f.Item.Urgency >= Urgency.UrgentGp).Select(f => f.Item.Finding)
            .Concat(screening.CombinationsFound.Where(c => c.Urgency >= Urgency.UrgentGp).Select(c => c.Explanation))
            .ToList();
        return new LocalizedText(
            $"Geen plan voorgesteld. {urgency.Nl}. Gevonden: {string.Join("; ", flags.Select(f => f.Nl))}. Een arts moet de patiënt eerst zien; leg daarna de medische vrijgave vast (wie, rol, datum, wat is uitgesloten).",
            $"No plan suggested. {urgency.En}. Found: {string.Join("; ", flags.Select(f => f.En))}. A physician must see the patient first; then record the medical clearance (who, role, date, what was excluded).");
    }

    internal static LocalizedText ForSizeLimit(int maxExercises) => new(
        $"Hoogstens {maxExercises} oefeningen en {PlanOptions.MaxSelfCareModules} zelfzorgmodules in de eerste fase: met een kort programma houdt u het oefenen beter vol.",
        $"At most {maxExercises} exercises and {PlanOptions.MaxSelfCareModules} self-care modules in the first phase: a short programme is easier to keep up.");

    internal static LocalizedText ForOlderAdultLimit() => new(
        $"Boven de {PlanOptions.OlderAdultAge} jaar hoogstens {PlanOptions.OlderAdultMaxExercises} oefeningen en {PlanOptions.OlderAdultMaxSelfCareModules} zelfzorgmodules in de eerste fase: een kort programma is beter vol te houden en makkelijker goed uit te voeren.",
        $"Over {PlanOptions.OlderAdultAge}, at most {PlanOptions.OlderAdultMaxExercises} exercises and {PlanOptions.OlderAdultMaxSelfCareModules} self-care modules in the first phase: a short programme is easier to keep up and to do well.");

    internal static LocalizedText ForPlan(PlanSuggestion plan)
    {
        if (plan.BlockedReason is { } blocked)
        {
            return blocked;
        }

        var inv = CultureInfo.InvariantCulture;
        var flagged = plan.Exercises.Count(i => i.IsFlagged) + plan.SelfCareModules.Count(i => i.IsFlagged);
        var nl = new StringBuilder();
        var en = new StringBuilder();
        nl.Append(inv, $"Eerste fase (mobiliteit en activatie): {plan.Exercises.Length} oefeningen en {plan.SelfCareModules.Length} zelfzorgmodule(s).");
        en.Append(inv, $"First phase (mobility and activation): {plan.Exercises.Length} exercises and {plan.SelfCareModules.Length} self-care module(s).");
        if (plan.SizeLimit is { } limit)
        {
            nl.Append(' ').Append(limit.Reason.Nl);
            en.Append(' ').Append(limit.Reason.En);
        }

        if (plan.DeferredSelfCareModules.Length > 0)
        {
            nl.Append(inv, $" {plan.DeferredSelfCareModules.Length} passende zelfzorgmodule(s) bewaard voor een volgende fase.");
            en.Append(inv, $" {plan.DeferredSelfCareModules.Length} fitting self-care module(s) kept for a later phase.");
        }

        if (plan.Excluded.Length > 0)
        {
            nl.Append(inv, $" {plan.Excluded.Length} oefening(en) weggelaten vanwege voorzorgen bij deze patiënt.");
            en.Append(inv, $" {plan.Excluded.Length} exercise(s) left out because of this patient's precautions.");
        }

        if (flagged > 0)
        {
            nl.Append(inv, $" {flagged} onderdeel/onderdelen gemarkeerd: eerst aanpassen of overleggen.");
            en.Append(inv, $" {flagged} item(s) flagged: adapt or check first.");
        }

        if (plan.RequiredUnlock == PlanUnlock.MedicalClearance)
        {
            nl.Append(" De screening vond een urgente rode vlag; het plan is voorgesteld op grond van de vastgelegde medische vrijgave.");
            en.Append(" The screening found an urgent red flag; the plan is suggested on the strength of the recorded medical clearance.");
        }
        else if (plan.RequiresTherapistDecision)
        {
            nl.Append(" De screening is niet-pluis: het plan start pas na een vastgelegde verwijzing of een onderbouwd besluit om door te gaan.");
            en.Append(" The screening is niet-pluis: the plan starts only after a recorded referral or a justified decision to proceed.");
        }

        nl.Append(" Techniek gaat voor belasting: pas verzwaren als de beweging zuiver is.");
        en.Append(" Technique before load: progress only when the movement is clean.");
        return new LocalizedText(nl.ToString(), en.ToString());
    }

    private static void AppendMuscles(Catalog.ClinicalCatalog catalog, ImmutableArray<string> ids, StringBuilder nl, StringBuilder en)
    {
        for (var i = 0; i < ids.Length; i++)
        {
            var name = catalog.MusclesById[ids[i]].Name;
            var separator = i == 0 ? string.Empty : ", ";
            nl.Append(separator).Append(name.Nl);
            en.Append(separator).Append(name.En);
        }

        nl.Append('.');
        en.Append('.');
    }

    private static LocalizedText ActionText(PrecautionAction action) => action switch
    {
        PrecautionAction.ConsultFirst => new("eerst overleggen", "check first"),
        PrecautionAction.Avoid => new("vermijden", "avoid"),
        _ => new("aanpassen", "adapt"),
    };

    private static LocalizedText SelfCareReasonText(SelfCareReason? reason) => reason switch
    {
        SelfCareReason.StressRegulation => new(
            "Stressregulatie: gele vlaggen of stresssignalen houden de spieren 'aan'; deze module helpt het lichaam te leren afschakelen.",
            "Stress regulation: yellow flags or stress signals keep the muscles switched on; this module helps the body learn to switch off."),
        SelfCareReason.Sleep => new(
            "Slaap: slecht of onrustig slapen remt het herstel; deze module helpt 's avonds tot rust te komen.",
            "Sleep: poor or restless sleep slows recovery; this module helps to settle down in the evening."),
        SelfCareReason.ChestBreathing => new(
            "Hoge borstademhaling waargenomen: een lange uitademing ontlast de halsspieren en kalmeert.",
            "High chest breathing observed: a long out-breath relieves the neck muscles and calms."),
        SelfCareReason.NeckShoulderLoad => new(
            "Nek, schouders of bovenrug zijn betrokken: werkhouding en regelmatige pauzes voorkomen dat de spanning zich opbouwt.",
            "Neck, shoulders or upper back are involved: working posture and regular pauses keep tension from building up."),
        SelfCareReason.LowBackLoad => new(
            "Onderrug of bekken zijn betrokken: lang zitten onderbreken ontlast de rugstrekkers.",
            "Low back or pelvis are involved: breaking up long sitting relieves the back extensors."),
        _ => new(
            "Dagelijks rustig bewegen houdt spieren en bindweefsel soepel en hoort bij elk plan.",
            "Easy daily movement keeps muscles and connective tissue supple and belongs in every plan."),
    };
}
