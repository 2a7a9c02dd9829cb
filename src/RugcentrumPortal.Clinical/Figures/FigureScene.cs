using System.Collections.Immutable;

namespace RugcentrumPortal.Clinical.Figures;

/// <summary>What a drawn piece looks like; the renderer maps it to colours.</summary>
internal enum Ink
{
    Floor,
    Mat,
    Furniture,
    Wall,
    Band,
    Weight,
    Heat,
    Body,
    BodyFar,
    Worked,
    WorkedFar,
    Eye,
}

/// <summary>One piece of the drawing in world coordinates: a line through points, a filled polygon, or a dot.</summary>
internal sealed record Piece(string Key, Ink Ink, ImmutableArray<Vec3> Points, double Width, bool Filled, double Radius, bool Outlined, double Depth = double.NaN)
{
    public static Piece Line(string key, Ink ink, double width, params Vec3[] points) => new(key, ink, [.. points], width, false, 0, true);

    public static Piece Plain(string key, Ink ink, double width, params Vec3[] points) => new(key, ink, [.. points], width, false, 0, false);

    public static Piece Shape(string key, Ink ink, params Vec3[] points) => new(key, ink, [.. points], 0, true, 0, false);

    /// <summary>A filled shape with an edge of its own colour, so it still shows when seen edge-on.</summary>
    public static Piece Board(string key, Ink ink, params Vec3[] points) => new(key, ink, [.. points], 4, true, 0, false);

    public static Piece Dot(string key, Ink ink, Vec3 centre, double radius, bool outlined) => new(key, ink, [centre], 0, true, radius, outlined);
}

/// <summary>
/// Places a pose of an exercise figure in the room (on the floor, the step or the chair, aligned with the start
/// pose at the figure's anchor) and breaks it into pieces: props first, then body parts.
/// </summary>
internal static class FigureScene
{
    private const double BackDepth = -10000;

    public static BodyPoints Place(ExerciseFigure figure, FigurePose pose, BodyPoints? start)
    {
        var points = Skeleton.Pose(pose);
        var lowest = points.Outline().Min(o => o.Point.Y - o.Radius);
        if (start is null)
        {
            return points.Moved(new Vec3(0, figure.Ground - lowest, 0));
        }

        var shift = start.At(figure.Anchor) - points.At(figure.Anchor);
        return figure.Ground > 0
            ? points.Moved(shift)
            : points.Moved(new Vec3(shift.X, -lowest, shift.Z));
    }

    public static List<Piece> Pieces(ExerciseFigure figure, BodyPoints body, BodyPoints start, BodyPoints end, Func<Vec3, double> depth)
    {
        var pieces = new List<Piece>();
        var (minX, maxX, maxY) = Extent(start);
        if (!figure.Props.Any(p => p.Kind == PropKind.Bed))
        {
            pieces.Add(Piece.Plain("floor", Ink.Floor, 2, new Vec3(minX - 25, 0, 0), new Vec3(maxX + 25, 0, 0)) with { Depth = BackDepth - 2 });
        }

        foreach (var (prop, i) in figure.Props.Select((p, i) => (p, i)))
        {
            pieces.AddRange(Prop(prop, $"prop{i}", body, start, end, minX, maxX, maxY, depth));
        }

        pieces.AddRange(Body(figure, body, depth));
        return pieces;
    }

    private static (double MinX, double MaxX, double MaxY) Extent(BodyPoints points)
    {
        var outline = points.Outline().ToList();
        return (outline.Min(o => o.Point.X - o.Radius), outline.Max(o => o.Point.X + o.Radius), outline.Max(o => o.Point.Y + o.Radius));
    }

