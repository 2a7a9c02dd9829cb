using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Regions;

/// <summary>Which side of the body a finding concerns.</summary>
public enum Side
{
    /// <summary>Not side-specific, or both sides equally.</summary>
    Both = 0,

    /// <summary>Left side.</summary>
    Left = 1,

    /// <summary>Right side.</summary>
    Right = 2,
}

/// <summary>On which body-diagram view a region can be drawn.</summary>
public enum DiagramView
{
    /// <summary>Front view only.</summary>
    Front,

    /// <summary>Back view only.</summary>
    Back,

    /// <summary>Both front and back views.</summary>
    FrontAndBack,
}

/// <summary>A region of the body diagram; the set is fixed so the web app can draw it.</summary>
/// <param name="Id">Stable kebab-case id, e.g. "low-back".</param>
/// <param name="Name">Display name.</param>
/// <param name="HasSides">True when a complaint here is recorded per side (left/right).</param>
/// <param name="View">Diagram view(s) on which the region appears.</param>
public sealed record BodyRegion(string Id, LocalizedText Name, bool HasSides, DiagramView View);
