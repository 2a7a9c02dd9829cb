using System.Collections;
using System.Collections.Immutable;
using System.Reflection;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Screening;
using RugcentrumPortal.Clinical.Text;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class CatalogTests
{
    [Fact]
    public void Default_catalog_loads_once_and_is_shared()
    {
        Assert.Same(ClinicalCatalog.Default, ClinicalCatalog.Default);
    }

    [Fact]
    public void Library_holds_at_least_40_muscles_and_45_exercises()
    {
        Assert.True(Lib.Muscles.Length >= 40, $"only {Lib.Muscles.Length} muscles");
        Assert.True(Lib.Exercises.Length >= 45, $"only {Lib.Exercises.Length} exercises");
    }

    [Theory]
    [InlineData("head-jaw")]
    [InlineData("neck")]
    [InlineData("shoulder")]
    [InlineData("upper-back")]
    [InlineData("chest")]
    [InlineData("abdomen")]
    [InlineData("low-back")]
    [InlineData("pelvis-si")]
    [InlineData("hip")]
    [InlineData("buttock")]
    [InlineData("thigh")]
    [InlineData("calf")]
    [InlineData("ankle-foot")]
    public void Muscles_cover_every_body_area_the_practice_treats(string regionId)
    {
        Assert.Contains(Lib.Muscles, m => m.RegionId == regionId);
    }

    [Fact]
    public void Muscles_include_breathing_muscles_and_both_layers()
    {
        Assert.Contains(Lib.Muscles, m => m.Id == "diaphragm" && m.IsBreathingMuscle);
        Assert.True(Lib.Muscles.Count(m => m.IsBreathingMuscle) >= 3);
        Assert.Contains(Lib.Muscles, m => m.Layer == MuscleLayer.DeepStabiliser);
        Assert.Contains(Lib.Muscles, m => m.Layer == MuscleLayer.SuperficialMover);
    }

    [Theory]
    [InlineData("superficial-back-line")]
    [InlineData("superficial-front-line")]
    [InlineData("lateral-line")]
    [InlineData("spiral-line")]
    [InlineData("deep-front-line")]
    [InlineData("superficial-front-arm-line")]
    [InlineData("deep-front-arm-line")]
    [InlineData("superficial-back-arm-line")]
    [InlineData("deep-back-arm-line")]
    [InlineData("back-functional-line")]
    [InlineData("front-functional-line")]
    public void Every_anatomy_trains_line_is_an_ordered_muscle_sequence(string chainId)
    {
        var chain = Lib.ChainsById[chainId];
        Assert.True(chain.MuscleIds.Length >= 3);
        Assert.All(chain.MuscleIds, id => Assert.True(Lib.MusclesById.ContainsKey(id)));
    }

    [Fact]
    public void Superficial_back_line_runs_from_foot_to_skull_in_order()
    {
        Assert.Equal(
            ["foot-intrinsics", "gastrocnemius", "hamstrings", "lumbar-erector-spinae", "thoracic-erector-spinae", "suboccipitals"],
            Lib.ChainsById["superficial-back-line"].MuscleIds.ToArray());
    }

    [Theory]
    [InlineData("gluteal-to-lumbar")]
    [InlineData("deep-trunk-to-neck")]
    [InlineData("scapular-to-upper-trapezius")]
    [InlineData("hip-to-quadriceps-knee")]
    [InlineData("hip-to-calf")]
    [InlineData("rotator-cuff-to-deltoid")]
    [InlineData("upper-crossed")]
    [InlineData("lower-crossed")]
    [InlineData("layered")]
    public void Every_named_pattern_has_both_muscle_sets_pain_regions_and_five_phase_goals(string patternId)
    {
        var pattern = Lib.PatternsById[patternId];
        Assert.NotEmpty(pattern.UnderactiveMuscleIds);
        Assert.NotEmpty(pattern.OveractiveMuscleIds);
        Assert.NotEmpty(pattern.PainRegionIds);
        Assert.Equal(Enum.GetValues<Patterns.RecoveryPhase>(), pattern.Goals.Select(g => g.Phase));
    }

    [Fact]
    public void Upper_crossed_follows_janda()
    {
        var pattern = Lib.PatternsById["upper-crossed"];
        Assert.Equal(["deep-neck-flexors", "middle-trapezius", "lower-trapezius", "serratus-anterior"], pattern.UnderactiveMuscleIds.ToArray());
        Assert.Equal(["upper-trapezius", "levator-scapulae", "pectoralis-major", "pectoralis-minor"], pattern.OveractiveMuscleIds.ToArray());
    }

    [Theory]
    [InlineData("upper-crossed", "scapular-to-upper-trapezius")]
    [InlineData("lower-crossed", "gluteal-to-lumbar")]
    [InlineData("layered", "upper-crossed")]
    [InlineData("layered", "lower-crossed")]
    public void Janda_syndromes_name_the_narrower_patterns_they_contain(string broadId, string narrowId)
    {
        var broad = Lib.PatternsById[broadId];
        var narrow = Lib.PatternsById[narrowId];
        Assert.Contains(narrowId, broad.ContainedPatternIds);
        Assert.Subset(broad.UnderactiveMuscleIds.ToHashSet(), narrow.UnderactiveMuscleIds.ToHashSet());
        Assert.Subset(broad.OveractiveMuscleIds.ToHashSet(), narrow.OveractiveMuscleIds.ToHashSet());
    }

    [Fact]
    public void Layered_syndrome_combines_upper_and_lower_crossed()
    {
        var layered = Lib.PatternsById["layered"];
        Assert.True(layered.IsComposite);
        Assert.Equal(["upper-crossed", "lower-crossed"], layered.ComponentPatternIds.ToArray());
        foreach (var component in layered.ComponentPatternIds.Select(id => Lib.PatternsById[id]))
        {
            Assert.Subset(layered.UnderactiveMuscleIds.ToHashSet(), component.UnderactiveMuscleIds.ToHashSet());
            Assert.Subset(layered.OveractiveMuscleIds.ToHashSet(), component.OveractiveMuscleIds.ToHashSet());
        }
    }

    [Fact]
    public void Red_flags_cover_every_category_and_the_practice_items()
    {
        Assert.Equal(Enum.GetValues<RedFlagCategory>().ToHashSet(), Lib.RedFlags.Select(r => r.Category).ToHashSet());
        Assert.Equal(
            new[] { "fever-illness", "night-pain", "numbness-tingling", "sudden-weakness", "weight-loss" },
            Lib.RedFlags.Where(r => r.NamedByPractice).Select(r => r.Id).Order());
        Assert.All(
            new[] { "saddle-numbness", "bladder-bowel-disturbance", "bilateral-leg-symptoms" },
            id => Assert.Equal(Urgency.Emergency, Lib.RedFlagsById[id].Urgency));
    }

    [Fact]
    public void Red_flag_questions_are_grouped_in_conversation_order()
    {
        var groupOrder = Lib.ScreeningGroups.Select(g => g.Id).ToList();
        var positions = Lib.RedFlags.Select(r => groupOrder.IndexOf(r.GroupId)).ToList();
        Assert.Equal(positions.Order(), positions);
        Assert.All(Lib.RedFlags.Where(r => !r.IsAsked), r => Assert.Equal("age-at-onset", r.GroupId));
    }

    [Theory]
    [InlineData("progressive-muscle-relaxation")]
    [InlineData("progressive-muscle-relaxation-short")]
    [InlineData("breathing-4-6")]
    [InlineData("breathing-4-7-8")]
    [InlineData("micro-pause-routine")]
    [InlineData("walking")]
    [InlineData("workplace-check")]
    [InlineData("body-awareness-check")]
    [InlineData("chin-tuck")]
    [InlineData("scapular-setting")]
    [InlineData("wall-slide")]
    [InlineData("bridge")]
    [InlineData("clamshell")]
    [InlineData("side-plank")]
    [InlineData("dead-bug")]
    [InlineData("bird-dog")]
    [InlineData("hip-hinge")]
    [InlineData("pelvic-tilt")]
    [InlineData("thoracic-rotation")]
    [InlineData("rotator-cuff-external-rotation")]
    [InlineData("single-leg-stance")]
    [InlineData("transversus-activation-breathing")]
    [InlineData("hip-flexor-stretch")]
    [InlineData("pectoral-stretch")]
    [InlineData("calf-raise")]
    public void Library_contains_the_exercises_the_patterns_and_modules_need(string exerciseId)
    {
        var exercise = Lib.ExercisesById[exerciseId];
        Assert.True(exercise.Steps.Length >= 2);
        Assert.NotEmpty(exercise.Cues);
        Assert.NotEmpty(exercise.CommonMistakes);
    }

    [Fact]
    public void Every_exercise_phase_is_represented()
    {
        Assert.Equal(Enum.GetValues<ExercisePhase>().ToHashSet(), Lib.Exercises.Select(e => e.Phase).ToHashSet());
    }

    [Fact]
    public void Relaxation_and_breath_hold_carry_the_practice_precautions()
    {
        var pmr = Lib.ExercisesById["progressive-muscle-relaxation"].Precautions.Select(p => p.ConditionId).ToHashSet();
        Assert.Subset(pmr, new HashSet<string> { "trauma-complaints", "heart-lung-condition", "disc-herniation", "severe-arthrosis", "muscle-disease" });
        var breathHold = Lib.ExercisesById["breathing-4-7-8"].Precautions.Single(p => p.ConditionId == "heart-lung-condition");
        Assert.Equal(PrecautionAction.Avoid, breathHold.Action);
    }

    [Fact]
    public void Dosage_description_is_readable_in_both_languages()
    {
        var text = Lib.ExercisesById["chin-tuck"].DefaultDosage.Describe();
        Assert.Equal("2 x 10 herhalingen, 5 s vasthouden, 3x per dag", text.Nl);
        Assert.Equal("2 x 10 repetitions, hold 5 s, 3x a day", text.En);
    }

    /// <summary>Phase goals are copied into the plan the patient reads and prints, so they speak the patient's words.</summary>
    [Fact]
    public void Phase_goals_that_patients_read_carry_no_therapist_jargon()
    {
        string[] jargon = ["heupgedomineerd", "anti-rotatie", "rotatorenmanchet", "monnikskap", "deltaspier", "nekbuiger", "zaagspier",
            "heupscharnier", "gecentreerd", "neutraal bekken", "schouderbladheffer", "heupdraaier", "transversus", "hip-dominant", "rotator cuff"];

        var goals = Lib.Patterns.SelectMany(p => p.Goals).SelectMany(g => new[] { g.Text.Nl, g.Text.En }).ToList();

        Assert.NotEmpty(goals);
        Assert.DoesNotContain(goals, g => jargon.Any(j => g.Contains(j, StringComparison.OrdinalIgnoreCase)));
    }

    [Theory]
    [InlineData(1, null, 1, "1 serie, 1 minuut", "1 set, 1 minute")]
    [InlineData(null, 1, null, "1 herhaling", "1 repetition")]
    [InlineData(3, 1, 2, "3 x 1 herhaling, 2 minuten", "3 x 1 repetition, 2 minutes")]
    public void Dosage_description_says_one_in_the_singular(int? sets, int? reps, int? minutes, string nl, string en)
    {
        var text = new Dosage { Sets = sets, Repetitions = reps, Minutes = minutes }.Describe();

        Assert.Equal((nl, en), (text.Nl, text.En));
    }

    [Fact]
    public void Every_text_in_the_catalog_has_dutch_and_english()
    {
        var texts = new List<(string Path, LocalizedText Text)>();
        Collect(Lib, "catalog", texts, new HashSet<object>(ReferenceEqualityComparer.Instance));
        Assert.True(texts.Count > 700, $"walked only {texts.Count} texts");
        Assert.All(texts, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Text.Nl), t.Path + " lacks nl");
            Assert.False(string.IsNullOrWhiteSpace(t.Text.En), t.Path + " lacks en");
        });
    }

    [Fact]
    public void Every_cross_reference_in_the_catalog_resolves()
    {
        Assert.All(Lib.Muscles, m => Assert.True(Lib.RegionsById.ContainsKey(m.RegionId), m.Id));
        Assert.All(Lib.Patterns.SelectMany(p => p.UnderactiveMuscleIds.Concat(p.OveractiveMuscleIds)), id => Assert.True(Lib.MusclesById.ContainsKey(id), id));
        Assert.All(Lib.Patterns.SelectMany(p => p.PainRegionIds), id => Assert.True(Lib.RegionsById.ContainsKey(id), id));
        Assert.All(Lib.Observations.SelectMany(o => o.SupportsPatternIds), id => Assert.True(Lib.PatternsById.ContainsKey(id), id));
        Assert.All(Lib.Exercises.SelectMany(e => e.TargetMuscleIds.Concat(e.ReleasedMuscleIds)), id => Assert.True(Lib.MusclesById.ContainsKey(id), id));
        Assert.All(Lib.Exercises.SelectMany(e => e.ProgressionIds.Concat(e.RegressionIds)), id => Assert.True(Lib.ExercisesById.ContainsKey(id), id));
        Assert.All(Lib.Exercises.SelectMany(e => e.Precautions), p => Assert.True(Lib.PrecautionConditionsById.ContainsKey(p.ConditionId), p.ConditionId));
        Assert.All(Lib.RedFlagCombinations.SelectMany(c => c.ItemIds), id => Assert.True(Lib.RedFlagsById.ContainsKey(id), id));
        Assert.All(Lib.RedFlagCombinations, c => Assert.InRange(c.MinimumPresent, 2, c.ItemIds.Length));
        Assert.All(Lib.StressSignals.SelectMany(s => s.LinkedRedFlagIds), id => Assert.True(Lib.RedFlagsById.ContainsKey(id), id));
        Assert.All(Lib.StressModuleIds, id => Assert.True(Lib.ExercisesById[id].IsSelfCareModule, id));
    }

    public static TheoryData<string, string, string, string> BrokenData => new()
    {
        { "chains.json", "\"hamstrings\", \"lumbar-erector-spinae\", \"thoracic", "\"no-such-muscle\", \"lumbar-erector-spinae\", \"thoracic", "unknown muscle id 'no-such-muscle'" },
        { "muscles.json", "\"en\": \"Masseter\"", "\"en\": \"\"", "muscles[masseter].name: missing English (en) text" },
        { "patterns.json", "\"components\": [\"upper-crossed\", \"lower-crossed\"]", "\"components\": [\"upper-crossed\", \"lower-crosed\"]", "unknown simple pattern id 'lower-crosed'" },
        { "exercises.json", "\"dead-bug\",\n      \"bird-dog\"", "\"dead-bug\",\n      \"bird-dogg\"", "unknown exercise id 'bird-dogg'" },
        { "exercises.json", "\"condition\": \"trauma-complaints\"", "\"condition\": \"ptss\"", "unknown precaution condition id 'ptss'" },
        { "screening.json", "\"items\": [\"night-pain\", \"weight-loss\"]", "\"items\": [\"night-pain\", \"weightloss\"]", "unknown red flag id 'weightloss'" },
        { "observations.json", "\"supports\": [\"rotator-cuff-to-deltoid\"]", "\"supports\": [\"cuff\"]", "unknown pattern id 'cuff'" },
        { "regions.json", "\"id\": \"knee\"", "\"id\": \"Knee\"", "id 'Knee' must be kebab-case" },
        { "examination.json", "\"supports\": [\"upper-crossed\"]", "\"supports\": [\"upper-cross\"]", "unknown pattern id 'upper-cross'" },
        { "examination.json", "\"overactive\": [\"iliopsoas\"]", "\"overactive\": [\"psoas\"]", "unknown muscle id 'psoas'" },
        { "patterns.json", "\"components\": [\"upper-crossed\", \"lower-crossed\"],", "\"components\": [\"upper-crossed\", \"lower-crossed\"], \"contains\": [\"hip-to-calf\"],", "a composite pattern contains its components and must not list others" },
        { "patterns.json", "\"contains\": [\"gluteal-to-lumbar\"]", "\"contains\": [\"hip-to-calf\"]", "'hip-to-calf' expects 'gastrocnemius' overactive, which this pattern does not" },
    };

    [Theory]
    [MemberData(nameof(BrokenData))]
    public void Loading_fails_on_a_dangling_id_or_missing_translation(string file, string find, string replace, string expectedProblem)
    {
        var files = DataFiles();
        Assert.Contains(find, files[file]);
        files[file] = files[file].Replace(find, replace);

        var ex = Assert.Throws<ClinicalDataException>(() => CatalogLoader.Load(f => files[f]));

        Assert.Contains(ex.Problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void Loading_fails_when_step_translations_do_not_line_up()
    {
        var files = DataFiles();
        files["exercises.json"] = files["exercises.json"].Replace("\"Return slowly.\"", "\"Return slowly.\", \"Extra step.\"");

        var ex = Assert.Throws<ClinicalDataException>(() => CatalogLoader.Load(f => files[f]));

        Assert.Contains(ex.Problems, p => p.Contains("every entry needs both", StringComparison.Ordinal));
    }

    [Fact]
    public void Loading_the_unchanged_files_succeeds()
    {
        var files = DataFiles();
        var catalog = CatalogLoader.Load(f => files[f]);
        Assert.Equal(Lib.Exercises.Length, catalog.Exercises.Length);
    }

    private static void Collect(object? value, string path, List<(string, LocalizedText)> texts, HashSet<object> seen)
    {
        switch (value)
        {
            case null or string or Enum:
                return;
            case LocalizedText text:
                texts.Add((path, text));
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var i = 0;
            foreach (var item in sequence)
            {
                var element = item;
                if (element is not null && element.GetType().IsGenericType && element.GetType().GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
                {
                    element = element.GetType().GetProperty("Value")!.GetValue(element);
                }

                Collect(element, $"{path}[{i++}]", texts, seen);
            }

            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
            {
                Collect(property.GetValue(value), $"{path}.{property.Name}", texts, seen);
            }
        }
    }
}
