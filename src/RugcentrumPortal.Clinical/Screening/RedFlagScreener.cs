using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Screening;

/// <summary>
/// Direct-access (DTF) screening: red flags give pluis or niet-pluis with advice; yellow flags and stress signals
/// lead to the stress-regulation modules. Thread-safe; create once and reuse.
/// </summary>
public sealed class RedFlagScreener
{
    /// <summary>Oldest plausible age accepted as input.</summary>
    public const int MaximumAge = 120;

    /// <summary>
    /// Stress signals needed, without a yellow flag, to recommend the stress modules; a single bodily sign is too
    /// weak on its own.
    /// </summary>
    public const int StressSignalsForModules = 2;

    private readonly ClinicalCatalog catalog;

    /// <summary>Creates a screener over <see cref="ClinicalCatalog.Default"/>.</summary>
    public RedFlagScreener()
        : this(ClinicalCatalog.Default)
    {
    }

    /// <summary>Creates a screener over the given catalog.</summary>
    public RedFlagScreener(ClinicalCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
    }

    /// <summary>
    /// Whether a treatment plan may start without a medical clearance: always after a pluis conclusion; at the
    /// GP-consultation tier once the therapist has recorded a referral or a decision to proceed with a non-blank
    /// reason; never at the urgent-GP or emergency tier, which only a clearance unlocks (see the overload).
    /// </summary>
    public static bool CanStartPlan(ScreeningResult result, TherapistDecision? decision)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RequiredUnlock(result) switch
        {
            PlanUnlock.None => true,
            PlanUnlock.ReasonedDecision => HasReasonedDecision(decision),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a treatment plan may start, counting a documented medical clearance; see <see cref="CheckPlanStart"/>.
    /// </summary>
    public static bool CanStartPlan(ScreeningResult result, TherapistDecision? decision, MedicalClearance? clearance, DateOnly today) =>
        CheckPlanStart(result, decision, clearance, today).CanStart;

    /// <summary>What this screening needs before a plan may start.</summary>
    public static PlanUnlock RequiredUnlock(ScreeningResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RequiredUnlock(result.HighestUrgency);
    }

    /// <summary>
    /// What a finding of this urgency needs before a plan may start: nothing up to "note", a reasoned decision at
    /// "GP consultation", a medical clearance at "urgent GP" and "emergency".
    /// </summary>
    /// <exception cref="ClinicalInputException">The value is not a defined urgency.</exception>
    public static PlanUnlock RequiredUnlock(Urgency urgency) => urgency switch
    {
        Urgency.Emergency or Urgency.UrgentGp => PlanUnlock.MedicalClearance,
        Urgency.GpConsultation => PlanUnlock.ReasonedDecision,
        Urgency.Note or Urgency.None => PlanUnlock.None,
        _ => throw new ClinicalInputException(nameof(urgency), "unknown-urgency", nameof(urgency), $"urgency {(int)urgency} is not a defined level"),
    };

    /// <summary>
    /// Decides whether a plan may start. A reasoned decision (referral recorded, or proceed with a reason) unlocks
    /// only the GP-consultation tier. The urgent-GP and emergency tiers need a complete <paramref name="clearance"/>
    /// dated no later than <paramref name="today"/>; a clearance also unlocks the lower tier. An incomplete clearance
    /// unlocks nothing and its problems are listed.
    /// </summary>
    public static PlanStartCheck CheckPlanStart(ScreeningResult result, TherapistDecision? decision, MedicalClearance? clearance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(result);
        var required = RequiredUnlock(result);
        var problems = clearance is null ? [] : ValidateClearance(clearance, today).Errors;
        var cleared = clearance is not null && problems.Count == 0;
        var canStart = required switch
        {
            PlanUnlock.None => true,
            PlanUnlock.ReasonedDecision => cleared || HasReasonedDecision(decision),
            _ => cleared,
        };
        return new PlanStartCheck
        {
            CanStart = canStart,
            Required = required,
            ClearanceProblems = problems,
            Explanation = ScreeningTexts.ForPlanStart(required, canStart, cleared ? clearance : null, problems),
        };
    }

    /// <summary>
    /// Checks a medical clearance without throwing: who cleared, their role and what was excluded must be filled in,
    /// and the date must be given and not lie after <paramref name="today"/>. Every problem carries a Dutch and
    /// English message.
    /// </summary>
    public static ValidationResult ValidateClearance(MedicalClearance clearance, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(clearance);
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(clearance.ClearedBy))
        {
            errors.Add(ScreeningTexts.ClearedByMissing());
        }

        if (string.IsNullOrWhiteSpace(clearance.Role))
        {
            errors.Add(ScreeningTexts.RoleMissing());
        }

        if (clearance.Date == DateOnly.MinValue)
        {
            errors.Add(ScreeningTexts.DateMissing());
        }
        else if (clearance.Date > today)
        {
            errors.Add(ScreeningTexts.DateInFuture(clearance.Date, today));
        }

        if (string.IsNullOrWhiteSpace(clearance.Excluded))
        {
            errors.Add(ScreeningTexts.ExcludedMissing());
        }

        return errors.Count == 0 ? ValidationResult.Valid : new ValidationResult(errors);
    }

