using System.Collections.Frozen;
using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Chains;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Figures;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Outcomes;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Catalog;

/// <summary>
/// All clinical reference data, loaded once from the embedded JSON files and validated at load: every
/// cross-reference resolves and every text has both a Dutch and an English version. Immutable and thread-safe.
/// </summary>
public sealed class ClinicalCatalog
{
    private static readonly Lazy<ClinicalCatalog> DefaultInstance =
        new(() => CatalogLoader.Load(CatalogLoader.ReadEmbedded), LazyThreadSafetyMode.ExecutionAndPublication);

    internal ClinicalCatalog()
    {
    }

    /// <summary>The catalog built from the embedded data files; loaded on first use.</summary>
    public static ClinicalCatalog Default => DefaultInstance.Value;

    /// <summary>Body-diagram regions, in drawing order.</summary>
    public required ImmutableArray<BodyRegion> Regions { get; init; }

    /// <summary>Regions by id.</summary>
    public required FrozenDictionary<string, BodyRegion> RegionsById { get; init; }

    /// <summary>Muscles and muscle groups.</summary>
    public required ImmutableArray<Muscle> Muscles { get; init; }

    /// <summary>Muscles by id.</summary>
    public required FrozenDictionary<string, Muscle> MusclesById { get; init; }

    /// <summary>Myofascial chains.</summary>
    public required ImmutableArray<MuscleChain> Chains { get; init; }

    /// <summary>Chains by id.</summary>
    public required FrozenDictionary<string, MuscleChain> ChainsById { get; init; }

    /// <summary>Compensation patterns, in data order; composite patterns name their components.</summary>
    public required ImmutableArray<CompensationPattern> Patterns { get; init; }

    /// <summary>Patterns by id.</summary>
    public required FrozenDictionary<string, CompensationPattern> PatternsById { get; init; }

    /// <summary>Posture, breathing and movement observations.</summary>
    public required ImmutableArray<ClinicalObservation> Observations { get; init; }

    /// <summary>Observations by id.</summary>
    public required FrozenDictionary<string, ClinicalObservation> ObservationsById { get; init; }

    /// <summary>Screening question groups, in conversation order.</summary>
    public required ImmutableArray<ScreeningGroup> ScreeningGroups { get; init; }

    /// <summary>Red-flag items, grouped in conversation order.</summary>
    public required ImmutableArray<RedFlagItem> RedFlags { get; init; }

    /// <summary>Red-flag items by id.</summary>
    public required FrozenDictionary<string, RedFlagItem> RedFlagsById { get; init; }

    /// <summary>Red-flag combinations that raise urgency.</summary>
    public required ImmutableArray<RedFlagCombination> RedFlagCombinations { get; init; }

    /// <summary>The advice text per urgency level.</summary>
    public required FrozenDictionary<Urgency, LocalizedText> AdviceByUrgency { get; init; }

    /// <summary>Yellow flags.</summary>
    public required ImmutableArray<YellowFlag> YellowFlags { get; init; }

    /// <summary>Yellow flags by id.</summary>
    public required FrozenDictionary<string, YellowFlag> YellowFlagsById { get; init; }

    /// <summary>Stress signals.</summary>
    public required ImmutableArray<StressSignal> StressSignals { get; init; }

    /// <summary>Stress signals by id.</summary>
    public required FrozenDictionary<string, StressSignal> StressSignalsById { get; init; }

    /// <summary>Patient conditions that exercise precautions refer to.</summary>
    public required ImmutableArray<PrecautionCondition> PrecautionConditions { get; init; }

    /// <summary>Precaution conditions by id.</summary>
    public required FrozenDictionary<string, PrecautionCondition> PrecautionConditionsById { get; init; }

    /// <summary>Exercise ids of the stress-regulation modules, in recommended order.</summary>
    public required ImmutableArray<string> StressModuleIds { get; init; }

    /// <summary>Exercises and self-care modules.</summary>
    public required ImmutableArray<Exercise> Exercises { get; init; }

    /// <summary>Exercises by id.</summary>
    public required FrozenDictionary<string, Exercise> ExercisesById { get; init; }

    /// <summary>Per exercise id: the start and end pose its picture is drawn from.</summary>
    public required FrozenDictionary<string, ExerciseFigure> FiguresByExerciseId { get; init; }

    /// <summary>Janda's movement tests with the findings a therapist can record.</summary>
    public required ImmutableArray<MovementTest> MovementTests { get; init; }

    /// <summary>Movement tests by id.</summary>
    public required FrozenDictionary<string, MovementTest> MovementTestsById { get; init; }

    /// <summary>Short own-words labels of the 16 Nijmegen Questionnaire items, by item number (index 0 = item 1).</summary>
    public required ImmutableArray<LocalizedText> NijmegenItems { get; init; }

    /// <summary>How the Nijmegen Questionnaire is scored, with a pointer to the official form.</summary>
    public required LocalizedText NijmegenNote { get; init; }

    /// <summary>Outcome questionnaires with own-words item labels.</summary>
    public required ImmutableArray<OutcomeInstrument> Instruments { get; init; }

    /// <summary>Outcome questionnaires by id.</summary>
    public required FrozenDictionary<string, OutcomeInstrument> InstrumentsById { get; init; }

    /// <summary>Per pattern index: indexes of the observations that support it.</summary>
    internal ImmutableArray<ImmutableArray<int>> ObservationIndexesByPattern { get; init; }

    /// <summary>Per pattern index: region indexes where it hurts.</summary>
    internal ImmutableArray<ImmutableArray<int>> PainRegionIndexesByPattern { get; init; }

    /// <summary>Per chain index: for each region index, whether a chain muscle lies there.</summary>
    internal ImmutableArray<ImmutableArray<bool>> ChainTouchesRegion { get; init; }

    /// <summary>Per pattern index, per recovery phase: the pattern's goal, built once so analyses share it.</summary>
    internal ImmutableArray<ImmutableArray<TreatmentGoal>> GoalsByPattern { get; init; }

    internal FrozenDictionary<string, int> ObservationIndexById { get; init; } = FrozenDictionary<string, int>.Empty;

    internal FrozenDictionary<string, int> RegionIndexById { get; init; } = FrozenDictionary<string, int>.Empty;
}
