namespace RugcentrumPortal.TestSupport;

/// <summary>
/// The time the test portals count authenticator steps on: the real time, moved one 30-second step on for every code
/// a test asks for. A code counts once, so a real person signs in to one account at most once per step; tests sign
/// the same staff account in many times a minute, and each sign-in gets a step of its own this way. The check
/// itself (which steps are accepted, which were used) is the portal's own.
/// </summary>
public sealed class AuthenticatorTime : TimeProvider
{
    public static readonly AuthenticatorTime Shared = new();

    private const int StepSeconds = 30;
    private long stepsAhead;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddSeconds(StepSeconds * Interlocked.Read(ref stepsAhead));

    /// <summary>Moves on one step and returns the new time, at which a code is made.</summary>
    public DateTimeOffset NextStep() => System.GetUtcNow().AddSeconds(StepSeconds * Interlocked.Increment(ref stepsAhead));
}
