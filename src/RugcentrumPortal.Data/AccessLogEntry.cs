using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RugcentrumPortal.Data;

/// <summary>What someone did with a patient's data (NEN 7513).</summary>
public enum AccessEvent
{
    View,
    Change,
    Print,
    PdfExport,
    DataExport,

    /// <summary>The practice handled the patient's request to erase: what only served the portal was removed.</summary>
    Erasure,
}

/// <summary>Who acted: a staff member for the practice, or the patient on their own record.</summary>
public enum AccessOnBehalfOf
{
    Practice,
    PatientThemself,
}

/// <summary>
/// One line of a practice's access log (NEN 7513): who did what with which patient's data, when and from where.
/// Lines are only ever added (the context refuses to change or delete them) and form a chain per practice: each
/// carries a SHA-256 hash over its own content and the previous line's hash, so a changed, removed or inserted line
/// breaks every link after it. Nothing points at the patient by a foreign key, so the log outlives a record that is
/// erased; it is kept for at least five years and no job removes it.
/// </summary>
public class AccessLogEntry
{
    /// <summary>The hash the first line of a chain links to.</summary>
    public static readonly string GenesisHash = new('0', 64);

    public long Id { get; set; }

    /// <summary>The chain: one per practice, on whose records the access happened.</summary>
    public Guid PracticeId { get; set; }

    /// <summary>Position in the practice's chain, from 1 without gaps; unique, so two writers cannot both take it.</summary>
    public long Sequence { get; set; }

    public AccessEvent Event { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid PatientId { get; set; }

    /// <summary>The patient's name at the time, so the line stays readable after the record is gone.</summary>
    public required string PatientName { get; set; }

    public required string UserId { get; set; }
    public required string UserName { get; set; }
    public required string Role { get; set; }
    public AccessOnBehalfOf OnBehalfOf { get; set; }

    /// <summary>The network address the request came from, as the server saw it.</summary>
    public string? RemoteAddress { get; set; }

    /// <summary>What was touched, as a stable name of the page or record kind, e.g. "PlanPage" or "ClinicalAssessment".</summary>
    public required string Subject { get; set; }

    /// <summary>Which record or address exactly, e.g. the page's path or the record's id.</summary>
    public required string Target { get; set; }

    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    /// <summary>
    /// The SHA-256 over every field that says what happened and over the previous hash, in a fixed text form so
    /// PostgreSQL and SQLite give the same answer. Instants are hashed to the microsecond, the finest both keep.
    /// </summary>
    public string ComputeHash()
    {
        var content = string.Join('\u001f',
            PracticeId.ToString("N"),
            Sequence.ToString(CultureInfo.InvariantCulture),
            Event.ToString(),
            (At.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
            PatientId.ToString("N"),
            PatientName,
            UserId,
            UserName,
            Role,
            OnBehalfOf.ToString(),
            RemoteAddress ?? "",
            Subject,
            Target,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>Takes its place in the chain after <paramref name="previous"/> (null for the first line) and seals itself.</summary>
    public void LinkAfter(AccessLogEntry? previous)
    {
        Sequence = (previous?.Sequence ?? 0) + 1;
        PreviousHash = previous?.Hash ?? GenesisHash;
        At = new DateTimeOffset(At.UtcTicks / 10 * 10, TimeSpan.Zero);
        Hash = ComputeHash();
    }
}
