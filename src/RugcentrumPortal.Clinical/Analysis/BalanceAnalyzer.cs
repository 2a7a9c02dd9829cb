using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;

namespace RugcentrumPortal.Clinical.Analysis;

/// <summary>
/// Turns a muscle-balance assessment into patterns, loaded chains and phase goals. Deterministic: the same
/// assessment always gives the same analysis. Thread-safe; create once and reuse.
/// </summary>
public sealed class BalanceAnalyzer
{
    /// <summary>
    /// A pattern counts as found when its score is at least this value and more than this share of its key muscles
    /// was rated, so that half a picture is never enough.
    /// </summary>
    public const double MatchThreshold = 0.5;

    private const double ObservationBonus = 0.05;
    private const double MaxObservationBonus = 0.10;
    private const double ComplaintBonus = 0.05;
    private const double MaxComplaintBonus = 0.10;

    private static readonly ImmutableArray<TreatmentGoal> GeneralGoals = Explanations.GeneralGoals;

    private readonly ClinicalCatalog catalog;

    /// <summary>Creates an analyzer over <see cref="ClinicalCatalog.Default"/>.</summary>
    public BalanceAnalyzer()
        : this(ClinicalCatalog.Default)
    {
    }

    /// <summary>Creates an analyzer over the given catalog.</summary>
    public BalanceAnalyzer(ClinicalCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
    }

    /// <summary>Checks an assessment without throwing: unknown ids, intensities outside 1-3, sides that do not apply, duplicate ratings.</summary>
    public ValidationResult Validate(Assessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        List<ValidationError>? errors = null;
        var ratings = assessment.Ratings ?? [];
        var sidesSeen = new byte[catalog.Muscles.Length];
        for (var i = 0; i < ratings.Count; i++)
        {
            var rating = ratings[i];
            if (rating is null)
            {
                Add(ref errors, "missing-rating", $"Ratings[{i}]", "a rating is null");
                continue;
            }

            if (rating.MuscleId is null || !catalog.MusclesById.TryGetValue(rating.MuscleId, out var muscle))
            {
                Add(ref errors, "unknown-muscle", $"Ratings[{i}].MuscleId", $"unknown muscle id '{rating.MuscleId}'");
                continue;
            }

            if (!Enum.IsDefined(rating.Tone))
            {
                Add(ref errors, "unknown-tone", $"Ratings[{i}].Tone", $"tone {(int)rating.Tone} for '{muscle.Id}' is not defined");
            }

            if (rating.Intensity is < 1 or > 3)
            {
                Add(ref errors, "intensity-out-of-range", $"Ratings[{i}].Intensity", $"intensity {rating.Intensity} for '{muscle.Id}' must be between 1 and 3");
            }

            if (!Enum.IsDefined(rating.Side))
            {
                Add(ref errors, "unknown-side", $"Ratings[{i}].Side", $"side {(int)rating.Side} for '{muscle.Id}' is not defined");
                continue;
            }

            if (rating.Side != Side.Both && !muscle.HasSides)
            {
                Add(ref errors, "side-not-applicable", $"Ratings[{i}].Side", $"'{muscle.Id}' is not rated per side; use Side.Both");
            }

            var bit = (byte)(1 << (int)rating.Side);
            var seen = sidesSeen[muscle.Index];
            if ((seen & bit) != 0)
            {
                Add(ref errors, "duplicate-rating", $"Ratings[{i}]", $"'{muscle.Id}' is rated twice for side {rating.Side}");
            }
            else if (seen != 0 && (rating.Side == Side.Both || (seen & 1) != 0))
            {
                Add(ref errors, "conflicting-sides", $"Ratings[{i}]", $"'{muscle.Id}' is rated both as a whole and per side");
            }

            sidesSeen[muscle.Index] = (byte)(seen | bit);
        }

        var observations = assessment.ObservationIds ?? [];
        for (var i = 0; i < observations.Count; i++)
        {
            if (observations[i] is null || !catalog.ObservationsById.ContainsKey(observations[i]))
            {
                Add(ref errors, "unknown-observation", $"ObservationIds[{i}]", $"unknown observation id '{observations[i]}'");
            }
        }

        var complaints = assessment.Complaints ?? [];
        for (var i = 0; i < complaints.Count; i++)
        {
            var complaint = complaints[i];
            if (complaint?.RegionId is null || !catalog.RegionsById.TryGetValue(complaint.RegionId, out var region))
            {
                Add(ref errors, "unknown-region", $"Complaints[{i}].RegionId", $"unknown region id '{complaint?.RegionId}'");
                continue;
            }

            if (!Enum.IsDefined(complaint.Side) || (complaint.Side != Side.Both && !region.HasSides))
            {
                Add(ref errors, "side-not-applicable", $"Complaints[{i}].Side", $"region '{region.Id}' does not take side {complaint.Side}; use Side.Both");
            }
        }

        return errors is null ? ValidationResult.Valid : new ValidationResult(errors);
    }

