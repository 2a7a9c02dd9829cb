using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Clinical.Plans;

/// <summary>
/// Suggests a first-phase plan: activation for underactive muscles, release and relaxation for overactive ones,
/// plus self-care modules. Exercises this patient must avoid are left out with the reason; those needing
/// adaptation are kept and flagged. Deterministic and thread-safe.
/// </summary>
public sealed class PlanSuggester
{
    // Each time an exercise covers a muscle, that muscle's remaining need shrinks, so the plan spreads over the findings.
    private const double CoveredNeedFactor = 0.35;

    // A muscle that supports a found pattern weighs one intensity step more than an isolated finding.
    private const double PatternBonus = 1.0;

    private static readonly string[] FoundationIds =
    [
        "abdominal-breathing", "pelvic-tilt", "thoracic-rotation", "transversus-activation-breathing",
        "chin-tuck", "cat-camel", "bridge", "scapular-setting",
    ];

    private readonly ClinicalCatalog catalog;
    private readonly int[] foundationIndexes;
    private readonly int chestBreathingIndex;

    /// <summary>Creates a suggester over <see cref="ClinicalCatalog.Default"/>.</summary>
    public PlanSuggester()
        : this(ClinicalCatalog.Default)
    {
    }

    /// <summary>Creates a suggester over the given catalog.</summary>
    public PlanSuggester(ClinicalCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
        foundationIndexes = [.. FoundationIds.Where(catalog.ExercisesById.ContainsKey).Select(id => catalog.ExercisesById[id].Index)];
        chestBreathingIndex = catalog.ObservationIndexById.TryGetValue("chest-breathing", out var index) ? index : -1;
    }

    /// <summary>
    /// Suggests a first-phase plan. An urgent-GP or emergency screening needs a medical clearance, which this
    /// overload cannot receive, so the suggestion comes back blocked; use the overload with a clearance.
    /// </summary>
    /// <exception cref="ClinicalInputException">The options ask for fewer than 3 or more than 6 exercises.</exception>
    public PlanSuggestion Suggest(BalanceAnalysis analysis, ScreeningResult screening, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(screening);
        return Suggest(analysis, screening, cleared: false, options);
    }

    /// <summary>
    /// Suggests a first-phase plan, counting a documented medical clearance. Without a clearance an urgent-GP or
    /// emergency screening gives a blocked suggestion: no exercises, with the reason. A GP-consultation screening
    /// gives a full suggestion marked <see cref="PlanSuggestion.RequiresTherapistDecision"/>, because the therapist
    /// can unlock it with a reasoned decision.
    /// </summary>
    /// <exception cref="ClinicalInputException">
    /// The clearance is incomplete or dated after <paramref name="today"/>, or the options are out of range.
    /// </exception>
    public PlanSuggestion Suggest(BalanceAnalysis analysis, ScreeningResult screening, MedicalClearance? clearance, DateOnly today, PlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(screening);
        if (clearance is not null)
        {
            RedFlagScreener.ValidateClearance(clearance, today).ThrowIfInvalid(nameof(clearance));
        }

        return Suggest(analysis, screening, cleared: clearance is not null, options);
    }

