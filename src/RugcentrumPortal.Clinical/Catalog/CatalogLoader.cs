using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
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
/// Builds a <see cref="ClinicalCatalog"/> from the data files and refuses to build one with any problem, so a
/// clinician's edit that breaks a reference fails at start-up and in the tests rather than in a consultation.
/// </summary>
internal static partial class CatalogLoader
{
    internal static readonly string[] FileNames =
    [
        "regions.json", "muscles.json", "chains.json", "observations.json", "patterns.json",
        "screening.json", "exercises.json", "instruments.json", "examination.json", "poses.json",
    ];

    private static readonly Dictionary<string, int> ExpectedInstrumentItems = new()
    {
        ["odi"] = 10,
        ["ndi"] = 10,
        ["qbpds"] = 20,
        ["start-back"] = 9,
    };

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    internal static string ReadEmbedded(string fileName)
    {
        var name = "RugcentrumPortal.Clinical.Data." + fileName;
        using var stream = typeof(ClinicalAssembly).Assembly.GetManifestResourceStream(name)
            ?? throw new ClinicalDataException([$"embedded data file '{fileName}' is missing"]);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    internal static ClinicalCatalog Load(Func<string, string> readFile)
    {
        var p = new List<string>();

        var regionDtos = Parse<List<RegionDto>>(readFile, "regions.json", p) ?? [];
        var muscleDtos = Parse<List<MuscleDto>>(readFile, "muscles.json", p) ?? [];
        var chainDtos = Parse<List<ChainDto>>(readFile, "chains.json", p) ?? [];
        var observationDtos = Parse<List<ObservationDto>>(readFile, "observations.json", p) ?? [];
        var patternDtos = Parse<List<PatternDto>>(readFile, "patterns.json", p) ?? [];
        var screeningDto = Parse<ScreeningDto>(readFile, "screening.json", p) ?? new ScreeningDto();
        var exerciseDtos = Parse<List<ExerciseDto>>(readFile, "exercises.json", p) ?? [];
        var instrumentDtos = Parse<List<InstrumentDto>>(readFile, "instruments.json", p) ?? [];
        var examinationDto = Parse<ExaminationDto>(readFile, "examination.json", p) ?? new ExaminationDto();
        var figureDtos = Parse<Dictionary<string, FigureDto>>(readFile, "poses.json", p) ?? [];

        var regions = new List<BodyRegion>();
        foreach (var (dto, i) in regionDtos.Select((d, i) => (d, i)))
        {
            var at = Where("regions", dto.Id, i);
            regions.Add(new BodyRegion(Id(dto.Id, at, p), Text(dto.Name, at + ".name", p), dto.HasSides, Required(dto.View, at + ".view", p)));
        }

        var regionIds = UniqueIds(regions.Select(r => r.Id), "regions", p);

        var muscles = new List<Muscle>();
        foreach (var (dto, i) in muscleDtos.Select((d, i) => (d, i)))
        {
            var at = Where("muscles", dto.Id, i);
            muscles.Add(new Muscle
            {
                Id = Id(dto.Id, at, p),
                Name = Text(dto.Name, at + ".name", p),
                RegionId = Ref(dto.Region, regionIds, at + ".region", "region", p),
                Layer = Required(dto.Layer, at + ".layer", p),
                HasSides = Required(dto.HasSides, at + ".hasSides", p),
                IsBreathingMuscle = dto.Breathing,
                Index = i,
            });
        }

        var muscleIds = UniqueIds(muscles.Select(m => m.Id), "muscles", p);
        var muscleIndex = IndexOf(muscles.Select(m => m.Id));

        var chains = new List<MuscleChain>();
        foreach (var (dto, i) in chainDtos.Select((d, i) => (d, i)))
        {
            var at = Where("chains", dto.Id, i);
            var ids = Refs(dto.Muscles, muscleIds, at + ".muscles", "muscle", p, minimum: 2);
            chains.Add(new MuscleChain
            {
                Id = Id(dto.Id, at, p),
                Name = Text(dto.Name, at + ".name", p),
                Description = Text(dto.Description, at + ".description", p),
                MuscleIds = ids,
                MuscleIndexes = Indexes(ids, muscleIndex),
            });
        }

        UniqueIds(chains.Select(c => c.Id), "chains", p);

        var patternIds = UniqueIds(patternDtos.Select(d => d.Id ?? string.Empty), "patterns", p);
        var simpleById = patternDtos.Where(d => d.Components is not { Count: > 0 } && d.Id is not null)
            .GroupBy(d => d.Id!).ToDictionary(g => g.Key, g => g.First());
        var patterns = new List<CompensationPattern>();
        foreach (var (dto, i) in patternDtos.Select((d, i) => (d, i)))
        {
            var at = Where("patterns", dto.Id, i);
            var components = dto.Components is { Count: > 0 }
                ? Refs(dto.Components, simpleById.Keys.ToHashSet(), at + ".components", "simple pattern", p, minimum: 2)
                : [];
            ImmutableArray<string> under, over;
            if (components.Length > 0)
            {
                if (dto.Underactive is { Count: > 0 } || dto.Overactive is { Count: > 0 })
                {
                    p.Add($"{at}: a composite pattern takes its muscles from its components and must not list its own");
                }

                if (dto.Contains is { Count: > 0 })
                {
                    p.Add($"{at}: a composite pattern contains its components and must not list others");
                }

                var known = components.Where(simpleById.ContainsKey).Select(c => simpleById[c]).ToList();
                under = [.. known.SelectMany(c => c.Underactive ?? []).Where(muscleIds.Contains).Distinct()];
                over = [.. known.SelectMany(c => c.Overactive ?? []).Where(muscleIds.Contains).Distinct()];
            }
            else
            {
                under = Refs(dto.Underactive, muscleIds, at + ".underactive", "muscle", p, minimum: 1);
                over = Refs(dto.Overactive, muscleIds, at + ".overactive", "muscle", p, minimum: 1);
            }

            foreach (var both in under.Intersect(over))
            {
                p.Add($"{at}: muscle '{both}' is listed as both underactive and overactive");
            }

            patterns.Add(new CompensationPattern
            {
                Id = Id(dto.Id, at, p),
                Source = Required(dto.Source, at + ".source", p),
                Name = Text(dto.Name, at + ".name", p),
                Description = Text(dto.Description, at + ".description", p),
                UnderactiveMuscleIds = under,
                OveractiveMuscleIds = over,
                PainRegionIds = Refs(dto.PainRegions, regionIds, at + ".painRegions", "region", p, minimum: 1),
                ComponentPatternIds = components,
                ContainedPatternIds = components.Length > 0 ? components : Contained(dto, simpleById, at, p),
                Goals = Goals(dto.Goals, at + ".goals", p),
                UnderactiveIndexes = Indexes(under, muscleIndex),
                OveractiveIndexes = Indexes(over, muscleIndex),
                Index = i,
            });
        }

        var observations = new List<ClinicalObservation>();
        foreach (var (dto, i) in observationDtos.Select((d, i) => (d, i)))
        {
            var at = Where("observations", dto.Id, i);
            observations.Add(new ClinicalObservation
            {
                Id = Id(dto.Id, at, p),
                Kind = Required(dto.Kind, at + ".kind", p),
                Name = Text(dto.Name, at + ".name", p),
                SupportsPatternIds = Refs(dto.Supports, patternIds, at + ".supports", "pattern", p, minimum: 1),
            });
        }

        UniqueIds(observations.Select(o => o.Id), "observations", p);

        var movementTests = MovementTests(examinationDto.MovementTests, muscleIds, patternIds, p);
        var nijmegenItems = TextList(examinationDto.Nijmegen?.Items, "nijmegen.items", p, minimum: ExaminationScoring.NijmegenItemCount);
        if (nijmegenItems.Length != ExaminationScoring.NijmegenItemCount)
        {
            p.Add($"nijmegen.items: the questionnaire has {ExaminationScoring.NijmegenItemCount} items, not {nijmegenItems.Length}");
        }

        var conditions = new List<PrecautionCondition>();
        foreach (var (dto, i) in (screeningDto.PrecautionConditions ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("precautionConditions", dto.Id, i);
            conditions.Add(new PrecautionCondition(Id(dto.Id, at, p), Text(dto.Name, at + ".name", p), Text(dto.Question, at + ".question", p)));
        }

        var conditionIds = UniqueIds(conditions.Select(c => c.Id), "precautionConditions", p);

        var groups = new List<ScreeningGroup>();
        foreach (var (dto, i) in (screeningDto.Groups ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("groups", dto.Id, i);
            groups.Add(new ScreeningGroup(Id(dto.Id, at, p), Text(dto.Name, at + ".name", p)));
        }

        var groupIds = UniqueIds(groups.Select(g => g.Id), "groups", p);

        var redFlags = new List<RedFlagItem>();
        foreach (var (dto, i) in (screeningDto.RedFlags ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("redFlags", dto.Id, i);
            redFlags.Add(new RedFlagItem
            {
                Id = Id(dto.Id, at, p),
                GroupId = Ref(dto.Group, groupIds, at + ".group", "group", p),
                Category = Required(dto.Category, at + ".category", p),
                Urgency = Required(dto.Urgency, at + ".urgency", p),
                Question = Text(dto.Question, at + ".question", p),
                Finding = Text(dto.Finding, at + ".finding", p),
                NamedByPractice = dto.Practice,
                AgeRule = dto.AgeRule,
                ImpliesPrecautionIds = Refs(dto.Precautions, conditionIds, at + ".precautions", "precaution condition", p, minimum: 0),
            });
        }

        var redFlagIds = UniqueIds(redFlags.Select(r => r.Id), "redFlags", p);
        foreach (var flag in redFlags.Where(f => f.Urgency == Urgency.None))
        {
            p.Add($"redFlags[{flag.Id}]: urgency 'none' is reserved for 'nothing found'");
        }

        // Conversation order: questions of one group stay together, groups in their declared order.
        redFlags = [.. redFlags.OrderBy(f => groups.FindIndex(g => g.Id == f.GroupId)).ThenBy(f => redFlags.IndexOf(f))];

        var combinations = new List<RedFlagCombination>();
        foreach (var (dto, i) in (screeningDto.Combinations ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("combinations", dto.Id, i);
            var items = Refs(dto.Items, redFlagIds, at + ".items", "red flag", p, minimum: 2);
            var atLeast = dto.AtLeast ?? items.Length;
            if (atLeast < 2 || atLeast > items.Length)
            {
                p.Add($"{at}.atLeast: {atLeast} must be between 2 and the number of items ({items.Length})");
            }

            var urgency = Required(dto.Urgency, at + ".urgency", p);
            foreach (var weaker in redFlags.Where(f => items.Contains(f.Id) && f.Urgency > urgency))
            {
                p.Add($"{at}: urgency '{urgency}' is lower than that of its item '{weaker.Id}'; a combination never weighs less than its parts");
            }

            combinations.Add(new RedFlagCombination
            {
                Id = Id(dto.Id, at, p),
                ItemIds = items,
                MinimumPresent = atLeast,
                Urgency = urgency,
                Explanation = Text(dto.Explanation, at + ".explanation", p),
            });
        }

        UniqueIds(combinations.Select(c => c.Id), "combinations", p);

        var advice = new Dictionary<Urgency, LocalizedText>();
        foreach (var (key, text) in screeningDto.Advice ?? [])
        {
            if (Enum.TryParse<Urgency>(key, ignoreCase: true, out var urgency) && Enum.IsDefined(urgency) && !int.TryParse(key, out _))
            {
                advice[urgency] = Text(text, $"advice.{key}", p);
            }
            else
            {
                p.Add($"advice: '{key}' is not an urgency level");
            }
        }

        foreach (var urgency in Enum.GetValues<Urgency>().Where(u => !advice.ContainsKey(u)))
        {
            p.Add($"advice: no advice text for urgency '{urgency}'");
        }

        var yellowFlags = new List<YellowFlag>();
        foreach (var (dto, i) in (screeningDto.YellowFlags ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("yellowFlags", dto.Id, i);
            yellowFlags.Add(new YellowFlag
            {
                Id = Id(dto.Id, at, p),
                Question = Text(dto.Question, at + ".question", p),
                Finding = Text(dto.Finding, at + ".finding", p),
                ImpliesPrecautionIds = Refs(dto.Precautions, conditionIds, at + ".precautions", "precaution condition", p, minimum: 0),
            });
        }

        UniqueIds(yellowFlags.Select(y => y.Id), "yellowFlags", p);

        var stressSignals = new List<StressSignal>();
        foreach (var (dto, i) in (screeningDto.StressSignals ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("stressSignals", dto.Id, i);
            stressSignals.Add(new StressSignal(Id(dto.Id, at, p), Text(dto.Question, at + ".question", p), Text(dto.Finding, at + ".finding", p))
            {
                LinkedRedFlagIds = Refs(dto.RedFlags, redFlagIds, at + ".redFlags", "red flag", p, minimum: 0),
            });
        }

        UniqueIds(stressSignals.Select(s => s.Id), "stressSignals", p);

        var exerciseIds = UniqueIds(exerciseDtos.Select(d => d.Id ?? string.Empty), "exercises", p);
        var exercises = new List<Exercise>();
        foreach (var (dto, i) in exerciseDtos.Select((d, i) => (d, i)))
        {
            var at = Where("exercises", dto.Id, i);
            var id = Id(dto.Id, at, p);
            var targets = Refs(dto.Targets, muscleIds, at + ".targets", "muscle", p, minimum: 0);
            var releases = Refs(dto.Releases, muscleIds, at + ".releases", "muscle", p, minimum: 0);
            if (!dto.SelfCare && targets.Length + releases.Length == 0)
            {
                p.Add($"{at}: an exercise must target or release at least one muscle");
            }

            var progressions = Refs(dto.Progressions, exerciseIds, at + ".progressions", "exercise", p, minimum: 0);
            var regressions = Refs(dto.Regressions, exerciseIds, at + ".regressions", "exercise", p, minimum: 0);
            if (progressions.Contains(id) || regressions.Contains(id))
            {
                p.Add($"{at}: an exercise cannot be its own progression or regression");
            }

            exercises.Add(new Exercise
            {
                Id = id,
                Phase = Required(dto.Phase, at + ".phase", p),
                IsSelfCareModule = dto.SelfCare,
                Title = Text(dto.Title, at + ".title", p),
                Purpose = Text(dto.Purpose, at + ".purpose", p),
                Steps = TextList(dto.Steps, at + ".steps", p, minimum: 2),
                Cues = TextList(dto.Cues, at + ".cues", p, minimum: 1),
                CommonMistakes = TextList(dto.Mistakes, at + ".mistakes", p, minimum: 1),
                DefaultDosage = Dosage(dto.Dosage, at + ".dosage", p),
                TargetMuscleIds = targets,
                ReleasedMuscleIds = releases,
                ProgressionIds = progressions,
                RegressionIds = regressions,
                Precautions = Precautions(dto.Precautions, conditionIds, at + ".precautions", p),
                TargetIndexes = Indexes(targets, muscleIndex),
                ReleasedIndexes = Indexes(releases, muscleIndex),
                Index = i,
            });
        }

        var figures = Figures(figureDtos, exerciseIds, p);

        var stressModules = Refs(screeningDto.StressModules, exerciseIds, "stressModules", "exercise", p, minimum: 1);
        foreach (var module in stressModules.Where(m => exercises.Any(e => e.Id == m && !e.IsSelfCareModule)))
        {
            p.Add($"stressModules: '{module}' is not a self-care module");
        }

        var instruments = new List<OutcomeInstrument>();
        foreach (var (dto, i) in instrumentDtos.Select((d, i) => (d, i)))
        {
            var at = Where("instruments", dto.Id, i);
            var labels = TextList(dto.Items, at + ".items", p, minimum: 1);
            if (dto.Id is not null && ExpectedInstrumentItems.TryGetValue(dto.Id, out var expected) && labels.Length != expected)
            {
                p.Add($"{at}: expected {expected} item labels, found {labels.Length}");
            }

            instruments.Add(new OutcomeInstrument
            {
                Id = Id(dto.Id, at, p),
                Name = Text(dto.Name, at + ".name", p),
                ItemMin = dto.ItemMin,
                ItemMax = dto.ItemMax,
                ItemLabels = labels,
                Note = Text(dto.Note, at + ".note", p),
            });
        }

        UniqueIds(instruments.Select(x => x.Id), "instruments", p);
        foreach (var missing in ExpectedInstrumentItems.Keys.Where(k => instruments.All(x => x.Id != k)))
        {
            p.Add($"instruments: '{missing}' is missing");
        }

        if (p.Count > 0)
        {
            throw new ClinicalDataException(p);
        }

        var regionIndex = IndexOf(regions.Select(r => r.Id));
        var observationIndex = IndexOf(observations.Select(o => o.Id));
        var regionByMuscle = muscles.Select(m => regionIndex[m.RegionId]).ToImmutableArray();

        return new ClinicalCatalog
        {
            Regions = [.. regions],
            RegionsById = regions.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal),
            Muscles = [.. muscles],
            MusclesById = muscles.ToFrozenDictionary(m => m.Id, StringComparer.Ordinal),
            Chains = [.. chains],
            ChainsById = chains.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal),
            Patterns = [.. patterns],
            PatternsById = patterns.ToFrozenDictionary(x => x.Id, StringComparer.Ordinal),
            Observations = [.. observations],
            ObservationsById = observations.ToFrozenDictionary(o => o.Id, StringComparer.Ordinal),
            ScreeningGroups = [.. groups],
            RedFlags = [.. redFlags],
            RedFlagsById = redFlags.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal),
            RedFlagCombinations = [.. combinations],
            AdviceByUrgency = advice.ToFrozenDictionary(),
            YellowFlags = [.. yellowFlags],
            YellowFlagsById = yellowFlags.ToFrozenDictionary(y => y.Id, StringComparer.Ordinal),
            StressSignals = [.. stressSignals],
            StressSignalsById = stressSignals.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal),
            PrecautionConditions = [.. conditions],
            PrecautionConditionsById = conditions.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal),
            StressModuleIds = stressModules,
            Exercises = [.. exercises],
            ExercisesById = exercises.ToFrozenDictionary(e => e.Id, StringComparer.Ordinal),
            FiguresByExerciseId = figures,
            MovementTests = movementTests,
            MovementTestsById = movementTests.ToFrozenDictionary(t => t.Id, StringComparer.Ordinal),
            NijmegenItems = nijmegenItems,
            NijmegenNote = Text(examinationDto.Nijmegen?.Note, "nijmegen.note", p),
            Instruments = [.. instruments],
            InstrumentsById = instruments.ToFrozenDictionary(x => x.Id, StringComparer.Ordinal),
            ObservationIndexesByPattern =
            [
                .. patterns.Select(pattern => observations
                    .Where(o => o.SupportsPatternIds.Contains(pattern.Id))
                    .Select(o => observationIndex[o.Id])
                    .ToImmutableArray()),
            ],
            PainRegionIndexesByPattern = [.. patterns.Select(x => x.PainRegionIds.Select(r => regionIndex[r]).ToImmutableArray())],
            ChainTouchesRegion =
            [
                .. chains.Select(c =>
                {
                    var touches = new bool[regions.Count];
                    foreach (var m in c.MuscleIndexes)
                    {
                        touches[regionByMuscle[m]] = true;
                    }

                    return ImmutableArray.Create(touches);
                }),
            ],
            GoalsByPattern = [.. patterns.Select(x => x.Goals.Select(g => new TreatmentGoal(g.Text, x.Id)).ToImmutableArray())],
            ObservationIndexById = observationIndex.ToFrozenDictionary(StringComparer.Ordinal),
            RegionIndexById = regionIndex.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private static T? Parse<T>(Func<string, string> readFile, string fileName, List<string> p)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(readFile(fileName), JsonOptions);
            if (value is null)
            {
                p.Add($"{fileName}: empty document");
            }

            return value;
        }
        catch (JsonException ex)
        {
            p.Add($"{fileName}: {ex.Message}");
            return null;
        }
    }

    private static string Where(string kind, string? id, int index) => $"{kind}[{id ?? "#" + index}]";

    private static string Id(string? id, string at, List<string> p)
    {
        if (string.IsNullOrEmpty(id) || !KebabCase().IsMatch(id))
        {
            p.Add($"{at}: id '{id}' must be kebab-case");
        }

        return id ?? string.Empty;
    }

    private static T Required<T>(T? value, string at, List<string> p)
        where T : struct
    {
        if (value is null)
        {
            p.Add($"{at}: missing value");
        }

        return value ?? default;
    }

    private static LocalizedText Text(TextDto? dto, string at, List<string> p)
    {
        if (string.IsNullOrWhiteSpace(dto?.Nl))
        {
            p.Add($"{at}: missing Dutch (nl) text");
        }

        if (string.IsNullOrWhiteSpace(dto?.En))
        {
            p.Add($"{at}: missing English (en) text");
        }

        return new LocalizedText(dto?.Nl ?? string.Empty, dto?.En ?? string.Empty);
    }

    private static ImmutableArray<LocalizedText> TextList(TextListDto? dto, string at, List<string> p, int minimum)
    {
        var nl = dto?.Nl ?? [];
        var en = dto?.En ?? [];
        if (nl.Count != en.Count)
        {
            p.Add($"{at}: {nl.Count} Dutch (nl) and {en.Count} English (en) entries; every entry needs both");
        }

        if (nl.Count < minimum)
        {
            p.Add($"{at}: needs at least {minimum} entries");
        }

        var count = Math.Max(nl.Count, en.Count);
        var result = ImmutableArray.CreateBuilder<LocalizedText>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(Text(new TextDto { Nl = i < nl.Count ? nl[i] : null, En = i < en.Count ? en[i] : null }, $"{at}[{i}]", p));
        }

        return result.MoveToImmutable();
    }

    private static HashSet<string> UniqueIds(IEnumerable<string> ids, string kind, List<string> p)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !set.Add(id)))
        {
            p.Add($"{kind}: duplicate id '{id}'");
        }

        return set;
    }

    private static string Ref(string? id, HashSet<string> known, string at, string kind, List<string> p)
    {
        if (id is null || !known.Contains(id))
        {
            p.Add($"{at}: unknown {kind} id '{id}'");
        }

        return id ?? string.Empty;
    }

    private static ImmutableArray<string> Refs(List<string>? ids, HashSet<string> known, string at, string kind, List<string> p, int minimum)
    {
        ids ??= [];
        if (ids.Count < minimum)
        {
            p.Add($"{at}: needs at least {minimum} {kind} id(s)");
        }

        foreach (var id in ids.Where(id => !known.Contains(id)))
        {
            p.Add($"{at}: unknown {kind} id '{id}'");
        }

        if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
        {
            p.Add($"{at}: lists the same {kind} id twice");
        }

        return [.. ids];
    }

    private static Dictionary<string, int> IndexOf(IEnumerable<string> ids)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            result.TryAdd(id, result.Count);
        }

        return result;
    }

    private static ImmutableArray<int> Indexes(ImmutableArray<string> ids, Dictionary<string, int> index) =>
        [.. ids.Where(index.ContainsKey).Select(id => index[id])];

    private static ImmutableArray<MovementTest> MovementTests(List<MovementTestDto>? dtos, HashSet<string> muscleIds, HashSet<string> patternIds, List<string> p)
    {
        var tests = new List<MovementTest>();
        foreach (var (dto, i) in (dtos ?? []).Select((d, i) => (d, i)))
        {
            var at = Where("movementTests", dto.Id, i);
            var testId = Id(dto.Id, at, p);
            var findings = new List<MovementTestFinding>();
            foreach (var (finding, j) in (dto.Findings ?? []).Select((f, j) => (f, j)))
            {
                var here = Where($"{at}.findings", finding.Id, j);
                var under = Refs(finding.Underactive, muscleIds, here + ".underactive", "muscle", p, minimum: 0);
                var over = Refs(finding.Overactive, muscleIds, here + ".overactive", "muscle", p, minimum: 0);
                if (under.Length + over.Length == 0)
                {
                    p.Add($"{here}: name at least one muscle the finding points to");
                }

                findings.Add(new MovementTestFinding
                {
                    Id = Id(finding.Id, here, p),
                    TestId = testId,
                    Name = Text(finding.Name, here + ".name", p),
                    SupportsPatternIds = Refs(finding.Supports, patternIds, here + ".supports", "pattern", p, minimum: 1),
                    UnderactiveMuscleIds = under,
                    OveractiveMuscleIds = over,
                });
            }

            if (findings.Count == 0)
            {
                p.Add($"{at}: needs at least one finding");
            }

            tests.Add(new MovementTest
            {
                Id = testId,
                Name = Text(dto.Name, at + ".name", p),
                Normal = Text(dto.Normal, at + ".normal", p),
                HasSides = Required(dto.HasSides, at + ".hasSides", p),
                Findings = [.. findings],
            });
        }

        UniqueIds(tests.Select(t => t.Id), "movementTests", p);
        UniqueIds(tests.SelectMany(t => t.Findings).Select(f => f.Id), "movement test findings", p);
        return [.. tests];
    }

    // A contained pattern must be a strict part of its container, so showing it "as part of" never hides a muscle.
    private static ImmutableArray<string> Contained(PatternDto dto, Dictionary<string, PatternDto> simpleById, string at, List<string> p)
    {
        var ids = Refs(dto.Contains, simpleById.Keys.ToHashSet(), at + ".contains", "simple pattern", p, minimum: 0);
        foreach (var id in ids.Where(simpleById.ContainsKey))
        {
            var part = simpleById[id];
            if (id == dto.Id)
            {
                p.Add($"{at}.contains: a pattern cannot contain itself");
                continue;
            }

            foreach (var muscle in (part.Underactive ?? []).Except(dto.Underactive ?? []))
            {
                p.Add($"{at}.contains: '{id}' expects '{muscle}' underactive, which this pattern does not");
            }

            foreach (var muscle in (part.Overactive ?? []).Except(dto.Overactive ?? []))
            {
                p.Add($"{at}.contains: '{id}' expects '{muscle}' overactive, which this pattern does not");
            }
        }

        return ids;
    }

    private static ImmutableArray<PhaseGoal> Goals(Dictionary<string, TextDto>? goals, string at, List<string> p)
    {
        goals ??= [];
        var result = new List<PhaseGoal>();
        foreach (var key in goals.Keys.Where(k => !Enum.TryParse<RecoveryPhase>(k, ignoreCase: true, out _) || int.TryParse(k, out _)))
        {
            p.Add($"{at}: '{key}' is not a recovery phase");
        }

        foreach (var phase in Enum.GetValues<RecoveryPhase>())
        {
            var entry = goals.FirstOrDefault(g => string.Equals(g.Key, phase.ToString(), StringComparison.OrdinalIgnoreCase));
            if (entry.Value is null)
            {
                p.Add($"{at}: no goal for phase '{phase}'");
                continue;
            }

            result.Add(new PhaseGoal(phase, Text(entry.Value, $"{at}.{entry.Key}", p)));
        }

        return [.. result];
    }

    private static Dosage Dosage(DosageDto? dto, string at, List<string> p)
    {
        if (dto is null)
        {
            p.Add($"{at}: missing");
            return new Dosage();
        }

        if (dto.Reps is null && dto.Hold is null && dto.Minutes is null)
        {
            p.Add($"{at}: give repetitions, hold seconds or minutes");
        }

        if (dto.PerDay is null && dto.PerWeek is null)
        {
            p.Add($"{at}: give times per day or per week");
        }

        int?[] values = [dto.Sets, dto.Reps, dto.Hold, dto.Rest, dto.PerDay, dto.PerWeek, dto.Minutes];
        if (values.Any(v => v is <= 0))
        {
            p.Add($"{at}: values must be positive");
        }

        return new Dosage
        {
            Sets = dto.Sets,
            Repetitions = dto.Reps,
            HoldSeconds = dto.Hold,
            RestSeconds = dto.Rest,
            TimesPerDay = dto.PerDay,
            TimesPerWeek = dto.PerWeek,
            Minutes = dto.Minutes,
        };
    }

    private static ImmutableArray<ExercisePrecaution> Precautions(List<PrecautionDto>? dtos, HashSet<string> conditionIds, string at, List<string> p)
    {
        var result = new List<ExercisePrecaution>();
        foreach (var (dto, i) in (dtos ?? []).Select((d, i) => (d, i)))
        {
            var here = $"{at}[{i}]";
            result.Add(new ExercisePrecaution(
                Ref(dto.Condition, conditionIds, here + ".condition", "precaution condition", p),
                Required(dto.Action, here + ".action", p),
                Text(dto.Note, here + ".note", p)));
        }

        if (result.Select(r => r.ConditionId).Distinct().Count() != result.Count)
        {
            p.Add($"{at}: one precaution per condition");
        }

        return [.. result];
    }
}
