using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Screening;

/// <summary>Sentences about unlocking a plan after a screening, in Dutch and English.</summary>
internal static class ScreeningTexts
{
    internal static LocalizedText ForUnlock(PlanUnlock unlock) => unlock switch
    {
        PlanUnlock.MedicalClearance => new(
            "Medische vrijgave nodig: een arts moet de patiënt eerst zien. Leg vast wie de patiënt zag, in welke rol, op welke datum en wat is uitgesloten. Een verwijzing of een reden alleen is niet genoeg.",
            "Medical clearance needed: a physician must see the patient first. Record who saw the patient, in which role, on which date and what was excluded. A referral or a reason alone is not enough."),
        PlanUnlock.ReasonedDecision => new(
            "Onderbouwd besluit nodig: leg de verwijzing naar de huisarts vast, of het besluit om door te gaan met de reden.",
            "Reasoned decision needed: record the referral to the GP, or the decision to proceed with the reason."),
        _ => new("Niets nodig: de screening is pluis.", "Nothing needed: the screening is pluis."),
    };

    internal static LocalizedText ForPlanStart(PlanUnlock required, bool canStart, MedicalClearance? clearance, IReadOnlyList<ValidationError> problems)
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        if (required == PlanUnlock.None)
        {
            nl.Append("De screening is pluis; het plan kan starten.");
            en.Append("The screening is pluis; the plan can start.");
        }
        else if (clearance is not null && canStart)
        {
            var date = clearance.Date.ToString("d-M-yyyy", CultureInfo.InvariantCulture);
            nl.Append(CultureInfo.InvariantCulture, $"Medische vrijgave door {clearance.ClearedBy} ({clearance.Role}) op {date}; uitgesloten: {clearance.Excluded}. Het plan kan starten.");
            en.Append(CultureInfo.InvariantCulture, $"Medical clearance by {clearance.ClearedBy} ({clearance.Role}) on {date}; excluded: {clearance.Excluded}. The plan can start.");
        }
        else if (canStart)
        {
            nl.Append("Niet-pluis op het niveau van een huisartsconsult; het vastgelegde besluit maakt de start mogelijk.");
            en.Append("Niet-pluis at the level of a GP consultation; the recorded decision allows the start.");
        }
        else
        {
            var unlock = ForUnlock(required);
            nl.Append("Het plan kan nog niet starten. ").Append(unlock.Nl);
            en.Append("The plan cannot start yet. ").Append(unlock.En);
        }

        foreach (var problem in problems)
        {
            nl.Append(' ').Append(problem.Text?.Nl);
            en.Append(' ').Append(problem.Text?.En);
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static LocalizedText ForComparison(IReadOnlyList<RedFlagItem> added, IReadOnlyList<RedFlagItem> resolved, bool needsNewUnlock, PlanUnlock unlock)
    {
        var nl = new StringBuilder();
        var en = new StringBuilder();
        if (added.Count == 0 && resolved.Count == 0)
        {
            nl.Append("Geen verandering in rode vlaggen sinds de vorige screening.");
            en.Append("No change in red flags since the previous screening.");
        }

        if (added.Count > 0)
        {
            nl.Append("Nieuw: ").Append(string.Join("; ", added.Select(f => f.Finding.Nl))).Append('.');
            en.Append("New: ").Append(string.Join("; ", added.Select(f => f.Finding.En))).Append('.');
        }

        if (resolved.Count > 0)
        {
            nl.Append(nl.Length > 0 ? " " : string.Empty).Append("Niet meer aanwezig: ").Append(string.Join("; ", resolved.Select(f => f.Finding.Nl))).Append('.');
            en.Append(en.Length > 0 ? " " : string.Empty).Append("No longer present: ").Append(string.Join("; ", resolved.Select(f => f.Finding.En))).Append('.');
        }

        if (needsNewUnlock)
        {
            var text = ForUnlock(unlock);
            nl.Append(" Het eerder vastgelegde besluit dekt dit niet. ").Append(text.Nl);
            en.Append(" The decision recorded earlier does not cover this. ").Append(text.En);
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }

    internal static ValidationError ClearedByMissing() => Problem(
        "clearance-cleared-by-missing",
        nameof(MedicalClearance.ClearedBy),
        "the physician who cleared the patient is not named",
        new("De vrijgave is geweigerd: vul in welke arts de patiënt heeft gezien.", "The clearance is refused: enter which physician saw the patient."));

    internal static ValidationError RoleMissing() => Problem(
        "clearance-role-missing",
        nameof(MedicalClearance.Role),
        "the role of the physician is not given",
        new("De vrijgave is geweigerd: vul de rol van de arts in (bijvoorbeeld huisarts of neuroloog).", "The clearance is refused: enter the physician's role (for example GP or neurologist)."));

    internal static ValidationError DateMissing() => Problem(
        "clearance-date-missing",
        nameof(MedicalClearance.Date),
        "the date of the clearance is not given",
        new("De vrijgave is geweigerd: vul de datum in waarop de arts de patiënt zag.", "The clearance is refused: enter the date on which the physician saw the patient."));

    internal static ValidationError DateInFuture(DateOnly date, DateOnly today) => Problem(
        "clearance-date-in-future",
        nameof(MedicalClearance.Date),
        $"the clearance date {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} lies after today ({today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})",
        new(
            "De vrijgave is geweigerd: de datum ligt in de toekomst. Een vrijgave kan pas worden vastgelegd nadat de arts de patiënt heeft gezien.",
            "The clearance is refused: the date lies in the future. A clearance can only be recorded after the physician has seen the patient."));

    internal static ValidationError ExcludedMissing() => Problem(
        "clearance-excluded-missing",
        nameof(MedicalClearance.Excluded),
        "what the physician excluded is not described",
        new("De vrijgave is geweigerd: beschrijf wat de arts heeft uitgesloten.", "The clearance is refused: describe what the physician excluded."));

    private static ValidationError Problem(string code, string path, string message, LocalizedText text) =>
        new(code, path, message) { Text = text };
}
