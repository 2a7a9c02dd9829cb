namespace RugcentrumPortal.Data;

public static class Roles
{
    public const string PracticeAdmin = nameof(PracticeAdmin);
    public const string Therapist = nameof(Therapist);
    public const string Patient = nameof(Patient);

    /// <summary>Fixed ids, seeded by the first migration, so queries can join on a role without looking it up.</summary>
    public static readonly IReadOnlyDictionary<string, string> Ids = new Dictionary<string, string>
    {
        [PracticeAdmin] = "0b7c9a52-3f4e-4c8e-9b1a-6f2d5e8a1c01",
        [Therapist] = "0b7c9a52-3f4e-4c8e-9b1a-6f2d5e8a1c02",
        [Patient] = "0b7c9a52-3f4e-4c8e-9b1a-6f2d5e8a1c03",
    };
}
