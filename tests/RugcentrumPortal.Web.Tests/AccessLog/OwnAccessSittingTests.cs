using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;

namespace RugcentrumPortal.Web.Tests.AccessLog;

/// <summary>
/// The patient's "Wie keek in uw dossier" list: every click of a therapist on a tab of the record is a line in the
/// log, and a patient reading twenty lines of one visit learns less than from one line that says how often.
/// </summary>
public class OwnAccessSittingTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    private static OwnAccessLine Line(int minutes, string staff = "Tom Therapeut", string subject = "PlanPage", AccessEvent kind = AccessEvent.View) =>
        new(Monday.AddMinutes(minutes), staff, "Therapist", kind, subject);

    [Fact]
    public void The_same_therapist_opening_the_same_part_again_in_one_sitting_is_one_line_with_how_often()
    {
        var lines = OwnAccessHistory.Together([Line(0), Line(5), Line(12)]);

        var line = Assert.Single(lines);
        Assert.Equal((3, Monday, Monday.AddMinutes(12)), (line.Times, line.At, line.Until));
    }

    [Fact]
    public void Another_part_another_person_or_a_change_starts_a_new_line()
    {
        var lines = OwnAccessHistory.Together([Line(0), Line(1, subject: "ProgressPage"), Line(2, staff: "Els Voorbeeld", subject: "ProgressPage"),
            Line(3, staff: "Els Voorbeeld", subject: "ProgressPage", kind: AccessEvent.Change), Line(4)]);

        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Equal(1, l.Times));
    }

    [Fact]
    public void A_return_after_the_sitting_or_on_another_day_is_a_new_line()
    {
        var lines = OwnAccessHistory.Together([Line(0), Line(20), Line(20 + 31), Line(24 * 60 + 51)]);

        Assert.Equal([2, 1, 1], lines.Select(l => l.Times));
        Assert.Equal(Monday.AddMinutes(20), lines[0].Until);
    }
}
