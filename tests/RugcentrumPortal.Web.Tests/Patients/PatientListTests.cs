using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Patients;

public class PatientListTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        // 23 extra patients so the practice has more than one page of 20.
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        if (db.Patients.Any(p => p.LastName.StartsWith("Reeks")))
        {
            return;
        }
        for (var i = 1; i <= 23; i++)
        {
            db.Patients.Add(new Patient
            {
                PracticeId = Baseline.NoordId, FirstName = "Lid", LastName = $"Reeks {i:00}", DateOfBirth = new DateOnly(1970, 1, i),
                Email = $"reeks{i}@noord.test", CreatedAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Therapist_sees_only_their_own_practices_patients()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        var page = await client.GetPageAsync("/patienten");

        var names = page.Document.QuerySelectorAll(".patient-link").Select(a => a.TextContent).ToList();
        Assert.Equal(["Zuid, Zeno"], names);
    }

    [Fact]
    public async Task Search_finds_a_patient_by_part_of_first_and_last_name_ignoring_case()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync("/patienten?zoek=piet%20PRO");

        var names = page.Document.QuerySelectorAll(".patient-link").Select(a => a.TextContent).ToList();
        Assert.Equal(["Proef, Piet"], names);
        Assert.Equal("piet PRO", page.Document.QuerySelector("#patient-search")?.GetAttribute("value"));
    }

    [Fact]
    public async Task Search_that_finds_nothing_says_so()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync("/patienten?zoek=Zeno");

        Assert.Empty(page.Document.QuerySelectorAll(".patient-link"));
        Assert.Contains("Geen patiënten gevonden voor \"Zeno\"", page.Text);
    }

    [Fact]
    public async Task Long_lists_are_paged_by_twenty_in_name_order()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var first = await client.GetPageAsync("/patienten");
        var second = await client.GetPageAsync(first.Document.QuerySelector("a[rel=next]")!.GetAttribute("href")!);

        var firstNames = first.Document.QuerySelectorAll(".patient-link").Select(a => a.TextContent).ToList();
        var secondNames = second.Document.QuerySelectorAll(".patient-link").Select(a => a.TextContent).ToList();
        Assert.Equal(20, firstNames.Count);
        Assert.Equal(5, secondNames.Count);
        Assert.Equal("Proef, Piet", firstNames[0]);
        Assert.Equal("Voorbeeld, Els", secondNames[^1]);
        Assert.Contains("Pagina 2 van 2", second.Text);
        Assert.Null(second.Document.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task Paging_keeps_the_search_term()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync("/patienten?zoek=reeks");

        Assert.Equal("patienten?pagina=2&zoek=reeks", page.Document.QuerySelector("a[rel=next]")?.GetAttribute("href"));
    }
}