    /// <summary>Analyses an assessment.</summary>
    /// <exception cref="ClinicalInputException">The assessment is invalid; see <see cref="Validate"/>.</exception>
    public BalanceAnalysis Analyze(Assessment assessment)
    {
        Validate(assessment).ThrowIfInvalid(nameof(assessment));

        var muscleCount = catalog.Muscles.Length;
        var slots = new Slot[muscleCount];
        foreach (var rating in assessment.Ratings)
        {
            ref var slot = ref slots[catalog.MusclesById[rating.MuscleId].Index];
            slot.Add(rating);
        }

        var observed = new bool[catalog.Observations.Length];
        foreach (var id in assessment.ObservationIds)
        {
            observed[catalog.ObservationIndexById[id]] = true;
        }

        var complaintSides = new Side?[catalog.Regions.Length];
        foreach (var complaint in assessment.Complaints)
        {
            var index = catalog.RegionIndexById[complaint.RegionId];
            complaintSides[index] = complaintSides[index] is null || complaintSides[index] == complaint.Side ? complaint.Side : Side.Both;
        }

        var patterns = catalog.Patterns;
        var matches = new PatternMatch?[patterns.Length];
        var scratch = new Evidence[64];
        var keyMask = new bool[muscleCount];
        for (var p = 0; p < patterns.Length; p++)
        {
            if (!patterns[p].IsComposite)
            {
                matches[p] = EvaluateSimple(patterns[p], slots, observed, complaintSides, scratch, keyMask);
            }
        }

        for (var p = 0; p < patterns.Length; p++)
        {
            if (patterns[p].IsComposite)
            {
                matches[p] = EvaluateComposite(patterns[p], matches, scratch);
            }
        }

        var candidates = Compact(matches);
        Array.Sort(candidates, CompareMatches);
        var matchCount = 0;
        foreach (var match in candidates)
        {
            matchCount += match.IsMatch ? 1 : 0;
        }

        var found = new PatternMatch[matchCount];
        Array.Copy(candidates, found, matchCount);

        var keyTotal = 0;
        var keyRated = 0;
        var missingCount = 0;
        for (var m = 0; m < muscleCount; m++)
        {
            if (!keyMask[m])
            {
                continue;
            }

            keyTotal++;
            if (slots[m].IsRated)
            {
                keyRated++;
            }
            else
            {
                missingCount++;
            }
        }

        var missing = new string[missingCount];
        for (int m = 0, k = 0; m < muscleCount; m++)
        {
            if (keyMask[m] && !slots[m].IsRated)
            {
                missing[k++] = catalog.Muscles[m].Id;
            }
        }

        return new BalanceAnalysis
        {
            Assessment = assessment,
            Patterns = ImmutableCollectionsMarshal.AsImmutableArray(candidates),
            Matches = ImmutableCollectionsMarshal.AsImmutableArray(found),
            Chains = RankChains(slots, complaintSides),
            Goals = BuildGoals(found, slots),
            Confidence = keyTotal == 0 ? 0 : (double)keyRated / keyTotal,
            MissingMuscleIds = ImmutableCollectionsMarshal.AsImmutableArray(missing),
        };
    }

    private static void Add(ref List<ValidationError>? errors, string code, string path, string message) =>
        (errors ??= []).Add(new ValidationError(code, path, message));

    // Found patterns first, then by how strongly and how completely the findings support them; catalog order breaks ties.
    private static int CompareMatches(PatternMatch a, PatternMatch b)
    {
        if (a.IsMatch != b.IsMatch)
        {
            return a.IsMatch ? -1 : 1;
        }

        var byWeighted = (b.Score * b.Confidence).CompareTo(a.Score * a.Confidence);
        if (byWeighted != 0)
        {
            return byWeighted;
        }

        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Pattern.Index.CompareTo(b.Pattern.Index);
    }