    private static IEnumerable<Piece> Body(ExerciseFigure figure, BodyPoints b, Func<Vec3, double> depth)
    {
        var trunkDepth = (depth(b.Pelvis) + depth(b.Chest)) / 2;

        // A limb is on the far side when its root (shoulder or hip) lies clearly behind the other one.
        Ink InkOf(FigurePart part, Limb limb, Limb other)
        {
            var far = depth(limb.Root) < depth(other.Root) - 6;
            return figure.Worked.Contains(part) ? (far ? Ink.WorkedFar : Ink.Worked) : (far ? Ink.BodyFar : Ink.Body);
        }

        IEnumerable<Piece> Arm(string key, Limb arm, Limb other, FigurePart part)
        {
            var d = (depth(arm.Middle) + depth(arm.End)) / 2;
            yield return Piece.Line(key, InkOf(part, arm, other), 2 * Skeleton.LimbRadius, arm.Root, arm.Middle, arm.End, arm.Tip) with { Depth = d };
        }

        IEnumerable<Piece> Leg(string key, Limb leg, Limb other, FigurePart part)
        {
            var d = (depth(leg.Middle) + depth(leg.End)) / 2;
            var ink = InkOf(part, leg, other);
            yield return Piece.Line(key, ink, 2.2 * Skeleton.LimbRadius, leg.Root, leg.Middle, leg.End) with { Depth = d };
            yield return Piece.Line(key + "-foot", ink, 1.7 * Skeleton.LimbRadius, leg.Heel, leg.Tip) with { Depth = d + 0.01 };
        }

        var trunkInk = figure.Worked.Contains(FigurePart.Trunk) ? Ink.Worked : Ink.Body;
        var headInk = figure.Worked.Contains(FigurePart.Head) ? Ink.Worked : Ink.Body;
        var pieces = new List<Piece>();
        pieces.AddRange(Leg("left-leg", b.LeftLeg, b.RightLeg, FigurePart.LeftLeg));
        pieces.AddRange(Leg("right-leg", b.RightLeg, b.LeftLeg, FigurePart.RightLeg));
        pieces.AddRange(Arm("left-arm", b.LeftArm, b.RightArm, FigurePart.LeftArm));
        pieces.AddRange(Arm("right-arm", b.RightArm, b.LeftArm, FigurePart.RightArm));
        pieces.Add(Piece.Line("pelvis", trunkInk, 2 * Skeleton.TrunkRadius, b.LeftHip, b.RightHip) with { Depth = trunkDepth - 0.02 });
        pieces.Add(Piece.Line("trunk", trunkInk, 2 * Skeleton.TrunkRadius, b.Pelvis, b.Waist, b.Chest, b.NeckBase - ((b.NeckBase - b.Chest) * 0.25)) with { Depth = trunkDepth - 0.01 });
        pieces.Add(Piece.Dot("belly", trunkInk, b.Belly.Centre, b.Belly.Radius, false) with { Depth = trunkDepth - 0.005 });
        pieces.Add(Piece.Line("shoulders", trunkInk, 2 * Skeleton.LimbRadius + 3, b.LeftArm.Root, b.RightArm.Root) with { Depth = trunkDepth });
        pieces.Add(Piece.Line("neck", headInk, 9, b.NeckBase, b.NeckTop) with { Depth = trunkDepth + 0.01 });
        var headDepth = Math.Max(depth(b.Head), trunkDepth + 0.02);
        pieces.Add(Piece.Dot("head", headInk, b.Head, Skeleton.HeadRadius, true) with { Depth = headDepth });
        foreach (var (key, eye) in new[] { ("left-eye", b.LeftEye), ("right-eye", b.RightEye) })
        {
            var seen = depth(eye) > depth(b.Head) + 1;
            pieces.Add(Piece.Dot(key, Ink.Eye, eye, seen ? 1.6 : 0, false) with { Depth = headDepth + 0.01 });
        }

        var mouthSeen = depth(b.Mouth) > depth(b.Head) + 1;
        pieces.Add(Piece.Dot("mouth", Ink.Eye, b.Mouth, mouthSeen ? 2.6 * b.MouthOpen : 0, false) with { Depth = headDepth + 0.02 });
        return pieces;
    }