    /// <summary>Display text for what unlocks a plan, for the screen where the therapist records it.</summary>
    public static LocalizedText DescribeUnlock(PlanUnlock unlock) => ScreeningTexts.ForUnlock(unlock);

    /// <summary>Display text for an urgency level.</summary>
    public static LocalizedText DescribeUrgency(Urgency urgency) => urgency switch
    {
        Urgency.Emergency => new("Spoed: vandaag nog via de huisarts, buiten kantoortijd de huisartsenpost; bij acuut gevaar 112", "Emergency: today, via the GP or out of hours the GP post (huisartsenpost); 112 in acute danger"),
        Urgency.UrgentGp => new("Urgent: binnen enkele dagen naar de huisarts", "Urgent: see the GP within a few days"),
        Urgency.GpConsultation => new("Huisartsconsult adviseren", "Advise a GP consultation"),
        Urgency.Note => new("Alleen vastleggen", "Record only"),
        _ => new("Geen", "None"),
    };

    /// <summary>Display text for a conclusion.</summary>
    public static LocalizedText DescribeConclusion(ScreeningConclusion conclusion) => conclusion == ScreeningConclusion.Pluis
        ? new("Pluis: geen alarmsignalen", "Pluis: no warning signs")
        : new("Niet-pluis: mogelijk ernstige oorzaak, huisartscontact adviseren", "Niet-pluis: possible serious cause, advise GP contact");

    /// <summary>Checks the input without throwing: age range, every asked item answered, no unknown ids.</summary>
    public ValidationResult Validate(ScreeningInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<ValidationError>();
        if (input.Age is < 0 or > MaximumAge)
        {
            errors.Add(new("age-out-of-range", nameof(input.Age), $"age {input.Age} must be between 0 and {MaximumAge}"));
        }

        if (input.AgeAtOnset is { } onset && (onset < 0 || onset > input.Age))
        {
            errors.Add(new("age-at-onset-out-of-range", nameof(input.AgeAtOnset), $"age at onset {onset} must be between 0 and the current age {input.Age}"));
        }

        var answers = input.RedFlagAnswers ?? new Dictionary<string, bool>();
        foreach (var key in answers.Keys)
        {
            if (!catalog.RedFlagsById.TryGetValue(key, out var item))
            {
                errors.Add(new("unknown-red-flag", $"RedFlagAnswers[{key}]", $"unknown red-flag item '{key}'"));
            }
            else if (!item.IsAsked)
            {
                errors.Add(new("age-derived-item", $"RedFlagAnswers[{key}]", $"'{key}' is computed from age and must not be answered"));
            }
        }

        foreach (var item in catalog.RedFlags)
        {
            if (item.IsAsked && !answers.ContainsKey(item.Id))
            {
                errors.Add(new("unanswered-item", $"RedFlagAnswers[{item.Id}]", $"red-flag item '{item.Id}' is not answered; every item needs a yes or no"));
            }
        }

        CheckIds(input.YellowFlagIds, catalog.YellowFlagsById.ContainsKey, "unknown-yellow-flag", nameof(input.YellowFlagIds), errors);
        CheckIds(input.StressSignalIds, catalog.StressSignalsById.ContainsKey, "unknown-stress-signal", nameof(input.StressSignalIds), errors);
        CheckIds(input.PrecautionConditionIds, catalog.PrecautionConditionsById.ContainsKey, "unknown-precaution-condition", nameof(input.PrecautionConditionIds), errors);
        return errors.Count == 0 ? ValidationResult.Valid : new ValidationResult(errors);
    }

