using RugcentrumPortal.Web.Features.PatientPortal;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class DueScheduleTests
{
    [Theory]
    [InlineData(1, "Mon")]
    [InlineData(2, "Mon Thu")]
    [InlineData(3, "Mon Wed Fri")]
    [InlineData(4, "Mon Tue Thu Sat")]
    [InlineData(5, "Mon Tue Wed Fri Sat")]
    [InlineData(6, "Mon Tue Wed Thu Fri Sat")]
    [InlineData(7, "Mon Tue Wed Thu Fri Sat Sun")]
    [InlineData(9, "Mon Tue Wed Thu Fri Sat Sun")]
    public void Weekly_exercises_fall_on_fixed_days_spread_over_the_week(int timesPerWeek, string days)
    {
        var monday = new DateOnly(2026, 3, 9);

        var due = Enumerable.Range(0, 7).Select(monday.AddDays).Where(d => DueSchedule.IsDue(null, timesPerWeek, d)).Select(d => d.DayOfWeek.ToString()[..3]);

        Assert.Equal(days, string.Join(' ', due));
    }

    [Fact]
    public void A_daily_dose_is_due_every_day_as_often_as_prescribed_and_no_dose_means_once_a_day()
    {
        var sunday = new DateOnly(2026, 3, 15);

        Assert.Equal(3, DueSchedule.SessionsOn(3, null, sunday));
        Assert.Equal(2, DueSchedule.SessionsOn(2, 1, sunday));
        Assert.Equal(1, DueSchedule.SessionsOn(null, null, sunday));
        Assert.Equal(0, DueSchedule.SessionsOn(null, 3, sunday));
    }
}
