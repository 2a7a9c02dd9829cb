using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Patients;

/// <summary>The live patient list: search as you type, Dutch surnames, counts and dates in either language.</summary>
public class PatientListPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        if (db.Patients.Any(p => p.LastName == "de Boer"))
        {
            return;
        }
        foreach (var (first, last, born) in new[]
        {
            ("Anna", "de Boer", new DateOnly(1952, 3, 4)), ("Ria", "Jansen", new DateOnly(1968, 11, 14)),
            ("Joop", "van der Meer", new DateOnly(1947, 7, 1)), ("Bram", "Bakker", new DateOnly(1985, 2, 20)),
        })
        {
            db.Patients.Add(new Patient
            {
                PracticeId = Baseline.NoordId, FirstName = first, LastName = last, DateOfBirth = born,
                Email = $"{first.ToLowerInvariant()}@noord.test", CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dutch_surnames_are_listed_under_their_main_part_with_the_prefix_after_the_first_name()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = workspace.RenderPage<PatientList>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Bakker, Bram", "Boer, Anna de", "Jansen, Ria", "Meer, Joop van der", "Proef, Piet", "Voorbeeld, Els"],
            Names(page)));
    }

    [Theory]
    [InlineData("ria jansen")]
    [InlineData("Jansen, Ria")]
    [InlineData("jans")]
    public async Task Typing_a_name_in_either_order_narrows_the_list_without_a_page_load_and_keeps_it_in_the_address(string typed)
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = workspace.RenderPage<PatientList>();
        page.WaitForAssertion(() => Assert.Contains("Proef, Piet", Names(page)));

        page.Find("#patient-search").Input(typed);

        page.WaitForAssertion(() => Assert.Equal(["Jansen, Ria"], Names(page)));
        Assert.Equal("1 patiënt", page.Find(".patient-count").TextContent.Trim());
        var address = workspace.Services.GetRequiredService<NavigationManager>().Uri;
        Assert.EndsWith("/patienten?zoek=" + Uri.EscapeDataString(typed), address);
    }

    [Fact]
    public async Task A_bookmarked_search_opens_with_its_term_and_its_results()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        workspace.Services.GetRequiredService<NavigationManager>().NavigateTo("patienten?zoek=boer%20anna");

        var page = workspace.RenderPage<PatientList>();

        page.WaitForAssertion(() => Assert.Equal(["Boer, Anna de"], Names(page)));
        Assert.Equal("boer anna", page.Find("#patient-search").GetAttribute("value"));
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_so_in_dutch()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = workspace.RenderPage<PatientList>();
        page.WaitForAssertion(() => Assert.NotEmpty(Names(page)));

        page.Find("#patient-search").Input("Zeno");

        page.WaitForAssertion(() => Assert.Contains("Geen patiënten gevonden voor \"Zeno\"", page.Markup));
        Assert.Empty(Names(page));
    }

    [Theory]
    [InlineData("nl", "1 patiënt", "patiënten")]
    [InlineData("en", "1 patient", "patients")]
    public async Task Counts_read_as_one_patient_or_many_in_the_chosen_language(string language, string one, string many)
    {
        await using (var zuid = await WorkspaceContext.SignedInAsync(portal, Baseline.ZuidTherapist, language))
        {
            var single = zuid.RenderPage<PatientList>();
            single.WaitForAssertion(() => Assert.Equal(one, single.Find(".patient-count").TextContent.Trim()));
        }
        await using var noord = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, language);

        var page = noord.RenderPage<PatientList>();

        page.WaitForAssertion(() => Assert.Matches($"^[0-9]+ {many}$", page.Find(".patient-count").TextContent.Trim()));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task Dates_of_birth_read_day_month_year_in_either_language(string language)
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, language);
        var page = workspace.RenderPage<PatientList>();
        page.WaitForAssertion(() => Assert.NotEmpty(Names(page)));

        page.Find("#patient-search").Input("ria jansen");

        page.WaitForAssertion(() => Assert.Equal(["Jansen, Ria"], Names(page)));
        Assert.Matches("^0?14-11-1968$", page.Find(".patient-table tbody tr td:nth-child(2)").TextContent.Trim());
    }

    private static List<string> Names(IRenderedComponent<PatientList> page) =>
        page.FindAll(".patient-link").Select(a => a.TextContent).ToList();
}
