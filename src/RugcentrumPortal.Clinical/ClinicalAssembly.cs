namespace RugcentrumPortal.Clinical;

/// <summary>Anchor type for locating the clinical library's embedded reference data.</summary>
public static class ClinicalAssembly;
