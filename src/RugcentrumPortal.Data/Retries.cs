namespace RugcentrumPortal.Data;

/// <summary>
/// How long a request rides out a database that is away (ADR 0030). EF Core waits about 0, 1, 3, 5 and 5 seconds
/// before the five retries: a restart of up to about 14 seconds costs the request a wait, not an error page, and a
/// real outage shows the error page after about as long instead of holding the request for minutes.
/// </summary>
public static class Retries
{
    public const int MaxRetryCount = 5;

    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);
}
