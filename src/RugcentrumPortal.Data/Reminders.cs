namespace RugcentrumPortal.Data;

/// <summary>The weekdays a patient wants a reminder on, as one set of flags (Monday first, as in the practice's week).</summary>
[Flags]
public enum ReminderDays
{
    None = 0,
    Monday = 1,
    Tuesday = 2,
    Wednesday = 4,
    Thursday = 8,
    Friday = 16,
    Saturday = 32,
    Sunday = 64,
}

/// <summary>
/// Whether and when a patient wants to be reminded of their exercises: on which weekdays, at what time of day in
/// the practice's time zone, by e-mail and/or a notification on their devices, in the language they chose.
/// </summary>
public class ReminderSettings : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public bool Enabled { get; set; }
    public bool ByEmail { get; set; }
    public bool ByPush { get; set; }
    public ReminderDays Days { get; set; }
    public TimeOnly At { get; set; }
    public required string Language { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>
/// One day's reminder to one patient, claimed before it is sent: the unique (patient, day) pair lets exactly one
/// sender (of two instances, or before and after a restart) send it. Its stop link names this row, so the link
/// works once (<see cref="StopUsedAt"/>).
/// </summary>
public class ReminderDelivery : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public DateOnly Day { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }
    public DateTimeOffset? StopUsedAt { get; set; }
}

/// <summary>A browser on which the patient allowed notifications: the push service's address and its keys.</summary>
public class PushDevice : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public required string Endpoint { get; set; }

    /// <summary>SHA-256 of the endpoint, hex: the unique key, as endpoints are too long for every database's index.</summary>
    public required string EndpointHash { get; set; }
    public required string P256dh { get; set; }
    public required string Auth { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// The portal's own key pair for web push (VAPID), made once on first use and shared by every instance. The
/// private key is kept encrypted with the portal's data protection keys.
/// </summary>
public class PushKeyPair
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public required string PublicKey { get; set; }
    public required string ProtectedPrivateKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
