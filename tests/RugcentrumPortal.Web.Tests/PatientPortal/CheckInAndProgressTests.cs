using System.Net;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;
using static RugcentrumPortal.Web.Tests.PatientPortal.PortalTestData;
using static RugcentrumPortal.TestSupport.TestPlans;

namespace RugcentrumPortal.Web.Tests.PatientPortal;

public class CheckInAndProgressTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const string Form = "form[method=post]:has(textarea[name='Input.Note'])";

    public Task InitializeAsync() => portal.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_therapists_progress_page_speaks_about_the_patient_and_the_patients_page_to_the_patient()
    {
        await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), TestPlans.Exercise("chin-tuck", perDay: 1));
        using var therapist = portal.On(Wednesday).CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        using var patient = portal.On(Wednesday).CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);

        var about = await therapist.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/voortgang");
        var mine = await patient.GetPageAsync("/mijn/voortgang");

        Assert.Contains("Hoeveel deed de patiënt per week?", about.Text);
        Assert.Contains("De patiënt heeft nog geen weekcheck ingevuld.", about.Text);
        Assert.DoesNotContain("Uw weekcheck", about.Text);
        Assert.DoesNotContain("U heeft", about.Text);
        Assert.Contains("Hoeveel deed u per week?", mine.Text);
        Assert.Contains("Uw weekcheck", mine.Text);
    }

    [Fact]
    public async Task No_question_of_the_weekly_check_is_both_required_and_allowed_to_stay_empty()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var form = await client.GetPageAsync("/mijn/weekcheck");

        var questions = form.Document.QuerySelectorAll("legend, label").Select(q => q.TextContent).ToList();
        Assert.Contains(questions, q => q.Contains("(verplicht)"));
        Assert.DoesNotContain(questions, q => q.Contains("(verplicht)") && q.Contains("mag leeg blijven"));
    }

    [Fact]
    public async Task The_weekly_check_in_is_kept_once_per_week_and_a_second_submit_updates_it()
    {
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var form = await client.GetPageAsync("/mijn/weekcheck");

        var thanks = await client.SubmitAndFollowAsync(form, Form, new()
        {
            ["Input.LessTensionNeck"] = "true", ["Input.SmootherMovement"] = "true", ["Input.Nprs"] = "4", ["Input.Note"] = "Fietsen ging goed.",
        });
        var again = await client.GetPageAsync("/mijn/weekcheck");
        await client.SubmitAsync(again, Form, new() { ["Input.LessTensionNeck"] = null, ["Input.Nprs"] = "3" });
        await client.SubmitAsync(again, Form, new() { ["Input.LessTensionNeck"] = null, ["Input.Nprs"] = "3" });

        Assert.Contains("Dank u wel!", thanks.Text);
        Assert.True(again.Document.QuerySelector("#less-tension-neck")!.HasAttribute("checked"));
        var saved = Assert.Single(await portal.WithDbAsync(db => db.WeeklyCheckIns.ToListAsync()));
        Assert.Equal((Monday, 3, false, true, "Fietsen ging goed."), (saved.WeekStart, saved.Nprs, saved.LessTensionNeck, saved.SmootherMovement, saved.Note));
        Assert.Equal(Baseline.NoordPatientId, saved.PatientId);
    }

    [Theory]
    [InlineData("", "Dit veld is verplicht")]
    [InlineData("11", "0 tot en met 10")]
    public async Task The_weekly_pain_score_is_required_and_from_zero_to_ten(string nprs, string message)
    {
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);
        var form = await client.GetPageAsync("/mijn/weekcheck");

        var page = await client.SubmitAndFollowAsync(form, Form, new() { ["Input.Nprs"] = nprs, ["Input.EasierBreathing"] = "true" });

        Assert.Contains(message, page.Document.QuerySelector("#nprs-field .validation-message")?.TextContent);
        Assert.True(page.Document.QuerySelector("#easier-breathing")!.HasAttribute("checked"));
        Assert.Equal(0, await portal.WithDbAsync(db => db.WeeklyCheckIns.CountAsync()));
    }

    [Fact]
    public async Task Progress_shows_weekly_adherence_pain_and_the_check_in_as_charts_and_a_table()
    {
        var plan = await TestPlans.AddAsync(portal, Baseline.NoordPatientId, PlanStatus.Active, At(Monday.AddDays(-7)), Exercise("chin-tuck", perDay: 1));
        await portal.WithDbAsync(async db =>
        {
            var id = plan.Exercises[0].Id;
            SessionLog Log(DateOnly day, SessionOutcome outcome, int? pain) => new()
            {
                PatientId = Baseline.NoordPatientId, PlanId = plan.Id, PlanExerciseId = id, ExerciseId = "chin-tuck", Day = day,
                Outcome = outcome, Pain = pain, SubmissionId = Guid.NewGuid(), CreatedAt = At(day),
            };
            db.SessionLogs.AddRange(
                Log(Monday.AddDays(-7), SessionOutcome.Done, 4), Log(Monday.AddDays(-6), SessionOutcome.Partly, 2),
                Log(Monday, SessionOutcome.Done, 7));
            db.WeeklyCheckIns.Add(new WeeklyCheckIn { PatientId = Baseline.NoordPatientId, WeekStart = Monday.AddDays(-7), Nprs = 5, EasierBreathing = true, CreatedAt = At(Monday) });
            return await db.SaveChangesAsync();
        });
        using var client = portal.On(Wednesday).CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn/voortgang");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.Document.QuerySelectorAll(".progress-table tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        // This week: 1 of 2 days (Mon-Tue; Wednesday is today and not over); last week: 1.5 of 7.
        Assert.Equal(["9 mrt", "50%", "7", "–", "–"], rows[0]);
        Assert.Equal(["2 mrt", "21%", "3", "–", "5"], rows[1]);
        Assert.Contains("50% van uw oefeningen gedaan", page.Text);
        Assert.Contains("duidelijk hoger dan de week ervoor", page.Text);
        Assert.Contains("Ademen gaat makkelijker als ik beweeg", page.Document.QuerySelector(".signal-list")!.TextContent);
        var charts = page.Document.QuerySelectorAll("svg[role=img]").Where(svg => svg.GetAttribute("aria-hidden") != "true").ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, svg => Assert.NotEmpty(svg.QuerySelector("desc")!.TextContent));
        Assert.Contains("week van 2 maart: 21%", charts[0].QuerySelector("desc")!.TextContent);
    }
}
