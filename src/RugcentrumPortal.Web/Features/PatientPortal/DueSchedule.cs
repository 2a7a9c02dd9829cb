namespace RugcentrumPortal.Web.Features.PatientPortal;

/// <summary>
/// On which days an exercise of the plan is due, and how often. TimesPerDay means every day; TimesPerWeek n means
/// n fixed weekdays spread over the week from Monday (1: Mon, 2: Mon/Thu, 3: Mon/Wed/Fri, ... 7 or more: daily);
/// neither means once a day. Fixed days make "today" predictable for the patient and adherence countable.
/// </summary>
public static class DueSchedule
{
    public static bool IsDue(int? timesPerDay, int? timesPerWeek, DateOnly day)
    {
        if (!IsWeekly(timesPerDay, timesPerWeek))
        {
            return true;
        }
        return DueWeekdays(timesPerWeek!.Value).Contains(MondayIndex(day));
    }

    /// <summary>Sessions due on <paramref name="day"/>: TimesPerDay on every day, one on a weekly exercise's fixed days.</summary>
    public static int SessionsOn(int? timesPerDay, int? timesPerWeek, DateOnly day) =>
        !IsDue(timesPerDay, timesPerWeek, day) ? 0 : timesPerDay is > 0 ? timesPerDay.Value : 1;

    /// <summary>Weekday indexes (0 = Monday) for n sessions a week: floor(i * 7 / n), so the days spread evenly.</summary>
    public static IReadOnlyList<int> DueWeekdays(int timesPerWeek)
    {
        var n = Math.Clamp(timesPerWeek, 1, 7);
        return Enumerable.Range(0, n).Select(i => i * 7 / n).ToList();
    }

    /// <summary>True for exercises counted per week (a weekly dose and no daily one).</summary>
    public static bool IsWeekly(int? timesPerDay, int? timesPerWeek) => timesPerDay is not > 0 && timesPerWeek is > 0 and < 7;

    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-MondayIndex(day));

    public static int MondayIndex(DateOnly day) => ((int)day.DayOfWeek + 6) % 7;
}