    private static PatternMatch[] Compact(PatternMatch?[] matches)
    {
        var count = 0;
        foreach (var match in matches)
        {
            count += match is null ? 0 : 1;
        }

        var result = new PatternMatch[count];
        var k = 0;
        foreach (var match in matches)
        {
            if (match is not null)
            {
                result[k++] = match;
            }
        }

        return result;
    }

    private static ImmutableArray<Evidence> Slice(Evidence[] buffer, int start, int count)
    {
        if (count == 0)
        {
            return [];
        }

        var result = new Evidence[count];
        Array.Copy(buffer, start, result, 0, count);
        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private PatternMatch? EvaluateSimple(CompensationPattern pattern, Slot[] slots, bool[] observed, Side?[] complaintSides, Evidence[] scratch, bool[] keyMask)
    {
        var rated = 0;
        foreach (var m in pattern.UnderactiveIndexes)
        {
            rated += slots[m].IsRated ? 1 : 0;
        }

        foreach (var m in pattern.OveractiveIndexes)
        {
            rated += slots[m].IsRated ? 1 : 0;
        }

        if (rated == 0)
        {
            return null;
        }

        // Supporting evidence fills the scratch buffer from the front, contradicting evidence from the back.
        var support = 0;
        var against = 0;
        var sum = 0.0;
        var underSupport = false;
        var overSupport = false;
        var keyCount = pattern.UnderactiveIndexes.Length + pattern.OveractiveIndexes.Length;
        var missing = new string[keyCount - rated];
        var missingCount = 0;
        for (var i = 0; i < keyCount; i++)
        {
            var underPart = i < pattern.UnderactiveIndexes.Length;
            var m = underPart ? pattern.UnderactiveIndexes[i] : pattern.OveractiveIndexes[i - pattern.UnderactiveIndexes.Length];
            keyMask[m] = true;
            var muscle = catalog.Muscles[m];
            ref readonly var slot = ref slots[m];
            if (!slot.IsRated)
            {
                missing[missingCount++] = muscle.Id;
                continue;
            }

            var expected = underPart ? MuscleTone.Underactive : MuscleTone.Overactive;
            var matching = underPart ? slot.Under : slot.Over;
            var opposite = underPart ? slot.Over : slot.Under;
            if (matching is not null)
            {
                sum += 0.5 + (matching.Intensity / 6.0);
                scratch[support++] = new Evidence(EvidenceKind.Rating, muscle.Name, muscle.Id, expected, matching, supports: true, matching.Side);
                underSupport |= underPart;
                overSupport |= !underPart;
            }
            else if (opposite is not null)
            {
                sum -= opposite.Intensity / 3.0;
            }

            // An opposite rating argues against the pattern even when the other side supports it.
            var contradiction = opposite ?? (matching is null ? slot.Normal : null);
            if (contradiction is not null)
            {
                scratch[scratch.Length - 1 - against++] = new Evidence(EvidenceKind.Rating, muscle.Name, muscle.Id, expected, contradiction, supports: false, contradiction.Side);
            }
        }

        var bonus = 0.0;
        foreach (var o in catalog.ObservationIndexesByPattern[pattern.Index])
        {
            if (observed[o])
            {
                var observation = catalog.Observations[o];
                scratch[support++] = new Evidence(EvidenceKind.Observation, observation.Name, observation.Id, null, null, supports: true, Side.Both);
                bonus += ObservationBonus;
            }
        }

        var complaintBonus = 0.0;
        foreach (var r in catalog.PainRegionIndexesByPattern[pattern.Index])
        {
            if (complaintSides[r] is { } side)
            {
                var region = catalog.Regions[r];
                scratch[support++] = new Evidence(EvidenceKind.ComplaintRegion, region.Name, region.Id, null, null, supports: true, side);
                complaintBonus += ComplaintBonus;
            }
        }

        var score = Math.Clamp((Math.Max(0, sum) / rated) + Math.Min(bonus, MaxObservationBonus) + Math.Min(complaintBonus, MaxComplaintBonus), 0, 1);
        var confidence = (double)rated / keyCount;
        var contradicting = new Evidence[against];
        for (var i = 0; i < against; i++)
        {
            contradicting[i] = scratch[scratch.Length - 1 - i];
        }

        return new PatternMatch
        {
            Pattern = pattern,
            Score = score,
            Confidence = confidence,
            IsMatch = score >= MatchThreshold && confidence > MatchThreshold && underSupport && overSupport,
            Supporting = Slice(scratch, 0, support),
            Contradicting = ImmutableCollectionsMarshal.AsImmutableArray(contradicting),
            MissingMuscleIds = ImmutableCollectionsMarshal.AsImmutableArray(missing),
            RatedCount = rated,
            KeyCount = keyCount,
            HasUnderactiveSupport = underSupport,
            HasOveractiveSupport = overSupport,
        };
    }

    // A composite pattern (layered syndrome) is only as present as its weakest component.
    private PatternMatch? EvaluateComposite(CompensationPattern pattern, PatternMatch?[] matches, Evidence[] scratch)
    {
        var anyTouched = false;
        var allMatch = true;
        var score = 1.0;
        var confidence = 1.0;
        int rated = 0, keyCount = 0, missingCount = 0, againstCount = 0;
        foreach (var componentId in pattern.ComponentPatternIds)
        {
            var component = catalog.PatternsById[componentId];
            var match = matches[component.Index];
            keyCount += component.UnderactiveIndexes.Length + component.OveractiveIndexes.Length;
            if (match is null)
            {
                allMatch = false;
                score = 0;
                confidence = 0;
                missingCount += component.UnderactiveIndexes.Length + component.OveractiveIndexes.Length;
                continue;
            }

            anyTouched = true;
            allMatch &= match.IsMatch;
            score = Math.Min(score, match.Score);
            confidence = Math.Min(confidence, match.Confidence);
            rated += match.RatedCount;
            missingCount += match.MissingMuscleIds.Length;
            againstCount += match.Contradicting.Length;
        }

        if (!anyTouched)
        {
            return null;
        }

        var support = 0;
        var missing = new string[missingCount];
        var contradicting = new Evidence[againstCount];
        int missingAt = 0, againstAt = 0;
        foreach (var componentId in pattern.ComponentPatternIds)
        {
            var component = catalog.PatternsById[componentId];
            var match = matches[component.Index];
            if (match is null)
            {
                foreach (var m in component.UnderactiveIndexes)
                {
                    missing[missingAt++] = catalog.Muscles[m].Id;
                }

                foreach (var m in component.OveractiveIndexes)
                {
                    missing[missingAt++] = catalog.Muscles[m].Id;
                }

                continue;
            }

            foreach (var evidence in match.Supporting)
            {
                if (!Contains(scratch, support, evidence))
                {
                    scratch[support++] = evidence;
                }
            }

            match.Contradicting.CopyTo(contradicting, againstAt);
            againstAt += match.Contradicting.Length;
            match.MissingMuscleIds.CopyTo(missing, missingAt);
            missingAt += match.MissingMuscleIds.Length;
        }

        return new PatternMatch
        {
            Pattern = pattern,
            Score = score,
            Confidence = confidence,
            IsMatch = allMatch,
            Supporting = Slice(scratch, 0, support),
            Contradicting = ImmutableCollectionsMarshal.AsImmutableArray(contradicting),
            MissingMuscleIds = ImmutableCollectionsMarshal.AsImmutableArray(missing),
            RatedCount = rated,
            KeyCount = keyCount,
            HasUnderactiveSupport = allMatch,
            HasOveractiveSupport = allMatch,
        };
    }

    private static bool Contains(Evidence[] buffer, int count, Evidence candidate)
    {
        for (var i = 0; i < count; i++)
        {
            var e = buffer[i];
            if (e.Kind == candidate.Kind && e.Side == candidate.Side && string.Equals(e.Id, candidate.Id, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<ChainLoad> RankChains(Slot[] slots, Side?[] complaintSides)
    {
        var chains = catalog.Chains;
        var loads = new List<ChainLoad>(chains.Length);
        var involvement = new List<double>(chains.Length);
        for (var c = 0; c < chains.Length; c++)
        {
            var chain = chains[c];
            int load = 0, overCount = 0, underCount = 0, involved = 0;
            foreach (var m in chain.MuscleIndexes)
            {
                ref readonly var slot = ref slots[m];
                var deviating = false;
                if (slot.Over is not null)
                {
                    overCount++;
                    deviating = true;
                }

                if (slot.Under is not null)
                {
                    underCount++;
                    deviating = true;
                }

                if (deviating)
                {
                    involved++;
                    load += Math.Max(slot.Over?.Intensity ?? 0, slot.Under?.Intensity ?? 0);
                }
            }

            if (involved == 0)
            {
                continue;
            }

            var touches = catalog.ChainTouchesRegion[c];
            var regionCount = 0;
            for (var r = 0; r < touches.Length; r++)
            {
                regionCount += touches[r] && complaintSides[r] is not null ? 1 : 0;
            }

            var overIds = new string[overCount];
            var underIds = new string[underCount];
            var regionIds = new string[regionCount];
            int o = 0, u = 0, g = 0;
            foreach (var m in chain.MuscleIndexes)
            {
                if (slots[m].Over is not null)
                {
                    overIds[o++] = catalog.Muscles[m].Id;
                }

                if (slots[m].Under is not null)
                {
                    underIds[u++] = catalog.Muscles[m].Id;
                }
            }

            for (var r = 0; r < touches.Length; r++)
            {
                if (touches[r] && complaintSides[r] is not null)
                {
                    regionIds[g++] = catalog.Regions[r].Id;
                }
            }

            loads.Add(new ChainLoad
            {
                Chain = chain,
                Load = load + regionCount,
                OveractiveMuscleIds = ImmutableCollectionsMarshal.AsImmutableArray(overIds),
                UnderactiveMuscleIds = ImmutableCollectionsMarshal.AsImmutableArray(underIds),
                ComplaintRegionIds = ImmutableCollectionsMarshal.AsImmutableArray(regionIds),
            });
            involvement.Add((double)involved / chain.MuscleIndexes.Length);
        }

        var ranked = loads.ToArray();
        var order = new int[ranked.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Highest load first; a larger share of the chain involved, then catalog order, breaks ties.
        Array.Sort(order, (a, b) =>
        {
            var byLoad = ranked[b].Load.CompareTo(ranked[a].Load);
            if (byLoad != 0)
            {
                return byLoad;
            }

            var byShare = involvement[b].CompareTo(involvement[a]);
            return byShare != 0 ? byShare : a.CompareTo(b);
        });

        var result = new ChainLoad[ranked.Length];
        for (var i = 0; i < order.Length; i++)
        {
            result[i] = ranked[order[i]];
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(result);
    }

    private ImmutableArray<PhaseGoals> BuildGoals(PatternMatch[] found, Slot[] slots)
    {
        var phases = new PhaseGoals[5];
        var coveredByComposite = new bool[catalog.Patterns.Length];
        foreach (var match in found)
        {
            if (match.Pattern.IsComposite)
            {
                foreach (var componentId in match.Pattern.ComponentPatternIds)
                {
                    coveredByComposite[catalog.PatternsById[componentId].Index] = true;
                }
            }
        }

        var contributing = 0;
        foreach (var match in found)
        {
            contributing += coveredByComposite[match.Pattern.Index] ? 0 : 1;
        }

        if (contributing == 0)
        {
            var anyDeviation = false;
            foreach (var slot in slots)
            {
                anyDeviation |= slot.Over is not null || slot.Under is not null;
            }

            for (var phase = 0; phase < phases.Length; phase++)
            {
                phases[phase] = new PhaseGoals((RecoveryPhase)phase, anyDeviation ? [GeneralGoals[phase]] : []);
            }

            return ImmutableCollectionsMarshal.AsImmutableArray(phases);
        }

        for (var phase = 0; phase < phases.Length; phase++)
        {
            var goals = new TreatmentGoal[contributing];
            var k = 0;
            foreach (var match in found)
            {
                if (!coveredByComposite[match.Pattern.Index])
                {
                    goals[k++] = catalog.GoalsByPattern[match.Pattern.Index][phase];
                }
            }

            phases[phase] = new PhaseGoals((RecoveryPhase)phase, ImmutableCollectionsMarshal.AsImmutableArray(goals));
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(phases);
    }

    /// <summary>The strongest overactive, strongest underactive and any normal rating of one muscle over its sides.</summary>
    internal struct Slot
    {
        public MuscleRating? Over;
        public MuscleRating? Under;
        public MuscleRating? Normal;

        public readonly bool IsRated => Over is not null || Under is not null || Normal is not null;

        public void Add(MuscleRating rating)
        {
            switch (rating.Tone)
            {
                case MuscleTone.Overactive when Over is null || rating.Intensity > Over.Intensity:
                    Over = rating;
                    break;
                case MuscleTone.Underactive when Under is null || rating.Intensity > Under.Intensity:
                    Under = rating;
                    break;
                case MuscleTone.Normal:
                    Normal ??= rating;
                    break;
            }
        }
    }
}
