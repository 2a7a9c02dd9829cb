using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical.Muscles;

/// <summary>Whether a muscle mainly stabilises (deep, continuous, low tension) or moves (superficial, force).</summary>
public enum MuscleLayer
{
    /// <summary>Deep muscle near spine or joint that stabilises at low, continuous tension.</summary>
    DeepStabiliser,

    /// <summary>Superficial muscle that produces movement and force and switches on and off.</summary>
    SuperficialMover,
}

/// <summary>A therapist's judgement of a muscle's activity.</summary>
public enum MuscleTone
{
    /// <summary>Works too much or cannot let go (tense, dominant).</summary>
    Overactive,

    /// <summary>Works as expected.</summary>
    Normal,

    /// <summary>Works too little or switches on late.</summary>
    Underactive,
}

/// <summary>A muscle or functional muscle group in the reference data.</summary>
public sealed record Muscle
{
    /// <summary>Stable kebab-case id, e.g. "upper-trapezius".</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>Body-diagram region id where the muscle lies.</summary>
    public required string RegionId { get; init; }

    /// <summary>Deep stabiliser or superficial mover.</summary>
    public required MuscleLayer Layer { get; init; }

    /// <summary>True when left and right are judged separately.</summary>
    public required bool HasSides { get; init; }

    /// <summary>True for the primary and accessory breathing muscles.</summary>
    public required bool IsBreathingMuscle { get; init; }

    /// <summary>Position in <see cref="Catalog.ClinicalCatalog.Muscles"/>, used for array lookups in hot paths.</summary>
    internal int Index { get; init; }
}
