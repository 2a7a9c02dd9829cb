using RugcentrumPortal.Clinical.Regions;

namespace RugcentrumPortal.Web.Features.BodyMap;

public enum BodyView
{
    Front,
    Back,
}

/// <summary>Where a body region is drawn on the front or back figure (SVG user units, figure 200 x 420).</summary>
public sealed record BodyZone(string RegionId, Side Side, BodyView View, double X, double Y, double RadiusX, double RadiusY)
{
    /// <summary>The value a complaint checkbox posts: the region id, plus ":left" or ":right" where the side matters.</summary>
    public string Key => ZoneKey.Of(RegionId, Side);
}

public static class ZoneKey
{
    public static string Of(string regionId, Side side) => side switch
    {
        Side.Left => regionId + ":left",
        Side.Right => regionId + ":right",
        _ => regionId,
    };

    public static (string RegionId, Side Side) Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (key, Side.Both);
        }
        var side = key[(colon + 1)..] switch
        {
            "left" => Side.Left,
            "right" => Side.Right,
            _ => throw new FormatException($"Unknown side in '{key}'."),
        };
        return (key[..colon], side);
    }
}

/// <summary>
/// The drawing of the body diagram. On the front figure the patient's right side is on the viewer's left;
/// on the back figure the patient's left is on the viewer's left, as a therapist sees the patient.
/// </summary>
public static class BodyZones
{
    public static readonly IReadOnlyList<BodyZone> All = Build();

    public static IEnumerable<BodyZone> In(BodyView view) => All.Where(z => z.View == view);

    private static List<BodyZone> Build()
    {
        var zones = new List<BodyZone>();
        void Centre(string id, BodyView view, double y, double rx, double ry) =>
            zones.Add(new BodyZone(id, Side.Both, view, 100, y, rx, ry));
        void Pair(string id, BodyView view, double offset, double y, double rx, double ry)
        {
            // Front: the patient's right is drawn on the viewer's left.
            var (first, second) = view == BodyView.Front ? (Side.Right, Side.Left) : (Side.Left, Side.Right);
            zones.Add(new BodyZone(id, first, view, 100 - offset, y, rx, ry));
            zones.Add(new BodyZone(id, second, view, 100 + offset, y, rx, ry));
        }

        foreach (var view in new[] { BodyView.Front, BodyView.Back })
        {
            Centre("head-jaw", view, 30, 17, 21);
            Centre("neck", view, 61, 10, 7);
            Pair("shoulder", view, 33, 80, 13, 10);
            Pair("arm-elbow", view, 47, 135, 8, 30);
            Pair("wrist-hand", view, 55, 196, 8, 14);
            Pair("knee", view, 14, 282, 10, 10);
            Pair("calf", view, 14, 330, 9, 26);
            Pair("ankle-foot", view, 14, 388, 10, 10);
        }
        Centre("chest", BodyView.Front, 100, 25, 16);
        Centre("abdomen", BodyView.Front, 146, 21, 20);
        Pair("hip", BodyView.Front, 16, 186, 11, 10);
        Pair("thigh", BodyView.Front, 14, 232, 12, 28);

        Centre("upper-back", BodyView.Back, 98, 22, 13);
        Centre("mid-back", BodyView.Back, 128, 18, 11);
        Centre("low-back", BodyView.Back, 155, 20, 11);
        Pair("pelvis-si", BodyView.Back, 11, 177, 7, 6);
        Pair("buttock", BodyView.Back, 15, 198, 13, 11);
        Pair("thigh", BodyView.Back, 14, 238, 12, 26);
        return zones;
    }
}
