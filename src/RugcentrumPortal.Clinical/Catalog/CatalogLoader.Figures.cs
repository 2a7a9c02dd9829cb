using System.Collections.Frozen;
using System.Collections.Immutable;
using RugcentrumPortal.Clinical.Figures;

namespace RugcentrumPortal.Clinical.Catalog;

/// <summary>Reads poses.json: per exercise a start and an end pose, checked against human joint ranges.</summary>
internal static partial class CatalogLoader
{
    private static FrozenDictionary<string, ExerciseFigure> Figures(Dictionary<string, FigureDto> dtos, HashSet<string> exerciseIds, List<string> p)
    {
        var figures = new Dictionary<string, ExerciseFigure>(StringComparer.Ordinal);
        foreach (var missing in exerciseIds.Where(id => !dtos.ContainsKey(id)).Order(StringComparer.Ordinal))
        {
            p.Add($"poses[{missing}]: the exercise has no figure");
        }

        foreach (var (id, dto) in dtos)
        {
            var at = $"poses[{id}]";
            if (!exerciseIds.Contains(id))
            {
                p.Add($"{at}: unknown exercise id '{id}'");
                continue;
            }

            if (dto.Start is null || dto.End is null)
            {
                p.Add($"{at}: needs a start and an end pose");
                continue;
            }

            var start = Pose(dto.Start, FigurePose.Neutral(Required(dto.Start.Position, at + ".start.position", p)), at + ".start", p);
            var end = Pose(dto.End, new FigurePose(dto.End.Position ?? start.Position, start.Values), at + ".end", p);
            if (Lying(start.Position) != Lying(end.Position) || (Lying(start.Position) && start.Position != end.Position))
            {
                p.Add($"{at}: start and end must rest the same way round ({start.Position} and {end.Position})");
            }

            if (start.Values.SequenceEqual(end.Values))
            {
                p.Add($"{at}: the end pose is the same as the start pose");
            }

            var view = dto.View ?? new ViewDto();
            if (view.Elevation is < 0 or > 90)
            {
                p.Add($"{at}.view.elevation: {view.Elevation} must be between 0 and 90");
            }

            figures[id] = new ExerciseFigure
            {
                ExerciseId = id,
                Start = start,
                End = end,
                View = new FigureView(view.Yaw, view.Elevation, view.Focus),
                Worked = (dto.Worked ?? []).ToFrozenSet(),
                Props = Props(dto.Props, at + ".props", p),
                Anchor = dto.Anchor ?? BodyPoint.Feet,
                Ground = dto.Ground,
            };
            if (figures[id].Worked.Count == 0)
            {
                p.Add($"{at}.worked: name at least one part the exercise works");
            }
        }

        return figures.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static bool Lying(FigurePosition position) => position is FigurePosition.Supine or FigurePosition.Prone or FigurePosition.SideLying;

    private static ImmutableArray<FigureProp> Props(List<PropDto>? dtos, string at, List<string> p)
    {
        var props = new List<FigureProp>();
        foreach (var (dto, i) in (dtos ?? []).Select((d, i) => (d, i)))
        {
            var here = $"{at}[{i}]";
            var kind = Required(dto.Kind, here + ".kind", p);
            var offset = dto.Offset ?? [];
            if (kind == PropKind.Band && dto.To is null && offset.Count != 3)
            {
                p.Add($"{here}: a band needs the other body point ('to') or an anchor offset of three numbers");
            }

            props.Add(new FigureProp(kind, dto.At ?? BodyPoint.Pelvis, dto.To, [.. offset]));
        }

        return [.. props];
    }

    private static FigurePose Pose(PoseDto dto, FigurePose basis, string at, List<string> p)
    {
        var values = basis.Values.ToBuilder();
        void Set(PoseChannel channel, double? value)
        {
            if (value is { } v)
            {
                values[(int)channel] = v;
            }
        }

        void Spine(PoseChannel flex, SpineDto? spine)
        {
            Set(flex, spine?.Flex);
            Set(flex + 1, spine?.Side);
            Set(flex + 2, spine?.Rot);
        }

        void Limb(PoseChannel leftFlex, PoseChannel rightFlex, LimbDto? both, LimbDto? left, LimbDto? right)
        {
            foreach (var (flex, dto) in new[] { (leftFlex, both), (rightFlex, both), (leftFlex, left), (rightFlex, right) })
            {
                Set(flex, dto?.Flex);
                Set(flex + 1, dto?.Abd);
                Set(flex + 2, dto?.Rot);
            }
        }

        void Hinge(PoseChannel left, PoseChannel right, double? both, double? leftValue, double? rightValue)
        {
            Set(left, both);
            Set(right, both);
            Set(left, leftValue);
            Set(right, rightValue);
        }

        Set(PoseChannel.Tilt, dto.Tilt);
        Set(PoseChannel.Lean, dto.Lean);
        Set(PoseChannel.Turn, dto.Turn);
        Spine(PoseChannel.LumbarFlex, dto.Lumbar);
        Spine(PoseChannel.ThoraxFlex, dto.Thorax);
        Spine(PoseChannel.NeckFlex, dto.Neck);
        Set(PoseChannel.HeadNod, dto.Nod);
        foreach (var (elevation, scapula) in new[]
                 {
                     (PoseChannel.LeftScapulaElevation, dto.Scapulae), (PoseChannel.RightScapulaElevation, dto.Scapulae),
                     (PoseChannel.LeftScapulaElevation, dto.LeftScapula), (PoseChannel.RightScapulaElevation, dto.RightScapula),
                 })
        {
            Set(elevation, scapula?.Elevation);
            Set(elevation + 1, scapula?.Protraction);
        }

        Limb(PoseChannel.LeftShoulderFlex, PoseChannel.RightShoulderFlex, dto.Shoulders, dto.LeftShoulder, dto.RightShoulder);
        Hinge(PoseChannel.LeftElbowFlex, PoseChannel.RightElbowFlex, dto.Elbows, dto.LeftElbow, dto.RightElbow);
        Limb(PoseChannel.LeftHipFlex, PoseChannel.RightHipFlex, dto.Hips, dto.LeftHip, dto.RightHip);
        Hinge(PoseChannel.LeftKneeFlex, PoseChannel.RightKneeFlex, dto.Knees, dto.LeftKnee, dto.RightKnee);
        Hinge(PoseChannel.LeftAnkleFlex, PoseChannel.RightAnkleFlex, dto.Ankles, dto.LeftAnkle, dto.RightAnkle);
        Set(PoseChannel.Mouth, dto.Mouth);
        Set(PoseChannel.Belly, dto.Belly);

        foreach (var channel in Enum.GetValues<PoseChannel>())
        {
            var (min, max) = PoseLimits.Of(channel);
            var value = values[(int)channel];
            if (value < min || value > max || !double.IsFinite(value))
            {
                p.Add($"{at}: {channel} {value} is outside the human range {min} to {max}");
            }
        }

        return new FigurePose(dto.Position ?? basis.Position, values.ToImmutable());
    }
}

// The JSON shapes of poses.json; a left or right value overrides the value given for both sides.
internal sealed class FigureDto
{
    public ViewDto? View { get; set; }