    private static IEnumerable<Piece> Prop(FigureProp prop, string key, BodyPoints body, BodyPoints start, BodyPoints end, double minX, double maxX, double maxY, Func<Vec3, double> depth)
    {
        var at = start.At(prop.At);
        switch (prop.Kind)
        {
            case PropKind.Mat:
                yield return Piece.Shape(key, Ink.Mat, new(minX - 6, 0.5, -32), new(maxX + 6, 0.5, -32), new(maxX + 6, 0.5, 32), new(minX - 6, 0.5, 32)) with { Depth = BackDepth };
                yield return Piece.Plain(key + "-edge", Ink.Mat, 3, new Vec3(minX - 6, 1, 0), new Vec3(maxX + 6, 1, 0)) with { Depth = BackDepth };
                break;
            case PropKind.Chair when prop.At == BodyPoint.Pelvis:
                {
                    // The chair stands under whichever pose sits lower: the sitting start, or the end of a squat.
                    var seat = end.Pelvis.Y < start.Pelvis.Y ? end.Pelvis : start.Pelvis;
                    foreach (var piece in Chair(key, new Vec3(seat.X - 18, seat.Y - Skeleton.TrunkRadius, seat.Z), new Vec3(seat.X + 24, seat.Y - Skeleton.TrunkRadius, seat.Z), backAt: -1))
                    {
                        yield return piece;
                    }
                }

                break;
            case PropKind.Chair:
                foreach (var piece in Chair(key, new Vec3(at.X + 2, 46, at.Z), new Vec3(at.X + 42, 46, at.Z), backAt: at.Y - 3))
                {
                    yield return piece;
                }

                break;
            case PropKind.Wall:
                {
                    var x = Math.Max(start.LeftArm.Tip.X, start.RightArm.Tip.X) + Skeleton.LimbRadius + 1;
                    yield return Piece.Board(key, Ink.Wall, new(x, 0, -45), new(x, maxY + 25, -45), new(x + 10, maxY + 25, 45), new(x + 10, 0, 45)) with { Depth = BackDepth };
                    break;
                }

            case PropKind.DoorFrame:
                {
                    var x = at.X + Skeleton.LimbRadius + 5;
                    yield return Piece.Board(key, Ink.Furniture, new(x, 0, at.Z), new(x, 205, at.Z), new(x + 9, 205, at.Z), new(x + 9, 0, at.Z)) with { Depth = BackDepth };
                    break;
                }

            case PropKind.Table:
                {
                    var top = at.Y - Skeleton.LimbRadius;
                    yield return Piece.Plain(key, Ink.Furniture, 5, new Vec3(at.X - 25, top - 2.5, at.Z), new Vec3(at.X + 35, top - 2.5, at.Z)) with { Depth = BackDepth };
                    yield return Piece.Plain(key + "-legs", Ink.Furniture, 4, new Vec3(at.X - 20, top, at.Z), new Vec3(at.X - 20, 0, at.Z)) with { Depth = BackDepth };
                    yield return Piece.Plain(key + "-legs2", Ink.Furniture, 4, new Vec3(at.X + 30, top, at.Z), new Vec3(at.X + 30, 0, at.Z)) with { Depth = BackDepth };
                    break;
                }

            case PropKind.Step:
                {
                    var top = Math.Min(start.LeftLeg.Heel.Y, start.RightLeg.Heel.Y) - 4;
                    yield return Piece.Board(key, Ink.Furniture, new(at.X - 14, 0, at.Z), new(at.X - 14, top, at.Z), new(at.X + 24, top, at.Z), new(at.X + 24, 0, at.Z)) with { Depth = BackDepth };
                    break;
                }

            case PropKind.Band:
                {
                    var from = body.At(prop.At);
                    var to = prop.To is { } other ? body.At(other) : at + new Vec3(prop.Offset[0], prop.Offset[1], prop.Offset[2]);
                    yield return Piece.Plain(key, Ink.Band, 2.5, from, to) with { Depth = depth(from) + 0.5 };
                    if (prop.To is null)
                    {
                        yield return Piece.Dot(key + "-anchor", Ink.Furniture, to, 3.5, false) with { Depth = depth(to) };
                    }

                    break;
                }

            case PropKind.Stick:
                {
                    var back = body.ChestFront * -(Skeleton.TrunkRadius + 3);
                    var low = body.Pelvis + ((body.Pelvis - body.Waist) * 0.4) + back;
                    var high = body.Head + (body.ChestFront * -(Skeleton.HeadRadius + 2)) + ((body.Head - body.NeckBase) * 0.5);
                    yield return Piece.Plain(key, Ink.Furniture, 3.5, low, high) with { Depth = depth(body.Pelvis) - 12 };
                    break;
                }

            case PropKind.Weight:
                {
                    var hand = body.At(prop.At);
                    var c = hand + new Vec3(0, -7, 0);
                    yield return Piece.Shape(key, Ink.Weight, c + new Vec3(-8, 5, 0), c + new Vec3(8, 5, 0), c + new Vec3(8, -7, 0), c + new Vec3(-8, -7, 0)) with { Depth = depth(hand) + 20 };
                    break;
                }

            case PropKind.Towel:
                yield return Piece.Dot(key, Ink.Band, new Vec3(at.X, 5, at.Z), 5, false) with { Depth = depth(at) + 20 };
                break;
            case PropKind.Cushion:
                yield return Piece.Shape(key, Ink.Mat, new(at.X - 14, 0, 0), new(at.X - 12, 6, 0), new(at.X + 12, 6, 0), new(at.X + 14, 0, 0)) with { Depth = depth(at) + 20 };
                break;
            case PropKind.HeatPad:
                {
                    var c = body.At(prop.At) + (body.ChestFront * -(Skeleton.TrunkRadius + 1));
                    yield return Piece.Shape(key, Ink.Heat, c + new Vec3(-8, -3, 0), c + new Vec3(8, -3, 0), c + new Vec3(8, 4, 0), c + new Vec3(-8, 4, 0)) with { Depth = depth(c) + 30 };
                    break;
                }

            case PropKind.Desk:
                {
                    var front = at.X + 32;
                    var top = start.LeftArm.Middle.Y - 6;
                    yield return Piece.Plain(key, Ink.Furniture, 5, new Vec3(front, top, at.Z), new Vec3(front + 60, top, at.Z)) with { Depth = BackDepth };
                    yield return Piece.Plain(key + "-leg", Ink.Furniture, 4, new Vec3(front + 55, top, at.Z), new Vec3(front + 55, 0, at.Z)) with { Depth = BackDepth };
                    var eye = start.Head.Y + 2;
                    yield return Piece.Plain(key + "-screen", Ink.Weight, 5, new Vec3(front + 45, eye - 30, at.Z), new Vec3(front + 45, eye, at.Z)) with { Depth = BackDepth };
                    yield return Piece.Plain(key + "-foot", Ink.Weight, 4, new Vec3(front + 45, top, at.Z), new Vec3(front + 45, eye - 30, at.Z)) with { Depth = BackDepth };
                    break;
                }

            case PropKind.Bed:
                yield return Piece.Shape(key, Ink.Mat, new(minX - 8, 0, 0), new(maxX + 8, 0, 0), new(maxX + 8, -14, 0), new(minX - 8, -14, 0)) with { Depth = BackDepth };
                yield return Piece.Plain(key + "-frame", Ink.Furniture, 5, new Vec3(minX - 8, -16, 0), new Vec3(maxX + 8, -16, 0)) with { Depth = BackDepth };
                yield return Piece.Plain(key + "-head", Ink.Furniture, 5, new Vec3(minX - 10, -34, 0), new Vec3(minX - 10, 30, 0)) with { Depth = BackDepth };
                yield return Piece.Shape(key + "-pillow", Ink.Wall, new(start.Head.X - 14, 0, 0), new(start.Head.X - 12, 8, 0), new(start.Head.X + 12, 8, 0), new(start.Head.X + 14, 0, 0)) with { Depth = BackDepth + 1 };
                break;
        }
    }

    private static IEnumerable<Piece> Chair(string key, Vec3 seatBack, Vec3 seatFront, double backAt)
    {
        var top = backAt > 0 ? backAt : seatBack.Y + 42;
        var side = new Vec3(0, 0, 20);
        yield return Piece.Board(key + "-back", Ink.Furniture, seatBack with { Y = 0 } - side, seatBack with { Y = top } - side, seatBack with { Y = top } + side, seatBack with { Y = 0 } + side) with { Depth = BackDepth };
        yield return Piece.Board(key + "-seat", Ink.Furniture, seatBack - side, seatFront - side, seatFront + side, seatBack + side) with { Depth = BackDepth };
        yield return Piece.Plain(key + "-leg", Ink.Furniture, 4, seatFront - side, seatFront with { Y = 0 } - side) with { Depth = BackDepth };
        yield return Piece.Plain(key + "-leg2", Ink.Furniture, 4, seatFront + side, seatFront with { Y = 0 } + side) with { Depth = BackDepth };
    }
}
