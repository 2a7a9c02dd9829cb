namespace RugcentrumPortal.Web.Features.BodyMap;

/// <summary>A muscle chain to draw: its name and the body regions of its muscles, in chain order.</summary>
public sealed record DiagramChain(string Name, IReadOnlyList<string> RegionIds);
