namespace RugcentrumPortal.Web.Infrastructure.Time;

/// <summary>
/// The one clock: what time it is, and what "today" and a moment on screen mean in the practice's time zone. The
/// server itself runs in UTC, so a log at 00:30 in Amsterdam belongs to that Amsterdam day, not the UTC one.
/// </summary>
public sealed class PracticeClock(TimeProvider time, TimeZoneInfo zone)
{
    public const string DefaultTimeZone = "Europe/Amsterdam";

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>Now, as stored: an instant in UTC.</summary>
    public DateTimeOffset Now => time.GetUtcNow();

    /// <summary>Today's date at the practice.</summary>
    public DateOnly Today => DateOf(Now);

    /// <summary>A stored instant as the practice's wall-clock time, for display.</summary>
    public DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The practice's date on which an instant falls.</summary>
    public DateOnly DateOf(DateTimeOffset moment) => DateOnly.FromDateTime(Local(moment).DateTime);

    /// <summary>The instant the practice's day begins (midnight local, whatever the daylight-saving offset).</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    /// <summary>Age in whole years today.</summary>
    public int AgeOf(DateOnly dateOfBirth) => AgeOn(dateOfBirth, Today);

    public static int AgeOn(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
