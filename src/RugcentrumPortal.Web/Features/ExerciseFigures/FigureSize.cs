namespace RugcentrumPortal.Web.Features.ExerciseFigures;

/// <summary>Where a figure is shown, which sets its size and whether it may move.</summary>
public enum FigureSize
{
    /// <summary>The patient's exercise page: big, moving unless the patient's system asks for reduced motion.</summary>
    Large,

    /// <summary>A list or card in the workspace: small, moving the same way.</summary>
    Small,

    /// <summary>
    /// A long list such as the plan builder's library: start and end side by side, small and never moving, so
    /// forty figures do not move at once and the live connection carries a third of the markup.
    /// </summary>
    ListItem,

    /// <summary>Paper and PDF: start and end side by side, never moving.</summary>
    Print,
}