    /// <summary>Screens the answers.</summary>
    /// <exception cref="ClinicalInputException">The input is invalid; see <see cref="Validate"/>.</exception>
    public ScreeningResult Screen(ScreeningInput input)
    {
        Validate(input).ThrowIfInvalid(nameof(input));

        var onsetAge = input.AgeAtOnset ?? input.Age;
        var found = new List<RedFlagFinding>();
        foreach (var item in catalog.RedFlags)
        {
            var present = item.AgeRule switch
            {
                AgeRule.OnsetUnder20 => onsetAge < 20,
                AgeRule.OnsetOver55 => onsetAge > 55,
                AgeRule.AgeOver70 => input.Age > 70,
                _ => input.RedFlagAnswers[item.Id],
            };
            if (present)
            {
                found.Add(new RedFlagFinding(item, DerivedFromAge: !item.IsAsked));
            }
        }

        var foundIds = found.Select(f => f.Item.Id).ToHashSet(StringComparer.Ordinal);
        var combinations = catalog.RedFlagCombinations.Where(c => c.ItemIds.Count(foundIds.Contains) >= c.MinimumPresent).ToImmutableArray();
        var highest = found.Select(f => f.Item.Urgency).Concat(combinations.Select(c => c.Urgency)).DefaultIfEmpty(Urgency.None).Max();
        var conclusion = highest >= Urgency.GpConsultation ? ScreeningConclusion.NietPluis : ScreeningConclusion.Pluis;

        var yellow = catalog.YellowFlags.Where(y => input.YellowFlagIds.Contains(y.Id)).ToImmutableArray();
        var reported = catalog.StressSignals.Where(s => input.StressSignalIds.Contains(s.Id)).ToList();
        var stress = reported.Where(s => !s.LinkedRedFlagIds.Any(foundIds.Contains)).ToImmutableArray();
        var explainedByRedFlag = reported.Except(stress).ToImmutableArray();
        var stressModules = yellow.Length > 0 || stress.Length >= StressSignalsForModules;

        var precautions = new HashSet<string>(input.PrecautionConditionIds, StringComparer.Ordinal);
        precautions.UnionWith(found.SelectMany(f => f.Item.ImpliesPrecautionIds));
        precautions.UnionWith(yellow.SelectMany(y => y.ImpliesPrecautionIds));

        var flags = found.OrderByDescending(f => f.Item.Urgency).ToImmutableArray();
        return new ScreeningResult
        {
            Age = input.Age,
            Conclusion = conclusion,
            FlagsFound = flags,
            CombinationsFound = combinations,
            HighestUrgency = highest,
            Advice = catalog.AdviceByUrgency[highest],
            YellowFlagsFound = yellow,
            StressSignalsFound = stress,
            StressModulesRecommended = stressModules,
            RecommendedModuleIds = stressModules ? catalog.StressModuleIds : [],
            PrecautionConditionIds = [.. catalog.PrecautionConditions.Select(c => c.Id).Where(precautions.Contains)],
            Explanation = Explain(conclusion, highest, flags, combinations, yellow.Length, stress.Length, stressModules, explainedByRedFlag),
        };
    }

    /// <summary>
    /// The asked red-flag items missing from stored answers, e.g. questions added to the catalog after an earlier
    /// screening; a re-screening asks these before <see cref="Screen"/> accepts the answers.
    /// </summary>
    public ImmutableArray<RedFlagItem> UnansweredItems(IReadOnlyDictionary<string, bool>? answers) =>
        [.. catalog.RedFlags.Where(item => item.IsAsked && (answers is null || !answers.ContainsKey(item.Id)))];

