using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Plans;

/// <summary>A plan a therapist builds in Dutch reads in English for a patient who chose English, where the portal wrote it.</summary>
public class PlanLanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string GoalNl = "Spanning in de nek loslaten.";
    private const string GoalEn = "Let go of tension in the neck.";

    [Fact]
    public void A_suggested_goal_reads_in_the_readers_language()
    {
        var phase = SuggestedPhase();

        Assert.Equal(GoalNl, In("nl", phase.ShownGoal));
        Assert.Equal(GoalEn, In("en", phase.ShownGoal));
    }

    [Fact]
    public void Leaving_the_suggestion_as_it_is_keeps_it_in_both_languages()
    {
        var phase = SuggestedPhase();

        In("nl", () => { phase.EditGoal(GoalNl); return 0; });

        Assert.Null(phase.Goal);
        Assert.Equal(GoalEn, In("en", phase.ShownGoal));
    }

    [Fact]
    public void An_edited_goal_is_the_therapists_own_words_for_every_reader()
    {
        var phase = SuggestedPhase();

        In("nl", () => { phase.EditGoal("Elke ochtend rustig de nek losmaken."); return 0; });

        Assert.Equal("Elke ochtend rustig de nek losmaken.", In("en", phase.ShownGoal));
    }

    [Fact]
    public void A_cleared_suggestion_stays_cleared()
    {
        var phase = SuggestedPhase();

        In("nl", () => { phase.EditGoal(null); return 0; });

        Assert.Null(In("nl", phase.ShownGoal));
        Assert.Null(In("en", phase.ShownGoal));
    }

    [Fact]
    public async Task A_plan_made_in_dutch_prints_its_default_title_and_suggested_goals_in_english_for_an_english_reader()
    {
        var plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, "chin-tuck");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            await db.Plans.Where(p => p.Id == plan.Id).ExecuteUpdateAsync(set => set.SetProperty(p => p.Title, "Herstelplan"));
            await db.Set<PlanPhase>().Where(p => p.PlanId == plan.Id).ExecuteUpdateAsync(set => set
                .SetProperty(p => p.Goal, (string?)null)
                .SetProperty(p => p.SuggestedGoalNl, GoalNl)
                .SetProperty(p => p.SuggestedGoalEn, GoalEn));
        }
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");
        await client.SubmitAndFollowAsync(login, "form.language-switch", [], "culture", "en");
        await client.LoginAsync(Baseline.NoordPatient);

        var page = await client.GetPageAsync("/mijn/plan/afdrukken");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Recovery plan", page.Document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(GoalEn, page.Document.Body!.TextContent);
        Assert.DoesNotContain(GoalNl, page.Document.Body!.TextContent);
        Assert.DoesNotContain("Herstelplan", page.Document.Body!.TextContent);
    }

    private static PlanPhase SuggestedPhase() =>
        new() { Phase = RecoveryPhase.Mobility, SuggestedGoalNl = GoalNl, SuggestedGoalEn = GoalEn };

    private static T In<T>(string language, Func<T> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
