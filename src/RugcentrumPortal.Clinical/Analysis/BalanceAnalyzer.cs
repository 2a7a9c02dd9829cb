using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Examination;
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

    /// <summary>
    /// Highest confidence for a pattern that only holds by combining findings from the left and the right side,
    /// e.g. an underactive gluteus medius on the left with overactive erectors on the right.
    /// </summary>
    public const double OppositeSidesConfidenceCap = 0.6;

    /// <summary>Difference in fit between left and right from which a pattern is reported as asymmetric.</summary>
    public const double AsymmetryMargin = 0.25;

    private const double ObservationBonus = 0.05;
    private const double MaxObservationBonus = 0.10;
    private const double MovementTestBonus = 0.05;
    private const double MaxMovementTestBonus = 0.10;
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

    /// <summary>
    /// Checks an assessment without throwing: unknown ids, intensities outside 1-3, sides that do not apply or are
    /// missing, duplicate ratings, and movement test grades that cannot be (normal with findings, deviating without).
    /// </summary>
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

        ValidateMovementTests(assessment.MovementTests ?? [], ref errors);
        return errors is null ? ValidationResult.Valid : new ValidationResult(errors);
    }

    /// <summary>Analyses an assessment.</summary>
    /// <exception cref="ClinicalInputException">The assessment is invalid; see <see cref="Validate"/>.</exception>
    public BalanceAnalysis Analyze(Assessment assessment)
    {
        Validate(assessment).ThrowIfInvalid(nameof(assessment));

        var findings = new Findings(catalog, assessment);
        var patterns = catalog.Patterns;
        var matches = new PatternMatch?[patterns.Length];
        var keyMask = new bool[catalog.Muscles.Length];
        for (var p = 0; p < patterns.Length; p++)
        {
            if (!patterns[p].IsComposite)
            {
                matches[p] = EvaluateSimple(patterns[p], findings, keyMask);
            }
        }

        for (var p = 0; p < patterns.Length; p++)
        {
            if (patterns[p].IsComposite)
            {
                matches[p] = EvaluateComposite(patterns[p], matches, findings);
            }
        }

        LinkParts(matches);
        var ordered = Order(matches);
        var found = ordered.Where(m => m.IsMatch).ToArray();

        var keyTotal = 0;
        var missing = new List<string>();
        for (var m = 0; m < keyMask.Length; m++)
        {
            if (keyMask[m])
            {
                keyTotal++;
                if (!findings.Combined[m].IsRated)
                {
                    missing.Add(catalog.Muscles[m].Id);
                }
            }
        }

        return new BalanceAnalysis
        {
            Assessment = assessment,
            Patterns = ImmutableCollectionsMarshal.AsImmutableArray(ordered),
            Matches = ImmutableCollectionsMarshal.AsImmutableArray(found),
            Chains = RankChains(findings.Combined, findings.ComplaintSides),
            Goals = BuildGoals(found, findings.Combined),
            Confidence = keyTotal == 0 ? 0 : (double)(keyTotal - missing.Count) / keyTotal,
            MissingMuscleIds = [.. missing],
            Asymmetries = FindAsymmetries(findings),
            LayerImbalances = FindLayerImbalances(assessment),
            Catalog = catalog,
        };
    }

    /// <summary>Analyses an earlier and a later assessment of one patient and compares them; see <see cref="Reassessment.Compare"/>.</summary>
    /// <exception cref="ClinicalInputException">Either assessment is invalid; see <see cref="Validate"/>.</exception>
    public ReassessmentComparison Compare(Assessment earlier, Assessment later)
    {
        Validate(earlier).ThrowIfInvalid(nameof(earlier));
        Validate(later).ThrowIfInvalid(nameof(later));
        return Reassessment.Compare(Analyze(earlier), Analyze(later));
    }

    private void ValidateMovementTests(IReadOnlyList<MovementTestResult> results, ref List<ValidationError>? errors)
    {
        var seen = new HashSet<(string, Side)>();
        for (var i = 0; i < results.Count; i++)
        {
            var at = $"MovementTests[{i}]";
            var result = results[i];
            if (result is null)
            {
                Add(ref errors, "missing-movement-test", at, "a movement test result is null");
                continue;
            }

            if (result.TestId is null || !catalog.MovementTestsById.TryGetValue(result.TestId, out var test))
            {
                Add(ref errors, "unknown-movement-test", at + ".TestId", $"unknown movement test id '{result.TestId}'");
                continue;
            }

            if (!Enum.IsDefined(result.Side))
            {
                Add(ref errors, "unknown-side", at + ".Side", $"side {(int)result.Side} for '{test.Id}' is not defined");
            }
            else if (test.HasSides && result.Side == Side.Both)
            {
                Add(ref errors, "side-required", at + ".Side", $"'{test.Id}' is graded per side; give Side.Left or Side.Right");
            }
            else if (!test.HasSides && result.Side != Side.Both)
            {
                Add(ref errors, "side-not-applicable", at + ".Side", $"'{test.Id}' is not graded per side; use Side.Both");
            }
            else if (!seen.Add((test.Id, result.Side)))
            {
                Add(ref errors, "duplicate-movement-test", at, $"'{test.Id}' is graded twice for side {result.Side}");
            }

            var findingIds = result.FindingIds ?? [];
            switch (result.Grade)
            {
                case MovementGrade.Normal when findingIds.Count > 0:
                    Add(ref errors, "impossible-grade", at + ".Grade", $"'{test.Id}' is graded normal but lists findings; grade it deviating or remove them");
                    break;
                case MovementGrade.Deviating when findingIds.Count == 0:
                    Add(ref errors, "finding-required", at + ".FindingIds", $"'{test.Id}' is graded deviating; name the finding that was seen");
                    break;
                case not (MovementGrade.Normal or MovementGrade.Deviating):
                    Add(ref errors, "unknown-grade", at + ".Grade", $"grade {(int)result.Grade} for '{test.Id}' is not defined");
                    break;
            }

            for (var j = 0; j < findingIds.Count; j++)
            {
                if (!test.Findings.Any(f => f.Id == findingIds[j]))
                {
                    Add(ref errors, "unknown-finding", $"{at}.FindingIds[{j}]", $"'{findingIds[j]}' is not a finding of '{test.Id}'");
                }
                else if (findingIds.Take(j).Contains(findingIds[j]))
                {
                    Add(ref errors, "duplicate-finding", $"{at}.FindingIds[{j}]", $"'{findingIds[j]}' is listed twice for '{test.Id}'");
                }
            }
        }
    }

    private static void Add(ref List<ValidationError>? errors, string code, string path, string message) =>
        (errors ??= []).Add(new ValidationError(code, path, message));

    private static bool Compatible(Side a, Side b) => a == Side.Both || b == Side.Both || a == b;

    // More relevant first; the stronger evidence, then catalog order, breaks ties.
    private static int CompareRelevance(PatternMatch a, PatternMatch b)
    {
        var byRelevance = b.Relevance.CompareTo(a.Relevance);
        if (byRelevance != 0)
        {
            return byRelevance;
        }

        var byScore = b.Score.CompareTo(a.Score);
        return byScore != 0 ? byScore : a.Pattern.Index.CompareTo(b.Pattern.Index);
    }

    // Found patterns first, each broad pattern directly followed by the narrower found patterns it contains, so a
    // Janda syndrome always ranks above the practice pattern that is part of it.
    private PatternMatch[] Order(PatternMatch?[] matches)
    {
        var touched = matches.OfType<PatternMatch>().ToList();
        touched.Sort(CompareRelevance);
        var result = new List<PatternMatch>(touched.Count);
        foreach (var match in touched.Where(m => m.IsMatch && m.PartOf is null))
        {
            AddWithParts(match, matches, result);
        }

        result.AddRange(touched.Where(m => !m.IsMatch));
        return [.. result];
    }

    private void AddWithParts(PatternMatch match, PatternMatch?[] matches, List<PatternMatch> result)
    {
        result.Add(match);
        var parts = match.Parts.Select(part => matches[part.Index]!).ToList();
        parts.Sort(CompareRelevance);
        foreach (var part in parts)
        {
            AddWithParts(part, matches, result);
        }
    }

    // A found pattern is shown as part of the narrowest found pattern that contains it.
    private void LinkParts(PatternMatch?[] matches)
    {
        var parts = new Dictionary<PatternMatch, List<CompensationPattern>>();
        foreach (var part in matches)
        {
            if (part is not { IsMatch: true })
            {
                continue;
            }

            var container = matches
                .Where(m => m is { IsMatch: true } && m.Pattern.ContainedPatternIds.Contains(part.Pattern.Id))
                .OrderBy(m => m!.KeyCount)
                .ThenBy(m => m!.Pattern.Index)
                .FirstOrDefault();
            if (container is not null)
            {
                part.PartOf = container.Pattern;
                (parts.TryGetValue(container, out var list) ? list : parts[container] = []).Add(part.Pattern);
            }
        }

        foreach (var (container, contained) in parts)
        {
            container.Parts = [.. contained];
        }
    }

    private PatternMatch? EvaluateSimple(CompensationPattern pattern, Findings findings, bool[] keyMask)
    {
        var keys = pattern.UnderactiveIndexes.Concat(pattern.OveractiveIndexes).ToArray();
        if (!keys.Any(m => findings.Combined[m].IsRated))
        {
            return null;
        }

        foreach (var m in keys)
        {
            keyMask[m] = true;
        }

        var combined = EvaluateView(pattern, findings.Combined, Side.Both, findings);
        SideView? left = null, right = null;
        if (keys.Any(m => findings.RatedPerSide[m]))
        {
            left = EvaluateView(pattern, findings.Left, Side.Left, findings);
            right = EvaluateView(pattern, findings.Right, Side.Right, findings);
        }

        // Each side is judged on its own first; only when neither side holds may the two be combined, and then the
        // pattern rests on findings from opposite sides, which is weaker evidence.
        var (chosen, side, oppositeSides) = (left, right) switch
        {
            (null, _) or (_, null) => (combined, Side.Both, false),
            ({ Holds: true }, { Holds: true }) => (combined, Side.Both, false),
            ({ Holds: true } l, _) => (l, Side.Left, false),
            (_, { Holds: true } r) => (r, Side.Right, false),
            _ => (combined, Side.Both, combined.Holds),
        };

        var confidence = oppositeSides ? Math.Min(chosen.Coverage, OppositeSidesConfidenceCap) : chosen.Coverage;
        var supporting = new List<Evidence>(chosen.Supporting);
        supporting.AddRange(chosen.Extra);
        var complaintBonus = AddComplaints(pattern, side, findings, supporting);
        return new PatternMatch
        {
            Pattern = pattern,
            Score = chosen.Score,
            Confidence = confidence,
            Fit = chosen.Fit,
            Coverage = chosen.Coverage,
            Relevance = (chosen.Score * confidence) + complaintBonus,
            IsMatch = chosen.Holds,
            Side = side,
            Left = left?.ToSideFit(),
            Right = right?.ToSideFit(),
            IsAsymmetric = left is not null && right is not null
                && (left.Holds != right.Holds || Math.Abs(left.Fit - right.Fit) >= AsymmetryMargin),
            FindingsOnOppositeSides = oppositeSides,
            HasLayerImbalance = HasLayerImbalance(chosen.Supporting),
            Supporting = [.. supporting],
            Contradicting = [.. chosen.Contradicting],
            MissingMuscleIds = [.. chosen.Missing],
            RatedCount = chosen.Rated,
            KeyCount = keys.Length,
            HasUnderactiveSupport = chosen.UnderSupport,
            HasOveractiveSupport = chosen.OverSupport,
            Bonus = chosen.Bonus,
        };
    }

    private SideView EvaluateView(CompensationPattern pattern, Slot[] slots, Side side, Findings findings)
    {
        var view = new SideView(side);
        var keyCount = pattern.UnderactiveIndexes.Length + pattern.OveractiveIndexes.Length;
        var sum = 0.0;
        for (var i = 0; i < keyCount; i++)
        {
            var underPart = i < pattern.UnderactiveIndexes.Length;
            var m = underPart ? pattern.UnderactiveIndexes[i] : pattern.OveractiveIndexes[i - pattern.UnderactiveIndexes.Length];
            var muscle = catalog.Muscles[m];
            var slot = slots[m];
            if (!slot.IsRated)
            {
                view.Missing.Add(muscle.Id);
                continue;
            }

            view.Rated++;
            var expected = underPart ? MuscleTone.Underactive : MuscleTone.Overactive;
            var matching = underPart ? slot.Under : slot.Over;
            var opposite = underPart ? slot.Over : slot.Under;
            if (matching is not null)
            {
                sum += 0.5 + (matching.Intensity / 6.0);
                view.Supporting.Add(new Evidence(EvidenceKind.Rating, muscle.Name, muscle.Id, expected, matching, supports: true, matching.Side, muscle.Layer));
                view.UnderSupport |= underPart;
                view.OverSupport |= !underPart;
            }
            else if (opposite is not null)
            {
                sum -= opposite.Intensity / 3.0;
            }

            // An opposite rating argues against the pattern even when the other side supports it.
            var contradiction = opposite ?? (matching is null ? slot.Normal : null);
            if (contradiction is not null)
            {
                view.Contradicting.Add(new Evidence(EvidenceKind.Rating, muscle.Name, muscle.Id, expected, contradiction, supports: false, contradiction.Side, muscle.Layer));
            }
        }

        // A test result counts for the side it was graded on; the combined view counts every side.
        var testBonus = 0.0;
        foreach (var (test, finding, resultSide) in findings.MovementFindings)
        {
            if (finding.SupportsPatternIds.Contains(pattern.Id) && (side == Side.Both || Compatible(resultSide, side)))
            {
                view.Extra.Add(new Evidence(EvidenceKind.MovementTest, finding.Name, finding.Id, null, null, supports: true, resultSide, explanation: Explanations.ForMovementTest(test, finding, resultSide, catalog)));
                testBonus += MovementTestBonus;
            }
        }

        var observationBonus = 0.0;
        foreach (var o in catalog.ObservationIndexesByPattern[pattern.Index])
        {
            if (findings.Observed[o])
            {
                var observation = catalog.Observations[o];
                view.Extra.Add(new Evidence(EvidenceKind.Observation, observation.Name, observation.Id, null, null, supports: true, Side.Both));
                observationBonus += ObservationBonus;
            }
        }

        view.Fit = view.Rated == 0 ? 0 : Math.Clamp(sum / view.Rated, 0, 1);
        view.Coverage = (double)view.Rated / keyCount;
        view.Bonus = Math.Min(observationBonus, MaxObservationBonus) + Math.Min(testBonus, MaxMovementTestBonus);
        view.Score = Math.Min(1, view.Fit + view.Bonus);
        view.Holds = view.Score >= MatchThreshold && view.Coverage > MatchThreshold && view.UnderSupport && view.OverSupport;
        return view;
    }

    // Complaints where the pattern tends to hurt, on a side where it holds, raise its relevance and nothing else.
    private double AddComplaints(CompensationPattern pattern, Side side, Findings findings, List<Evidence> supporting)
    {
        var bonus = 0.0;
        foreach (var r in catalog.PainRegionIndexesByPattern[pattern.Index])
        {
            if (findings.ComplaintSides[r] is { } complaintSide && Compatible(complaintSide, side))
            {
                var region = catalog.Regions[r];
                supporting.Add(new Evidence(EvidenceKind.ComplaintRegion, region.Name, region.Id, null, null, supports: true, complaintSide));
                bonus += ComplaintBonus;
            }
        }

        return Math.Min(bonus, MaxComplaintBonus);
    }

    private bool HasLayerImbalance(IEnumerable<Evidence> ratings)
    {
        var list = ratings.Where(e => e.Kind == EvidenceKind.Rating).ToList();
        return list.Any(deep => deep is { Layer: MuscleLayer.DeepStabiliser, Expected: MuscleTone.Underactive }
            && list.Any(mover => mover is { Layer: MuscleLayer.SuperficialMover, Expected: MuscleTone.Overactive }
                && catalog.MusclesById[mover.Id].RegionId == catalog.MusclesById[deep.Id].RegionId
                && Compatible(mover.Side, deep.Side)));
    }

    // A composite pattern (layered syndrome) is only as present as its weakest component.
    private PatternMatch? EvaluateComposite(CompensationPattern pattern, PatternMatch?[] matches, Findings findings)
    {
        var components = pattern.ComponentPatternIds.Select(id => (Pattern: catalog.PatternsById[id], Match: matches[catalog.PatternsById[id].Index])).ToList();
        var touched = components.Where(c => c.Match is not null).Select(c => c.Match!).ToList();
        if (touched.Count == 0)
        {
            return null;
        }

        var complete = touched.Count == components.Count;
        double Weakest(Func<PatternMatch, double> figure) => complete ? touched.Min(figure) : 0;
        var allMatch = complete && touched.All(m => m.IsMatch);
        var sides = touched.Select(m => m.Side).Distinct().ToList();
        var side = sides.Count == 1 ? sides[0] : Side.Both;

        var supporting = new List<Evidence>();
        foreach (var evidence in touched.SelectMany(m => m.Supporting).Where(e => e.Kind != EvidenceKind.ComplaintRegion))
        {
            if (!supporting.Any(e => e.Kind == evidence.Kind && e.Side == evidence.Side && e.Id == evidence.Id))
            {
                supporting.Add(evidence);
            }
        }

        var missing = components.SelectMany(c => c.Match?.MissingMuscleIds
            ?? c.Pattern.UnderactiveMuscleIds.AddRange(c.Pattern.OveractiveMuscleIds));
        var score = Weakest(m => m.Score);
        var confidence = Weakest(m => m.Confidence);
        var complaintBonus = AddComplaints(pattern, side, findings, supporting);
        return new PatternMatch
        {
            Pattern = pattern,
            Score = score,
            Confidence = confidence,
            Fit = Weakest(m => m.Fit),
            Coverage = Weakest(m => m.Coverage),
            Relevance = (score * confidence) + complaintBonus,
            IsMatch = allMatch,
            Side = side,
            Left = null,
            Right = null,
            IsAsymmetric = touched.Any(m => m.IsAsymmetric),
            FindingsOnOppositeSides = touched.Any(m => m.FindingsOnOppositeSides),
            HasLayerImbalance = touched.Any(m => m.HasLayerImbalance),
            Supporting = [.. supporting],
            Contradicting = [.. touched.SelectMany(m => m.Contradicting)],
            MissingMuscleIds = [.. missing],
            RatedCount = touched.Sum(m => m.RatedCount),
            KeyCount = components.Sum(c => c.Pattern.UnderactiveIndexes.Length + c.Pattern.OveractiveIndexes.Length),
            HasUnderactiveSupport = allMatch,
            HasOveractiveSupport = allMatch,
            Bonus = Weakest(m => m.Bonus),
        };
    }

    private ImmutableArray<MuscleAsymmetry> FindAsymmetries(Findings findings)
    {
        var result = new List<MuscleAsymmetry>();
        for (var m = 0; m < catalog.Muscles.Length; m++)
        {
            if (findings.RatedPerSide[m]
                && findings.Left[m].Single is { } left && findings.Right[m].Single is { } right
                && (left.Tone != right.Tone || left.Intensity != right.Intensity))
            {
                result.Add(new MuscleAsymmetry(catalog.Muscles[m], left, right));
            }
        }

        return [.. result];
    }

    private ImmutableArray<LayerImbalance> FindLayerImbalances(Assessment assessment)
    {
        var rated = assessment.Ratings.Select(r => (Rating: r, Muscle: catalog.MusclesById[r.MuscleId])).ToList();
        var deep = rated.Where(x => x.Muscle.Layer == MuscleLayer.DeepStabiliser && x.Rating.Tone == MuscleTone.Underactive).ToList();
        var movers = rated.Where(x => x.Muscle.Layer == MuscleLayer.SuperficialMover && x.Rating.Tone == MuscleTone.Overactive).ToList();
        var groups = new SortedDictionary<(int Region, Side Side), (SortedSet<int> Deep, SortedSet<int> Movers)>();
        foreach (var d in deep)
        {
            foreach (var s in movers.Where(s => s.Muscle.RegionId == d.Muscle.RegionId && Compatible(s.Rating.Side, d.Rating.Side)))
            {
                var key = (catalog.RegionIndexById[d.Muscle.RegionId], d.Rating.Side == Side.Both ? s.Rating.Side : d.Rating.Side);
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = ([], []);
                }

                group.Deep.Add(d.Muscle.Index);
                group.Movers.Add(s.Muscle.Index);
            }
        }

        var result = new List<LayerImbalance>();
        foreach (var ((region, side), group) in groups)
        {
            // The same picture on both sides reads as one bilateral finding.
            if (side == Side.Right && groups.TryGetValue((region, Side.Left), out var left)
                && left.Deep.SetEquals(group.Deep) && left.Movers.SetEquals(group.Movers))
            {
                continue;
            }

            var bilateral = side == Side.Left && groups.TryGetValue((region, Side.Right), out var right)
                && right.Deep.SetEquals(group.Deep) && right.Movers.SetEquals(group.Movers);
            result.Add(new LayerImbalance(
                catalog.Regions[region],
                bilateral ? Side.Both : side,
                [.. group.Deep.Select(m => catalog.Muscles[m])],
                [.. group.Movers.Select(m => catalog.Muscles[m])]));
        }

        return [.. result];
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

    // Goals come from the broadest found patterns; a narrower pattern shown as part of one adds none of its own.
    private ImmutableArray<PhaseGoals> BuildGoals(PatternMatch[] found, Slot[] slots)
    {
        var contributing = found.Where(m => m.PartOf is null).ToArray();
        var anyDeviation = slots.Any(slot => slot.Over is not null || slot.Under is not null);
        var phases = new PhaseGoals[5];
        for (var phase = 0; phase < phases.Length; phase++)
        {
            ImmutableArray<TreatmentGoal> goals = contributing.Length > 0
                ? [.. contributing.Select(m => catalog.GoalsByPattern[m.Pattern.Index][phase])]
                : anyDeviation ? [GeneralGoals[phase]] : [];
            phases[phase] = new PhaseGoals((RecoveryPhase)phase, goals);
        }

        return ImmutableCollectionsMarshal.AsImmutableArray(phases);
    }

    /// <summary>The rated findings seen three ways: the left side, the right side, and both sides combined.</summary>
    private sealed class Findings
    {
        public Findings(ClinicalCatalog catalog, Assessment assessment)
        {
            var count = catalog.Muscles.Length;
            Left = new Slot[count];
            Right = new Slot[count];
            Combined = new Slot[count];
            RatedPerSide = new bool[count];
            foreach (var rating in assessment.Ratings)
            {
                var m = catalog.MusclesById[rating.MuscleId].Index;
                Combined[m].Add(rating);
                RatedPerSide[m] |= rating.Side != Side.Both;
                if (rating.Side != Side.Right)
                {
                    Left[m].Add(rating);
                }

                if (rating.Side != Side.Left)
                {
                    Right[m].Add(rating);
                }
            }

            Observed = new bool[catalog.Observations.Length];
            foreach (var id in assessment.ObservationIds)
            {
                Observed[catalog.ObservationIndexById[id]] = true;
            }

            MovementFindings = [.. assessment.MovementTests.SelectMany(result => result.FindingIds.Select(id =>
            {
                var test = catalog.MovementTestsById[result.TestId];
                return (test, test.Findings.Single(f => f.Id == id), result.Side);
            }))];

            ComplaintSides = new Side?[catalog.Regions.Length];
            foreach (var complaint in assessment.Complaints)
            {
                var index = catalog.RegionIndexById[complaint.RegionId];
                ComplaintSides[index] = ComplaintSides[index] is null || ComplaintSides[index] == complaint.Side ? complaint.Side : Side.Both;
            }
        }

        public Slot[] Left { get; }

        public Slot[] Right { get; }

        public Slot[] Combined { get; }

        public bool[] RatedPerSide { get; }

        public bool[] Observed { get; }

        public List<(MovementTest Test, MovementTestFinding Finding, Side Side)> MovementFindings { get; }

        public Side?[] ComplaintSides { get; }
    }

    /// <summary>A pattern judged on one view of the findings.</summary>
    private sealed class SideView(Side side)
    {
        public List<Evidence> Supporting { get; } = [];

        public List<Evidence> Extra { get; } = [];

        public List<Evidence> Contradicting { get; } = [];

        public List<string> Missing { get; } = [];

        public int Rated { get; set; }

        public bool UnderSupport { get; set; }

        public bool OverSupport { get; set; }

        public double Fit { get; set; }

        public double Coverage { get; set; }

        public double Bonus { get; set; }

        public double Score { get; set; }

        public bool Holds { get; set; }

        public SideFit ToSideFit() => new(side, Fit, Coverage, Holds);
    }

    /// <summary>The strongest overactive, strongest underactive and any normal rating of one muscle over its sides.</summary>
    internal struct Slot
    {
        public MuscleRating? Over;
        public MuscleRating? Under;
        public MuscleRating? Normal;

        public readonly bool IsRated => Over is not null || Under is not null || Normal is not null;

        /// <summary>The one rating of a single-side view.</summary>
        public readonly MuscleRating? Single => Over ?? Under ?? Normal;

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
