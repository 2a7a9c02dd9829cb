using System.Collections.Frozen;
using System.Collections.Immutable;

namespace RugcentrumPortal.Clinical.Figures;

/// <summary>How the body rests on the floor, the chair or the knees; sets the figure's basic orientation.</summary>
public enum FigurePosition
{
    /// <summary>Upright on the feet.</summary>
    Standing,

    /// <summary>On a chair.</summary>
    Sitting,

    /// <summary>On both knees.</summary>
    Kneeling,

    /// <summary>On one knee, the other foot in front.</summary>
    HalfKneeling,

    /// <summary>On hands (or forearms) and knees.</summary>
    FourPoint,

    /// <summary>Lying on the back.</summary>
    Supine,

    /// <summary>Lying on the stomach.</summary>
    Prone,

    /// <summary>Lying on the right side, left side up.</summary>
    SideLying,
}

/// <summary>A part of the figure that can be drawn in the practice colour because the exercise works it.</summary>
public enum FigurePart
{
    /// <summary>Head and neck.</summary>
    Head,

    /// <summary>Trunk and pelvis.</summary>
    Trunk,

    /// <summary>Left arm.</summary>
    LeftArm,

    /// <summary>Right arm.</summary>
    RightArm,

    /// <summary>Left leg and foot.</summary>
    LeftLeg,

    /// <summary>Right leg and foot.</summary>
    RightLeg,
}

/// <summary>A simple object drawn with the figure.</summary>
public enum PropKind
{
    /// <summary>An exercise mat on the floor under the figure.</summary>
    Mat,

    /// <summary>A chair: under the pelvis when sitting, otherwise its back under a hand.</summary>
    Chair,

    /// <summary>A wall in front of the hands or forearms.</summary>
    Wall,

    /// <summary>A door frame post at the forearm.</summary>
    DoorFrame,

    /// <summary>A table under a hand.</summary>
    Table,

    /// <summary>A low step under a foot.</summary>
    Step,

    /// <summary>An elastic band from a body point to a fixed anchor, or between two body points.</summary>
    Band,

    /// <summary>A stick held along the back.</summary>
    Stick,

    /// <summary>A weight in a hand.</summary>
    Weight,

    /// <summary>A rolled towel on the floor under the upper back.</summary>
    Towel,

    /// <summary>A cushion under the head or the belly.</summary>
    Cushion,

    /// <summary>A heat pad on the body.</summary>
    HeatPad,

    /// <summary>A desk with a screen in front of a seated figure.</summary>
    Desk,

    /// <summary>A bed with a pillow under a lying figure.</summary>
    Bed,
}

/// <summary>A point of the body that props and alignment refer to.</summary>
public enum BodyPoint
{
    /// <summary>Middle of the pelvis.</summary>
    Pelvis,

    /// <summary>Middle of the chest, between the shoulder blades.</summary>
    UpperBack,

    /// <summary>Middle of the low back.</summary>
    LowBack,

    /// <summary>Centre of the head.</summary>
    Head,

    /// <summary>Left hand.</summary>
    LeftHand,

    /// <summary>Right hand.</summary>
    RightHand,

    /// <summary>Between both hands.</summary>
    Hands,

    /// <summary>Left elbow.</summary>
    LeftElbow,

    /// <summary>Right elbow.</summary>
    RightElbow,

    /// <summary>Left knee.</summary>
    LeftKnee,

    /// <summary>Right knee.</summary>
    RightKnee,

    /// <summary>Left foot.</summary>
    LeftFoot,

    /// <summary>Right foot.</summary>
    RightFoot,

    /// <summary>Between both feet.</summary>
    Feet,
}

/// <summary>The joints and channels of a pose; every value is in degrees, except scapula shifts in centimetres.</summary>
public enum PoseChannel
{
    /// <summary>Whole body tilted forward (trunk top towards the front).</summary>
    Tilt,

    /// <summary>Whole body leaning to the person's left.</summary>
    Lean,

    /// <summary>Whole body turned to the person's left.</summary>
    Turn,
#pragma warning disable CS1591 // The names say it: joint, then movement; left before right.
    LumbarFlex,
    LumbarSide,
    LumbarRot,
    ThoraxFlex,
    ThoraxSide,
    ThoraxRot,
    NeckFlex,
    NeckSide,
    NeckRot,
    HeadNod,
    LeftScapulaElevation,
    LeftScapulaProtraction,
    RightScapulaElevation,
    RightScapulaProtraction,
    LeftShoulderFlex,
    LeftShoulderAbd,
    LeftShoulderRot,
    RightShoulderFlex,
    RightShoulderAbd,
    RightShoulderRot,
    LeftElbowFlex,
    RightElbowFlex,
    LeftHipFlex,
    LeftHipAbd,
    LeftHipRot,
    RightHipFlex,
    RightHipAbd,
    RightHipRot,
    LeftKneeFlex,
    RightKneeFlex,
    LeftAnkleFlex,
    RightAnkleFlex,
#pragma warning restore CS1591

