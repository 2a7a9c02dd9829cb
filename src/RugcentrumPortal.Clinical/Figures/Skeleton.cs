namespace RugcentrumPortal.Clinical.Figures;

/// <summary>A point or direction in centimetres: x forward, y up, z to the figure's right in the start orientation.</summary>
internal readonly record struct Vec3(double X, double Y, double Z)
{
    public static Vec3 operator +(Vec3 a, Vec3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public static Vec3 operator -(Vec3 a, Vec3 b) => new(a.X - b.X, a.Y - b.Y, a.Z - b.Z);

    public static Vec3 operator *(Vec3 a, double f) => new(a.X * f, a.Y * f, a.Z * f);

    public static Vec3 Mid(Vec3 a, Vec3 b) => (a + b) * 0.5;
}

/// <summary>A rotation matrix, by rows.</summary>
internal readonly record struct Rotation(double Xx, double Xy, double Xz, double Yx, double Yy, double Yz, double Zx, double Zy, double Zz)
{
    public static Vec3 operator *(Rotation m, Vec3 v) =>
        new((m.Xx * v.X) + (m.Xy * v.Y) + (m.Xz * v.Z), (m.Yx * v.X) + (m.Yy * v.Y) + (m.Yz * v.Z), (m.Zx * v.X) + (m.Zy * v.Y) + (m.Zz * v.Z));

    public static Rotation operator *(Rotation a, Rotation b) => new(
        (a.Xx * b.Xx) + (a.Xy * b.Yx) + (a.Xz * b.Zx), (a.Xx * b.Xy) + (a.Xy * b.Yy) + (a.Xz * b.Zy), (a.Xx * b.Xz) + (a.Xy * b.Yz) + (a.Xz * b.Zz),
        (a.Yx * b.Xx) + (a.Yy * b.Yx) + (a.Yz * b.Zx), (a.Yx * b.Xy) + (a.Yy * b.Yy) + (a.Yz * b.Zy), (a.Yx * b.Xz) + (a.Yy * b.Yz) + (a.Yz * b.Zz),
        (a.Zx * b.Xx) + (a.Zy * b.Yx) + (a.Zz * b.Zx), (a.Zx * b.Xy) + (a.Zy * b.Yy) + (a.Zz * b.Zy), (a.Zx * b.Xz) + (a.Zy * b.Yz) + (a.Zz * b.Zz));

    public static Rotation AboutX(double degrees)
    {
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        return new(1, 0, 0, 0, c, -s, 0, s, c);
    }

    public static Rotation AboutY(double degrees)
    {
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        return new(c, 0, s, 0, 1, 0, -s, 0, c);
    }

    public static Rotation AboutZ(double degrees)
    {
        var (s, c) = Math.SinCos(degrees * Math.PI / 180);
        return new(c, -s, 0, s, c, 0, 0, 0, 1);
    }

    /// <summary>Maps the body axes (left, up, front) to world axes, given by the columns.</summary>
    public static Rotation FromColumns(Vec3 left, Vec3 up, Vec3 front) =>
        new(left.X, up.X, front.X, left.Y, up.Y, front.Y, left.Z, up.Z, front.Z);
}

/// <summary>Where every joint of the figure is for one pose, before it is placed on the floor.</summary>
internal sealed record BodyPoints
{
    public required Vec3 Pelvis { get; init; }

    public required Vec3 LeftHip { get; init; }

    public required Vec3 RightHip { get; init; }

    public required Vec3 Waist { get; init; }

    public required Vec3 Chest { get; init; }

    public required Vec3 NeckBase { get; init; }

    public required Vec3 NeckTop { get; init; }

    public required Vec3 Head { get; init; }

    /// <summary>How far the mouth is open, 0 to 1.</summary>
    public required double MouthOpen { get; init; }

    public required Vec3 LeftEye { get; init; }

    public required Vec3 RightEye { get; init; }

    public required Vec3 Mouth { get; init; }

    public required Limb LeftArm { get; init; }

    public required Limb RightArm { get; init; }

    public required Limb LeftLeg { get; init; }

    public required Limb RightLeg { get; init; }

    /// <summary>Unit vector from the back to the front of the chest.</summary>
    public required Vec3 ChestFront { get; init; }

    /// <summary>Centre and radius of the belly's curve in front of the low back.</summary>
    public required (Vec3 Centre, double Radius) Belly { get; init; }

    public BodyPoints Moved(Vec3 by) => new()
    {
        Pelvis = Pelvis + by, LeftHip = LeftHip + by, RightHip = RightHip + by, Waist = Waist + by, Chest = Chest + by,
        NeckBase = NeckBase + by, NeckTop = NeckTop + by, Head = Head + by, MouthOpen = MouthOpen, LeftEye = LeftEye + by,
        RightEye = RightEye + by, Mouth = Mouth + by, LeftArm = LeftArm.Moved(by), RightArm = RightArm.Moved(by),
        LeftLeg = LeftLeg.Moved(by), RightLeg = RightLeg.Moved(by), ChestFront = ChestFront, Belly = (Belly.Centre + by, Belly.Radius),
    };

    public IEnumerable<(Vec3 Point, double Radius)> Outline()
    {
        yield return (Pelvis, Skeleton.TrunkRadius);
        yield return (Waist, Skeleton.TrunkRadius);
        yield return (Chest, Skeleton.TrunkRadius);
        yield return (Head, Skeleton.HeadRadius);
        foreach (var limb in new[] { LeftArm, RightArm, LeftLeg, RightLeg })
        {
            yield return (limb.Middle, Skeleton.LimbRadius);
            yield return (limb.End, Skeleton.LimbRadius);
            yield return (limb.Tip, Skeleton.LimbRadius);
            yield return (limb.Heel, Skeleton.LimbRadius);
        }
    }

    public Vec3 At(BodyPoint point) => point switch
    {
        BodyPoint.Pelvis => Pelvis,
        BodyPoint.UpperBack => Chest,
        BodyPoint.LowBack => Waist,
        BodyPoint.Head => Head,
        BodyPoint.LeftHand => LeftArm.Tip,
        BodyPoint.RightHand => RightArm.Tip,
        BodyPoint.Hands => Vec3.Mid(LeftArm.Tip, RightArm.Tip),
        BodyPoint.LeftElbow => LeftArm.Middle,
        BodyPoint.RightElbow => RightArm.Middle,
        BodyPoint.LeftKnee => LeftLeg.Middle,
        BodyPoint.RightKnee => RightLeg.Middle,
        BodyPoint.LeftFoot => LeftLeg.End,
        BodyPoint.RightFoot => RightLeg.End,
        _ => Vec3.Mid(LeftLeg.End, RightLeg.End),
    };
}

/// <summary>An arm (shoulder, elbow, wrist, fingertips) or a leg (hip, knee, ankle, toes, heel).</summary>
internal sealed record Limb(Vec3 Root, Vec3 Middle, Vec3 End, Vec3 Tip, Vec3 Heel)
{
    public Limb Moved(Vec3 by) => new(Root + by, Middle + by, End + by, Tip + by, Heel + by);
}

/// <summary>
/// Forward kinematics of a simple adult figure (about 175 cm): each joint's rotation is applied in its parent's
/// frame, from the pelvis outwards, so a pose is nothing but angles and the limbs keep their length.
/// </summary>
internal static class Skeleton
{
    public const double TrunkRadius = 10;
    public const double LimbRadius = 4.5;
    public const double HeadRadius = 10.5;

    private const double HipHalfWidth = 9;
    private const double LowBack = 24;
    private const double UpperBack = 27;
    private const double ShoulderHalfWidth = 17;
    private const double Neck = 9;
    private const double UpperArm = 29;
    private const double Forearm = 25;
    private const double Hand = 8;
    private const double Thigh = 43;
    private const double Shank = 43;

    private static readonly Vec3 Down = new(0, -1, 0);
    private static readonly Vec3 Up = new(0, 1, 0);

    public static BodyPoints Pose(FigurePose pose)
    {
        var pelvis = Base(pose.Position) * Rotation.AboutY(pose[PoseChannel.Turn])
            * Rotation.AboutX(pose[PoseChannel.Tilt]) * Rotation.AboutZ(-pose[PoseChannel.Lean]);
        var lumbar = pelvis * Spine(pose, PoseChannel.LumbarFlex);
        var waist = lumbar * (Up * LowBack);
        var thorax = lumbar * Spine(pose, PoseChannel.ThoraxFlex);
        var chest = waist + (thorax * (Up * (UpperBack * 0.55)));
        var neckBase = waist + (thorax * (Up * UpperBack));
        var neck = thorax * Spine(pose, PoseChannel.NeckFlex);
        var neckTop = neckBase + (neck * (Up * Neck));
        var head = neck * Rotation.AboutX(pose[PoseChannel.HeadNod]);
        var headCentre = neckTop + (head * new Vec3(0, 8, 2));
        var mouthOpen = pose[PoseChannel.Mouth];

        return new BodyPoints
        {
            Pelvis = default,
            LeftHip = pelvis * new Vec3(HipHalfWidth, 0, 0),
            RightHip = pelvis * new Vec3(-HipHalfWidth, 0, 0),
            Waist = waist,
            Chest = chest,
            NeckBase = neckBase,
            NeckTop = neckTop,
            Head = headCentre,
            MouthOpen = mouthOpen,
            LeftEye = headCentre + (head * new Vec3(3.8, 2, 9)),
            RightEye = headCentre + (head * new Vec3(-3.8, 2, 9)),
            Mouth = headCentre + (head * new Vec3(0, -4.5, 9)),
            LeftArm = Arm(pose, neckBase, thorax, left: true),
            RightArm = Arm(pose, neckBase, thorax, left: false),
            LeftLeg = Leg(pose, pelvis, left: true),
            RightLeg = Leg(pose, pelvis, left: false),
            ChestFront = thorax * new Vec3(0, 0, 1),
            Belly = (lumbar * new Vec3(0, LowBack * 0.45, TrunkRadius * 0.35), TrunkRadius * (0.7 + (0.5 * pose[PoseChannel.Belly]))),
        };
    }

    /// <summary>The base orientation: body axes (left, up, front) in the world (x forward, y up, z right).</summary>
    private static Rotation Base(FigurePosition position) => position switch
    {
        FigurePosition.Supine => Rotation.FromColumns(new(0, 0, -1), new(-1, 0, 0), new(0, 1, 0)),
        FigurePosition.Prone => Rotation.FromColumns(new(0, 0, -1), new(1, 0, 0), new(0, -1, 0)),
        FigurePosition.SideLying => Rotation.FromColumns(new(0, 1, 0), new(-1, 0, 0), new(0, 0, 1)),
        _ => Rotation.FromColumns(new(0, 0, -1), new(0, 1, 0), new(1, 0, 0)),
    };

    /// <summary>Flexion bends forward, side bending goes to the person's left, rotation turns the front to the left.</summary>
    private static Rotation Spine(FigurePose pose, PoseChannel flex) =>
        Rotation.AboutX(pose[flex]) * Rotation.AboutZ(-pose[flex + 1]) * Rotation.AboutY(pose[flex + 2]);

    private static Limb Arm(FigurePose pose, Vec3 neckBase, Rotation thorax, bool left)
    {
        var side = left ? 1 : -1;
        var (elevation, protraction, flex, elbow) = left
            ? (PoseChannel.LeftScapulaElevation, PoseChannel.LeftScapulaProtraction, PoseChannel.LeftShoulderFlex, PoseChannel.LeftElbowFlex)
            : (PoseChannel.RightScapulaElevation, PoseChannel.RightScapulaProtraction, PoseChannel.RightShoulderFlex, PoseChannel.RightElbowFlex);
        var shoulder = neckBase + (thorax * new Vec3(side * ShoulderHalfWidth, pose[elevation] - 3, pose[protraction] - 1));
        var upper = thorax * Limb(pose, flex, side);
        var elbowPoint = shoulder + (upper * (Down * UpperArm));
        var fore = upper * Rotation.AboutX(-pose[elbow]);
        var wrist = elbowPoint + (fore * (Down * Forearm));
        return new Limb(shoulder, elbowPoint, wrist, wrist + (fore * (Down * Hand)), wrist);
    }

    private static Limb Leg(FigurePose pose, Rotation pelvis, bool left)
    {
        var side = left ? 1 : -1;
        var (flex, knee, ankle) = left
            ? (PoseChannel.LeftHipFlex, PoseChannel.LeftKneeFlex, PoseChannel.LeftAnkleFlex)
            : (PoseChannel.RightHipFlex, PoseChannel.RightKneeFlex, PoseChannel.RightAnkleFlex);
        var hip = pelvis * new Vec3(side * HipHalfWidth, 0, 0);
        var thigh = pelvis * Limb(pose, flex, side);
        var kneePoint = hip + (thigh * (Down * Thigh));
        var shank = thigh * Rotation.AboutX(pose[knee]);
        var anklePoint = kneePoint + (shank * (Down * Shank));
        var foot = shank * Rotation.AboutX(-pose[ankle]);
        return new Limb(hip, kneePoint, anklePoint, anklePoint + (foot * new Vec3(0, -4, 16)), anklePoint + (foot * new Vec3(0, -4, -4)));
    }

    /// <summary>Flexion brings the limb forward, abduction away from the body, positive rotation turns it outward.</summary>
    private static Rotation Limb(FigurePose pose, PoseChannel flex, int side) =>
        Rotation.AboutX(-pose[flex]) * Rotation.AboutZ(side * pose[flex + 1]) * Rotation.AboutY(side * pose[flex + 2]);
}
