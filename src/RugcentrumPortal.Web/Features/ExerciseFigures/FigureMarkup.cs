using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Exercises;
using RugcentrumPortal.Clinical.Figures;

namespace RugcentrumPortal.Web.Features.ExerciseFigures;

/// <summary>
/// The SVG markup of the built-in exercises' figures. Drawing is deterministic, so each picture is drawn once per
/// exercise, kind and title and then shared: the plan builder lists all exercises at once.
/// </summary>
public static class FigureMarkup
{
    private static readonly ConcurrentDictionary<(string Id, string Kind, string Title), MarkupString> Drawn = new();

    /// <summary>The figure data of an exercise, or null for an exercise without one.</summary>
    public static ExerciseFigure? For(Exercise exercise) =>
        ClinicalCatalog.Default.FiguresByExerciseId.GetValueOrDefault(exercise.Id);

    public static MarkupString Moving(ExerciseFigure figure, string title) =>
        Drawn.GetOrAdd((figure.ExerciseId, "moving", title), key => new MarkupString(FigureRenderer.Animated(figure, key.Title)));

    public static MarkupString Still(ExerciseFigure figure, bool end, string title) =>
        Drawn.GetOrAdd((figure.ExerciseId, end ? "end" : "start", title), key => new MarkupString(FigureRenderer.Still(figure, end, key.Title)));
}
