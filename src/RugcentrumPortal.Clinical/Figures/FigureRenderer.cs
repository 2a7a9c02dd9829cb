using System.Globalization;
using System.Net;
using System.Text;

namespace RugcentrumPortal.Clinical.Figures;

/// <summary>
/// Draws an exercise figure as SVG: a still picture of the start or end pose, or one picture that moves slowly
/// between them (SMIL, looping, pausing at each end). The output depends only on the figure and the title, so the
/// same exercise always gives the same markup.
/// </summary>
public static class FigureRenderer
{
    /// <summary>Seconds the figure rests in the start and in the end pose.</summary>
    public const double HoldSeconds = 1.2;

    /// <summary>Seconds one movement from start to end (or back) takes.</summary>
    public const double MoveSeconds = 2.4;

    private const int MoveSteps = 10;
    private const double Padding = 6;

    /// <summary>The practice colour, used for the parts the exercise works.</summary>
    public const string PracticeColour = "#1f5f5b";

    /// <summary>A still picture of the start (<paramref name="end"/> false) or the end pose.</summary>
    public static string Still(ExerciseFigure figure, bool end, string title)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var frames = Frames(figure, [end ? 1 : 0]);
        var box = Box(Frames(figure, [0, 1]), figure.View.Focus);
        return Write(title, box, frames, times: null, "exercise-figure exercise-figure-still");
    }

    /// <summary>A picture moving from the start to the end pose and back, over and over.</summary>
    public static string Animated(ExerciseFigure figure, string title)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var fractions = new List<double> { 0, 0 };
        var times = new List<double> { 0, HoldSeconds };
        for (var i = 1; i <= MoveSteps; i++)
        {
            fractions.Add(Ease((double)i / MoveSteps));
            times.Add(HoldSeconds + (MoveSeconds * i / MoveSteps));
        }

        fractions.Add(1);
        times.Add((2 * HoldSeconds) + MoveSeconds);
        for (var i = 1; i <= MoveSteps; i++)
        {
            fractions.Add(1 - Ease((double)i / MoveSteps));
            times.Add((2 * HoldSeconds) + MoveSeconds + (MoveSeconds * i / MoveSteps));
        }

        var frames = Frames(figure, fractions);
        return Write(title, Box(frames, figure.View.Focus), frames, times, "exercise-figure exercise-figure-moving");
    }

    /// <summary>Seconds one full loop takes.</summary>
    public static double LoopSeconds => 2 * (HoldSeconds + MoveSeconds);

    private static double Ease(double t) => (1 - Math.Cos(Math.PI * t)) / 2;

    /// <summary>One list of projected pieces per fraction between start (0) and end (1), in the same order.</summary>
    private static List<List<Projected>> Frames(ExerciseFigure figure, IReadOnlyList<double> fractions)
    {
        var view = Rotation.AboutX(figure.View.Elevation) * Rotation.AboutY(-figure.View.Yaw);
        double Depth(Vec3 p) => (view * p).Z;
        var start = FigureScene.Place(figure, figure.Start, null);
        var end = FigureScene.Place(figure, figure.End, start);
        var frames = new List<List<Projected>>();
        foreach (var fraction in fractions)
        {
            var pose = figure.Start.Towards(figure.End, fraction);
            var body = fraction == 0 ? start : FigureScene.Place(figure, pose, start);
            var pieces = FigureScene.Pieces(figure, body, start, end, Depth);
            frames.Add([.. pieces.Select(p => Project(p, view))]);
        }

        // Drawing order: the middle of the movement decides, so the order does not jump within the loop.
        var middle = FigureScene.Pieces(figure, FigureScene.Place(figure, figure.Start.Towards(figure.End, 0.5), start), start, end, Depth);
        var order = middle.Select((p, i) => (p, i)).OrderBy(x => x.p.Depth).ThenBy(x => x.i).Select(x => x.i).ToList();
        return [.. frames.Select(f => order.Select(i => f[i]).ToList())];
    }

    private static Projected Project(Piece piece, Rotation view)
    {
        var points = piece.Points.Select(p => view * p).Select(p => (p.X, -p.Y)).ToArray();
        return new Projected(piece, points);
    }

    private static (double X, double Y, double W, double H) Box(List<List<Projected>> frames, FigureFocus focus)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var piece in frames.SelectMany(f => f))
        {
            var r = Math.Max(piece.Piece.Width / 2, piece.Piece.Radius) + (piece.Piece.Outlined ? 1.5 : 0);
            foreach (var (x, y) in piece.Points.Where((_, i) => Framed(focus, piece.Piece.Key, i)))
            {
                minX = Math.Min(minX, x - r);
                maxX = Math.Max(maxX, x + r);
                minY = Math.Min(minY, y - r);
                maxY = Math.Max(maxY, y + r);
            }
        }

        return (minX - Padding, minY - Padding, maxX - minX + (2 * Padding), maxY - minY + (2 * Padding));
    }

    /// <summary>Whether a point of a piece is inside the part of the figure the picture frames.</summary>
    private static bool Framed(FigureFocus focus, string key, int index) => focus switch
    {
        FigureFocus.Upper => key is "head" or "neck" or "shoulders" || (key == "trunk" && index >= 1) || (key.EndsWith("-arm", StringComparison.Ordinal) && index <= 1),
        FigureFocus.Lower => key.EndsWith("-foot", StringComparison.Ordinal) || key.EndsWith("-leg", StringComparison.Ordinal),
        _ => true,
    };

    private static string Write(string title, (double X, double Y, double W, double H) box, List<List<Projected>> frames, List<double>? times, string cssClass)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{cssClass}\" role=\"img\" viewBox=\"{N(box.X)} {N(box.Y)} {N(box.W)} {N(box.H)}\">");
        svg.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
        var keyTimes = times is null ? null : string.Join(";", times.Select(t => N4(t / times[^1])));
        for (var i = 0; i < frames[0].Count; i++)
        {
            var states = frames.Select(f => f[i]).ToList();
            WritePiece(svg, states, keyTimes, times?[^1] ?? 0);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void WritePiece(StringBuilder svg, List<Projected> states, string? keyTimes, double duration)
    {
        var first = states[0];
        var piece = first.Piece;
        var colour = Colour(piece.Ink);
        if (first.Points.Length == 1)
        {
            if (states.All(s => s.Piece.Radius == 0))
            {
                return;
            }

            var outline = piece.Outlined ? " stroke=\"#ffffff\" stroke-width=\"2.5\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"fig-{piece.Key}\" cx=\"{N(first.Points[0].X)}\" cy=\"{N(first.Points[0].Y)}\" r=\"{N(piece.Radius)}\" fill=\"{colour}\"{outline}>");
            Animate(svg, "cx", states.Select(s => N(s.Points[0].X)).ToList(), keyTimes, duration);
            Animate(svg, "cy", states.Select(s => N(s.Points[0].Y)).ToList(), keyTimes, duration);
            Animate(svg, "r", states.Select(s => N(s.Piece.Radius)).ToList(), keyTimes, duration);
            svg.Append("</circle>");
            return;
        }

        var paths = states.Select(s => PathOf(s)).ToList();
        if (piece.Filled)
        {
            var edge = piece.Width > 0 ? $" stroke=\"{colour}\" stroke-width=\"{N(piece.Width)}\" stroke-linejoin=\"round\"" : string.Empty;
            svg.Append(CultureInfo.InvariantCulture, $"<path class=\"fig-{piece.Key}\" d=\"{paths[0]}\" fill=\"{colour}\"{edge}>");
            Animate(svg, "d", paths, keyTimes, duration);
            svg.Append("</path>");
            return;
        }

        if (piece.Outlined)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{paths[0]}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"{N(piece.Width + 3)}\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
            Animate(svg, "d", paths, keyTimes, duration);
            svg.Append("</path>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<path class=\"fig-{piece.Key}\" d=\"{paths[0]}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"{N(piece.Width)}\" stroke-linecap=\"round\" stroke-linejoin=\"round\">");
        Animate(svg, "d", paths, keyTimes, duration);
        svg.Append("</path>");
    }

    private static void Animate(StringBuilder svg, string attribute, List<string> values, string? keyTimes, double duration)
    {
        if (keyTimes is null || values.All(v => v == values[0]))
        {
            return;
        }

        svg.Append(CultureInfo.InvariantCulture, $"<animate attributeName=\"{attribute}\" dur=\"{N(duration)}s\" repeatCount=\"indefinite\" calcMode=\"linear\" keyTimes=\"{keyTimes}\" values=\"{string.Join(";", values)}\"/>");
    }

    private static string PathOf(Projected p)
    {
        var d = new StringBuilder();
        for (var i = 0; i < p.Points.Length; i++)
        {
            d.Append(i == 0 ? "M" : "L").Append(N(p.Points[i].X)).Append(' ').Append(N(p.Points[i].Y));
        }

        if (p.Piece.Filled)
        {
            d.Append('Z');
        }

        return d.ToString();
    }

    private static string Colour(Ink ink) => ink switch
    {
        Ink.Floor => "#aab4bb",
        Ink.Mat => "#cfe0dd",
        Ink.Furniture => "#a88f6a",
        Ink.Wall => "#dde3e7",
        Ink.Band => "#d9822b",
        Ink.Weight => "#5c646b",
        Ink.Heat => "#d9542b",
        Ink.BodyFar => "#a4afb7",
        Ink.Worked => PracticeColour,
        Ink.WorkedFar => "#7faaa5",
        Ink.Eye => "#ffffff",
        _ => "#56636d",
    };

    // Adding zero turns a rounded -0 into 0, so the markup never says "-0".
    private static string N(double value) => (Math.Round(value, 1) + 0.0).ToString("0.#", CultureInfo.InvariantCulture);

    private static string N4(double value) => Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);

    private sealed record Projected(Piece Piece, (double X, double Y)[] Points);
}