    /// <summary>
    /// Compares a re-screening with an earlier screening of the same patient. A new flag or combination that needs
    /// a decision or clearance, or a higher unlock than before, means the earlier record no longer covers the case.
    /// </summary>
    public static ScreeningComparison Compare(ScreeningResult earlier, ScreeningResult later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        var before = earlier.FlagsFound.Select(f => f.Item).ToList();
        var now = later.FlagsFound.Select(f => f.Item).ToList();
        var newFlags = now.Where(f => !before.Contains(f)).ToImmutableArray();
        var resolved = before.Where(f => !now.Contains(f)).ToImmutableArray();
        var newCombinations = later.CombinationsFound.Where(c => !earlier.CombinationsFound.Contains(c)).ToImmutableArray();
        var laterUnlock = RequiredUnlock(later);
        var needsNewUnlock = laterUnlock != PlanUnlock.None
            && (laterUnlock > RequiredUnlock(earlier)
                || newFlags.Any(f => RequiredUnlock(f.Urgency) != PlanUnlock.None)
                || newCombinations.Any(c => RequiredUnlock(c.Urgency) != PlanUnlock.None));
        return new ScreeningComparison
        {
            NewFlags = newFlags,
            ResolvedFlags = resolved,
            PersistingFlags = [.. now.Where(before.Contains)],
            NewCombinations = newCombinations,
            EarlierUrgency = earlier.HighestUrgency,
            LaterUrgency = later.HighestUrgency,
            NeedsNewUnlock = needsNewUnlock,
            Explanation = ScreeningTexts.ForComparison(newFlags, resolved, needsNewUnlock, laterUnlock),
        };
    }

    private static bool HasReasonedDecision(TherapistDecision? decision) => decision switch
    {
        { Kind: TherapistDecisionKind.ReferralRecorded } => true,
        { Kind: TherapistDecisionKind.ProceedWithReason, Reason: var reason } => !string.IsNullOrWhiteSpace(reason),
        _ => false,
    };

    private static void CheckIds(IReadOnlyCollection<string>? ids, Func<string, bool> known, string code, string path, List<ValidationError> errors)
    {
        foreach (var id in ids ?? [])
        {
            if (id is null || !known(id))
            {
                errors.Add(new(code, path, $"unknown id '{id}' in {path}"));
            }
        }
    }

    private static LocalizedText Explain(
        ScreeningConclusion conclusion,
        Urgency highest,
        ImmutableArray<RedFlagFinding> flags,
        ImmutableArray<RedFlagCombination> combinations,
        int yellowCount,
        int stressCount,
        bool stressModules,
        ImmutableArray<StressSignal> explainedByRedFlag)
    {
        var inv = CultureInfo.InvariantCulture;
        var nl = new StringBuilder();
        var en = new StringBuilder();
        var conclusionText = DescribeConclusion(conclusion);
        nl.Append(conclusionText.Nl).Append('.');
        en.Append(conclusionText.En).Append('.');
        if (flags.Length == 0)
        {
            nl.Append(" Geen rode vlaggen gevonden.");
            en.Append(" No red flags found.");
        }
        else
        {
            var urgency = DescribeUrgency(highest);
            nl.Append(inv, $" Rode vlag(gen): {string.Join("; ", flags.Select(f => f.Item.Finding.Nl))}. Hoogste urgentie: {urgency.Nl}.");
            en.Append(inv, $" Red flag(s): {string.Join("; ", flags.Select(f => f.Item.Finding.En))}. Highest urgency: {urgency.En}.");
            if (conclusion == ScreeningConclusion.Pluis)
            {
                nl.Append(" Eén zwak signaal alleen is geen reden voor verwijzing.");
                en.Append(" A single weak sign alone is no reason to refer.");
            }
        }

        foreach (var combination in combinations)
        {
            nl.Append(' ').Append(combination.Explanation.Nl);
            en.Append(' ').Append(combination.Explanation.En);
        }

        foreach (var signal in explainedByRedFlag)
        {
            nl.Append(inv, $" '{signal.Finding.Nl}' telt niet als stresssignaal, omdat een rode vlag dezelfde klacht kan verklaren.");
            en.Append(inv, $" '{signal.Finding.En}' is not counted as a stress signal, because a red flag may explain the same complaint.");
        }

        if (stressModules)
        {
            nl.Append(inv, $" {yellowCount} gele vlag(gen) en {stressCount} stresssignaal/-signalen: de modules voor stressregulatie worden aanbevolen.");
            en.Append(inv, $" {yellowCount} yellow flag(s) and {stressCount} stress signal(s): the stress-regulation modules are recommended.");
        }

        return new LocalizedText(nl.ToString(), en.ToString());
    }
}
