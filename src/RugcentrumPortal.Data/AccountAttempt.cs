namespace RugcentrumPortal.Data;

/// <summary>
/// Attempts counted per account (or per what was typed as one) for one purpose, shared by every instance of the
/// portal: wrong passwords for the login's slowing down, reset requests and invitation acceptances for their hourly
/// limits. Not patient data; a row is forgotten once its count no longer matters.
/// </summary>
public class AccountAttempt
{
    /// <summary>The purpose and what is counted, e.g. <c>login|device|NAME@EXAMPLE.TEST</c>.</summary>
    public required string Key { get; set; }

    public int Count { get; set; }

    /// <summary>When the current count began (the start of an hourly window).</summary>
    public DateTimeOffset Since { get; set; }

    /// <summary>When the last attempt was counted.</summary>
    public DateTimeOffset LastAt { get; set; }
}
