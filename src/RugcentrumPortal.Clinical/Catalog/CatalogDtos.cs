using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Clinical.Catalog;

// Mutable, nullable shapes of the JSON files; the loader checks every field before building immutable models.
internal sealed class TextDto
{
    public string? Nl { get; set; }

    public string? En { get; set; }
}

internal sealed class TextListDto
{
    public List<string>? Nl { get; set; }

    public List<string>? En { get; set; }
}

internal sealed class RegionDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }

    public bool HasSides { get; set; }

    public DiagramView? View { get; set; }
}

internal sealed class MuscleDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }

    public string? Region { get; set; }

    public MuscleLayer? Layer { get; set; }

    public bool? HasSides { get; set; }

    public bool Breathing { get; set; }
}

internal sealed class ChainDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }

    public TextDto? Description { get; set; }

    public List<string>? Muscles { get; set; }
}

internal sealed class ObservationDto
{
    public string? Id { get; set; }

    public ObservationKind? Kind { get; set; }

    public TextDto? Name { get; set; }

    public List<string>? Supports { get; set; }
}

internal sealed class PatternDto
{
    public string? Id { get; set; }

    public PatternSource? Source { get; set; }

    public TextDto? Name { get; set; }

    public TextDto? Description { get; set; }

    public List<string>? Underactive { get; set; }

    public List<string>? Overactive { get; set; }

    public List<string>? PainRegions { get; set; }

    public List<string>? Components { get; set; }

    public List<string>? Contains { get; set; }

    public Dictionary<string, TextDto>? Goals { get; set; }
}

internal sealed class ScreeningDto
{
    public List<GroupDto>? Groups { get; set; }

    public List<RedFlagDto>? RedFlags { get; set; }

    public List<CombinationDto>? Combinations { get; set; }

    public Dictionary<string, TextDto>? Advice { get; set; }

    public List<YellowFlagDto>? YellowFlags { get; set; }

    public List<SimpleItemDto>? StressSignals { get; set; }

    public List<ConditionDto>? PrecautionConditions { get; set; }

    public List<string>? StressModules { get; set; }
}

internal sealed class GroupDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }
}

internal sealed class RedFlagDto
{
    public string? Id { get; set; }

    public string? Group { get; set; }

    public RedFlagCategory? Category { get; set; }

    public Urgency? Urgency { get; set; }

    public TextDto? Question { get; set; }

    public TextDto? Finding { get; set; }

    public bool Practice { get; set; }

    public AgeRule AgeRule { get; set; }

    public List<string>? Precautions { get; set; }
}

internal sealed class CombinationDto
{
    public string? Id { get; set; }

    public List<string>? Items { get; set; }

    public int? AtLeast { get; set; }

    public Urgency? Urgency { get; set; }

    public TextDto? Explanation { get; set; }
}

internal sealed class YellowFlagDto
{
    public string? Id { get; set; }

    public TextDto? Question { get; set; }

    public TextDto? Finding { get; set; }

    public List<string>? Precautions { get; set; }
}

internal sealed class SimpleItemDto
{
    public string? Id { get; set; }

    public TextDto? Question { get; set; }

    public TextDto? Finding { get; set; }

    public List<string>? RedFlags { get; set; }
}

internal sealed class ConditionDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }

    public TextDto? Question { get; set; }
}

internal sealed class ExerciseDto
{
    public string? Id { get; set; }

    public ExercisePhase? Phase { get; set; }

    public bool SelfCare { get; set; }

    public TextDto? Title { get; set; }

    public TextDto? Purpose { get; set; }

    public TextListDto? Steps { get; set; }

    public TextListDto? Cues { get; set; }

    public TextListDto? Mistakes { get; set; }

    public DosageDto? Dosage { get; set; }

    public List<string>? Targets { get; set; }

    public List<string>? Releases { get; set; }

    public List<string>? Progressions { get; set; }

    public List<string>? Regressions { get; set; }

    public List<PrecautionDto>? Precautions { get; set; }
}

internal sealed class DosageDto
{
    public int? Sets { get; set; }

    public int? Reps { get; set; }

    public int? Hold { get; set; }

    public int? Rest { get; set; }

    public int? PerDay { get; set; }

    public int? PerWeek { get; set; }

    public int? Minutes { get; set; }
}

internal sealed class PrecautionDto
{
    public string? Condition { get; set; }

    public PrecautionAction? Action { get; set; }

    public TextDto? Note { get; set; }
}

internal sealed class InstrumentDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }

    public int ItemMin { get; set; }

    public int ItemMax { get; set; }

    public TextListDto? Items { get; set; }

    public TextDto? Note { get; set; }
}

internal sealed class ExaminationDto
{
    public List<MovementTestDto>? MovementTests { get; set; }

    public NijmegenDto? Nijmegen { get; set; }
}

internal sealed class MovementTestDto
{
    public string? Id { get; set; }

    public bool? HasSides { get; set; }

    public TextDto? Name { get; set; }

    public TextDto? Normal { get; set; }

    public List<MovementFindingDto>? Findings { get; set; }
}

internal sealed class MovementFindingDto
{
    public string? Id { get; set; }

    public TextDto? Name { get; set; }

    public List<string>? Supports { get; set; }

    public List<string>? Underactive { get; set; }

    public List<string>? Overactive { get; set; }
}

internal sealed class NijmegenDto
{
    public TextDto? Note { get; set; }

    public TextListDto? Items { get; set; }
}