    /// <summary>Mouth opening, 0 (closed) to 1 (open).</summary>
    Mouth,

    /// <summary>Belly rising with the breath, 0 (flat) to 1 (full).</summary>
    Belly,
}

/// <summary>One position of the figure: how it rests and every joint angle.</summary>
public sealed record FigurePose
{
    internal FigurePose(FigurePosition position, ImmutableArray<double> values)
    {
        Position = position;
        Values = values;
    }

    /// <summary>How the body rests.</summary>
    public FigurePosition Position { get; }

    /// <summary>Values by <see cref="PoseChannel"/>.</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>One channel's value.</summary>
    public double this[PoseChannel channel] => Values[(int)channel];

    /// <summary>The pose a fraction of the way to <paramref name="other"/>, joint by joint.</summary>
    public FigurePose Towards(FigurePose other, double fraction)
    {
        ArgumentNullException.ThrowIfNull(other);
        var values = ImmutableArray.CreateBuilder<double>(Values.Length);
        for (var i = 0; i < Values.Length; i++)
        {
            values.Add(Values[i] + ((other.Values[i] - Values[i]) * fraction));
        }

        return new FigurePose(fraction < 0.5 ? Position : other.Position, values.MoveToImmutable());
    }

    /// <summary>The same pose with other values for some channels.</summary>
    public FigurePose With(params (PoseChannel Channel, double Value)[] changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var values = Values.ToBuilder();
        foreach (var (channel, value) in changes)
        {
            values[(int)channel] = value;
        }

        return new FigurePose(Position, values.ToImmutable());
    }

    /// <summary>A pose with every joint in its neutral position.</summary>
    public static FigurePose Neutral(FigurePosition position) =>
        new(position, ImmutableArray.Create(new double[Enum.GetValues<PoseChannel>().Length]));
}

/// <summary>A prop drawn with the figure, placed at a body point of the start pose.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="At">Body point it belongs to.</param>
/// <param name="To">For a band between two body points: the other end.</param>
/// <param name="Offset">For a band's fixed anchor: centimetres from <paramref name="At"/> (forward, up, to the right).</param>
public sealed record FigureProp(PropKind Kind, BodyPoint At, BodyPoint? To, ImmutableArray<double> Offset);

/// <summary>Which part of the figure the picture frames.</summary>
public enum FigureFocus
{
    /// <summary>The whole figure.</summary>
    Whole,

    /// <summary>Head, shoulders and trunk, for neck and shoulder-blade exercises.</summary>
    Upper,

    /// <summary>From the knees down, for foot exercises.</summary>
    Lower,
}

/// <summary>How the figure of an exercise is seen: turned around the vertical and looked at from above.</summary>
/// <param name="Yaw">0 shows the right side (the figure faces right), 90 the front, 180 the left side.</param>
/// <param name="Elevation">Degrees the viewer looks down from above.</param>
/// <param name="Focus">The part of the figure the picture frames.</param>
public sealed record FigureView(double Yaw, double Elevation, FigureFocus Focus);

/// <summary>The drawing data of one exercise: a start and an end pose, the view, the props and what is worked.</summary>
public sealed record ExerciseFigure
{
    /// <summary>The exercise id.</summary>
    public required string ExerciseId { get; init; }

    /// <summary>The start position.</summary>
    public required FigurePose Start { get; init; }

    /// <summary>The end position.</summary>
    public required FigurePose End { get; init; }

    /// <summary>The view.</summary>
    public required FigureView View { get; init; }

    /// <summary>Parts drawn in the practice colour.</summary>
    public required FrozenSet<FigurePart> Worked { get; init; }

    /// <summary>Props.</summary>
    public required ImmutableArray<FigureProp> Props { get; init; }

    /// <summary>The point that stays in place between start and end.</summary>
    public required BodyPoint Anchor { get; init; }

    /// <summary>Height in centimetres of the surface the start pose stands on (a step), 0 for the floor.</summary>
    public required double Ground { get; init; }
}
