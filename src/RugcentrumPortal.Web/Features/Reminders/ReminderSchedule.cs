using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>
/// When a reminder is due: on a chosen weekday, from the chosen time until <see cref="Window"/> later (practice time).
/// The window lets a sender that was down at the moment itself (a restart, a deployment) still send that day's
/// reminder when it is back, without sending one in the evening for the morning.
/// </summary>
public static class ReminderSchedule
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(2);

    /// <summary>The weekdays in the practice's order, Monday first.</summary>
    public static readonly IReadOnlyList<ReminderDays> Week =
        [ReminderDays.Monday, ReminderDays.Tuesday, ReminderDays.Wednesday, ReminderDays.Thursday, ReminderDays.Friday, ReminderDays.Saturday, ReminderDays.Sunday];

    public static ReminderDays DayOf(DateOnly day) => Week[((int)day.DayOfWeek + 6) % 7];

    public static bool InSlot(TimeOnly chosen, TimeOnly now)
    {
        var since = now.ToTimeSpan() - chosen.ToTimeSpan();
        return since >= TimeSpan.Zero && since < Window;
    }
}