    private PlanSuggestion Suggest(BalanceAnalysis analysis, ScreeningResult screening, bool cleared, PlanOptions? options)
    {
        var max = (options ?? new PlanOptions()).MaxExercises;
        if (max is < PlanOptions.MinExercises or > PlanOptions.MaxExercisesLimit)
        {
            throw new ClinicalInputException(nameof(options), "max-exercises-out-of-range", "MaxExercises", $"MaxExercises {max} must be between {PlanOptions.MinExercises} and {PlanOptions.MaxExercisesLimit}");
        }

        var unlock = RedFlagScreener.RequiredUnlock(screening);
        if (unlock == PlanUnlock.MedicalClearance && !cleared)
        {
            return new PlanSuggestion
            {
                Exercises = [],
                SelfCareModules = [],
                DeferredSelfCareModules = [],
                Excluded = [],
                RequiresTherapistDecision = true,
                RequiredUnlock = unlock,
                BlockedReason = PlanTexts.ForBlocked(screening),
            };
        }

        var muscleCount = catalog.Muscles.Length;
        var under = new double[muscleCount];
        var over = new double[muscleCount];
        foreach (var rating in analysis.Assessment.Ratings)
        {
            var m = catalog.MusclesById[rating.MuscleId].Index;
            if (rating.Tone == MuscleTone.Underactive)
            {
                under[m] = Math.Max(under[m], rating.Intensity);
            }
            else if (rating.Tone == MuscleTone.Overactive)
            {
                over[m] = Math.Max(over[m], rating.Intensity);
            }
        }

        var boosted = new bool[muscleCount];
        foreach (var match in analysis.Matches)
        {
            foreach (var evidence in match.Supporting)
            {
                if (evidence.Kind == EvidenceKind.Rating)
                {
                    var m = catalog.MusclesById[evidence.Id].Index;
                    if (!boosted[m])
                    {
                        boosted[m] = true;
                        under[m] += under[m] > 0 ? PatternBonus : 0;
                        over[m] += over[m] > 0 ? PatternBonus : 0;
                    }
                }
            }
        }

        var limit = SizeLimit(screening.Age, max);
        var conditions = screening.PrecautionConditionIds;
        var exercises = catalog.Exercises;
        var used = new bool[exercises.Length];
        var picked = new List<PlanItem>(limit.MaxExercises);
        var excluded = new List<ExcludedExercise>();
        while (picked.Count < limit.MaxExercises)
        {
            var best = -1;
            var bestScore = 0.0;
            for (var e = 0; e < exercises.Length; e++)
            {
                var exercise = exercises[e];
                if (used[e] || exercise.IsSelfCareModule || !IsFirstPhase(exercise.Phase))
                {
                    continue;
                }

                var score = Need(exercise.TargetIndexes, under) + Need(exercise.ReleasedIndexes, over);
                if (score > bestScore + 1e-9)
                {
                    best = e;
                    bestScore = score;
                }
            }

            if (best < 0)
            {
                break;
            }

            used[best] = true;
            var chosen = exercises[best];
            if (Avoided(chosen, conditions) is { } avoid)
            {
                excluded.Add(Exclude(chosen, avoid));
                continue;
            }

            var activation = Need(chosen.TargetIndexes, under);
            var release = Need(chosen.ReleasedIndexes, over);
            picked.Add(new PlanItem
            {
                Exercise = chosen,
                Role = activation >= release ? PlanItemRole.Activation : PlanItemRole.Release,
                ActivatesMuscleIds = Covered(chosen.TargetIndexes, under),
                ReleasesMuscleIds = Covered(chosen.ReleasedIndexes, over),
                Flags = Flags(chosen, conditions),
                Catalog = catalog,
            });
            Cover(chosen.TargetIndexes, under);
            Cover(chosen.ReleasedIndexes, over);
        }

        foreach (var e in foundationIndexes)
        {
            if (picked.Count >= PlanOptions.MinExercises)
            {
                break;
            }

            if (used[e])
            {
                continue;
            }

            used[e] = true;
            var exercise = exercises[e];
            if (Avoided(exercise, conditions) is { } avoid)
            {
                excluded.Add(Exclude(exercise, avoid));
                continue;
            }

            picked.Add(new PlanItem
            {
                Exercise = exercise,
                Role = PlanItemRole.Foundation,
                ActivatesMuscleIds = [],
                ReleasesMuscleIds = [],
                Flags = Flags(exercise, conditions),
                Catalog = catalog,
            });
        }

        // Practice order: mobility before activation; within a phase, the order of choice (most needed first).
        var ordered = picked.ToArray();
        var rank = new int[ordered.Length];
        for (var i = 0; i < rank.Length; i++)
        {
            rank[i] = ((int)ordered[i].Exercise.Phase * 100) + i;
        }

        Array.Sort(rank, ordered);

        var (modules, deferred) = SelfCare(analysis, screening, conditions, excluded, limit.MaxSelfCareModules);
        return new PlanSuggestion
        {
            Exercises = ImmutableCollectionsMarshal.AsImmutableArray(ordered),
            SelfCareModules = modules,
            DeferredSelfCareModules = deferred,
            Excluded = [.. excluded],
            RequiresTherapistDecision = screening.Conclusion == ScreeningConclusion.NietPluis,
            RequiredUnlock = unlock,
            SizeLimit = limit,
        };
    }

    // Adherence drops as a home programme grows; older patients do best with two to four exercises per phase.
    private static PlanSizeLimit SizeLimit(int age, int requested) => age > PlanOptions.OlderAdultAge
        ? new(Math.Min(requested, PlanOptions.OlderAdultMaxExercises), PlanOptions.OlderAdultMaxSelfCareModules, PlanTexts.ForOlderAdultLimit())
        : new(requested, PlanOptions.MaxSelfCareModules, PlanTexts.ForSizeLimit(requested));

    private static bool IsFirstPhase(ExercisePhase phase) =>
        phase is ExercisePhase.Mobility or ExercisePhase.Activation or ExercisePhase.Relaxation or ExercisePhase.Breathing;

    private static double Need(ImmutableArray<int> indexes, double[] need)
    {
        var sum = 0.0;
        foreach (var m in indexes)
        {
            sum += need[m];
        }

        return sum;
    }

    private static void Cover(ImmutableArray<int> indexes, double[] need)
    {
        foreach (var m in indexes)
        {
            need[m] *= CoveredNeedFactor;
        }
    }