    public List<FigurePart>? Worked { get; set; }

    public BodyPoint? Anchor { get; set; }

    public double Ground { get; set; }

    public List<PropDto>? Props { get; set; }

    public PoseDto? Start { get; set; }

    public PoseDto? End { get; set; }
}

internal sealed class ViewDto
{
    public double Yaw { get; set; }

    public double Elevation { get; set; }

    public FigureFocus Focus { get; set; }
}

internal sealed class PropDto
{
    public PropKind? Kind { get; set; }

    public BodyPoint? At { get; set; }

    public BodyPoint? To { get; set; }

    public List<double>? Offset { get; set; }
}

internal sealed class PoseDto
{
    public FigurePosition? Position { get; set; }

    public double? Tilt { get; set; }

    public double? Lean { get; set; }

    public double? Turn { get; set; }

    public SpineDto? Lumbar { get; set; }

    public SpineDto? Thorax { get; set; }

    public SpineDto? Neck { get; set; }

    public double? Nod { get; set; }

    public ScapulaDto? Scapulae { get; set; }

    public ScapulaDto? LeftScapula { get; set; }

    public ScapulaDto? RightScapula { get; set; }

    public LimbDto? Shoulders { get; set; }

    public LimbDto? LeftShoulder { get; set; }

    public LimbDto? RightShoulder { get; set; }

    public double? Elbows { get; set; }

    public double? LeftElbow { get; set; }

    public double? RightElbow { get; set; }

    public LimbDto? Hips { get; set; }

    public LimbDto? LeftHip { get; set; }

    public LimbDto? RightHip { get; set; }

    public double? Knees { get; set; }

    public double? LeftKnee { get; set; }

    public double? RightKnee { get; set; }

    public double? Ankles { get; set; }

    public double? LeftAnkle { get; set; }

    public double? RightAnkle { get; set; }

    public double? Mouth { get; set; }

    public double? Belly { get; set; }
}

internal sealed class SpineDto
{
    public double? Flex { get; set; }

    public double? Side { get; set; }

    public double? Rot { get; set; }
}

internal sealed class LimbDto
{
    public double? Flex { get; set; }

    public double? Abd { get; set; }

    public double? Rot { get; set; }
}

internal sealed class ScapulaDto
{
    public double? Elevation { get; set; }

    public double? Protraction { get; set; }
}