    private static ExercisePrecaution? Avoided(Exercise exercise, ImmutableArray<string> conditions)
    {
        foreach (var precaution in exercise.Precautions)
        {
            if (precaution.Action == PrecautionAction.Avoid && conditions.Contains(precaution.ConditionId))
            {
                return precaution;
            }
        }

        return null;
    }

    private static ImmutableArray<ExercisePrecaution> Flags(Exercise exercise, ImmutableArray<string> conditions)
    {
        var count = 0;
        foreach (var precaution in exercise.Precautions)
        {
            count += conditions.Contains(precaution.ConditionId) ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var flags = new ExercisePrecaution[count];
        var k = 0;
        foreach (var precaution in exercise.Precautions)
        {
            if (conditions.Contains(precaution.ConditionId))
            {
                flags[k++] = precaution;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(flags);
    }

    private ImmutableArray<string> Covered(ImmutableArray<int> indexes, double[] need)
    {
        var count = 0;
        foreach (var m in indexes)
        {
            count += need[m] > 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return [];
        }

        var ids = new string[count];
        var k = 0;
        foreach (var m in indexes)
        {
            if (need[m] > 0)
            {
                ids[k++] = catalog.Muscles[m].Id;
            }
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(ids);
    }

    private ExcludedExercise Exclude(Exercise exercise, ExercisePrecaution precaution) =>
        new(exercise, precaution, PlanTexts.ForExclusion(exercise, precaution, catalog.PrecautionConditionsById[precaution.ConditionId]));

    private (ImmutableArray<PlanItem> Chosen, ImmutableArray<PlanItem> Deferred) SelfCare(
        BalanceAnalysis analysis, ScreeningResult screening, ImmutableArray<string> conditions, List<ExcludedExercise> excluded, int max)
    {
        var modules = new List<PlanItem>(8);
        var seen = new bool[catalog.Exercises.Length];

        void Add(string id, SelfCareReason reason)
        {
            var exercise = catalog.ExercisesById[id];
            if (seen[exercise.Index])
            {
                return;
            }

            seen[exercise.Index] = true;
            if (Avoided(exercise, conditions) is { } avoid)
            {
                excluded.Add(Exclude(exercise, avoid));
                return;
            }

            modules.Add(new PlanItem
            {
                Exercise = exercise,
                Role = PlanItemRole.SelfCare,
                ActivatesMuscleIds = [],
                ReleasesMuscleIds = [],
                SelfCareReason = reason,
                Flags = Flags(exercise, conditions),
                Catalog = catalog,
            });
        }

        foreach (var id in screening.RecommendedModuleIds)
        {
            Add(id, SelfCareReason.StressRegulation);
        }

        if (HasSleepProblem(screening))
        {
            Add("sleep-routine", SelfCareReason.Sleep);
            Add("progressive-muscle-relaxation-short", SelfCareReason.Sleep);
            Add("breathing-4-7-8", SelfCareReason.Sleep);
        }

        if (chestBreathingIndex >= 0 && Contains(analysis.Assessment.ObservationIds, catalog.Observations[chestBreathingIndex].Id))
        {
            Add("breathing-4-6", SelfCareReason.ChestBreathing);
        }

        if (Involves(analysis, "neck", "shoulder", "upper-back"))
        {
            Add("workplace-check", SelfCareReason.NeckShoulderLoad);
            Add("micro-pause-routine", SelfCareReason.NeckShoulderLoad);
        }

        if (Involves(analysis, "low-back", "pelvis-si", "buttock"))
        {
            Add("micro-pause-routine", SelfCareReason.LowBackLoad);
        }

        Add("walking", SelfCareReason.DailyMovement);

        // One module per reason first, so a short first phase still answers each of the patient's problems.
        var firstPerReason = modules.GroupBy(m => m.SelfCareReason).Select(g => g.First()).ToList();
        var chosen = firstPerReason.Concat(modules.Except(firstPerReason)).Take(max).ToHashSet();
        return ([.. modules.Where(chosen.Contains)], [.. modules.Where(m => !chosen.Contains(m))]);
    }

    private static bool HasSleepProblem(ScreeningResult screening)
    {
        foreach (var flag in screening.YellowFlagsFound)
        {
            if (flag.Id == "poor-sleep")
            {
                return true;
            }
        }

        foreach (var signal in screening.StressSignalsFound)
        {
            if (signal.Id == "restless-sleep")
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return true;
            }
        }

        return false;
    }

    // A region is involved when the patient has complaints there or a found pattern typically hurts there.
    private static bool Involves(BalanceAnalysis analysis, string a, string b, string c)
    {
        foreach (var complaint in analysis.Assessment.Complaints)
        {
            if (complaint.RegionId == a || complaint.RegionId == b || complaint.RegionId == c)
            {
                return true;
            }
        }

        foreach (var match in analysis.Matches)
        {
            foreach (var region in match.Pattern.PainRegionIds)
            {
                if (region == a || region == b || region == c)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
