using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Tests.Demo;

public class DemoSeederTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Demo_data_seeds_once_and_shows_every_part_of_the_portal()
    {
        for (var run = 0; run < 2; run++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            Assert.Equal(1, await db.Practices.CountAsync(p => p.Name == DemoSeeder.PracticeName));
        }
        using var therapist = portal.CreatePortalClient();
        var overview = await therapist.LoginAsync("sanne.therapeut@demo.rugcentrum.example", DemoSeeder.Password, KeyOf("sanne.therapeut@demo.rugcentrum.example"));
        Assert.Contains("Kees de Boer (demo)", overview.Document.QuerySelector("#open-decisions-heading")!.ParentElement!.TextContent);

        var patients = await therapist.GetPageAsync("/patienten?zoek=Ria");
        var riaPage = await therapist.GetPageAsync("/" + patients.Document.QuerySelector(".patient-link")!.GetAttribute("href"));
        Assert.Contains("Versie 1", riaPage.Text);
        Assert.Contains("Staan aan: per e-mail", riaPage.Document.QuerySelector("#reminders-status")!.TextContent);
        Assert.Contains("1 ongelezen", overview.Document.QuerySelector("#messages-heading")!.ParentElement!.TextContent);
        var result = await therapist.GetPageAsync("/" + riaPage.Document.QuerySelector("a[href*='/onderzoek/']:not([href$='nieuw'])")!.GetAttribute("href") + "/resultaat");
        Assert.Contains(Clinical.Catalog.ClinicalCatalog.Default.PatternsById["upper-crossed"].Name.Nl, result.Text);

        using var ria = portal.CreatePortalClient();
        var home = await ria.LoginAsync(DemoSeeder.Accounts.Single(a => a.Role == Roles.Patient && a.Practice == DemoSeeder.PracticeName).Email, DemoSeeder.Password);
        Assert.NotEmpty(home.Document.QuerySelectorAll("input[name=SubmissionId]"));
        var progress = await ria.GetPageAsync("/mijn/voortgang");
        Assert.Contains("%", progress.Document.QuerySelector(".progress-table")!.TextContent);
    }

    [Fact]
    public async Task The_second_demo_practice_sees_only_its_own_patients_and_the_first_none_of_them()
    {
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
        using var mila = portal.CreatePortalClient();
        await mila.LoginAsync("mila.therapeut@baken.demo.rugcentrum.example", DemoSeeder.Password, KeyOf("mila.therapeut@baken.demo.rugcentrum.example"));
        using var sanne = portal.CreatePortalClient();
        await sanne.LoginAsync("sanne.therapeut@demo.rugcentrum.example", DemoSeeder.Password, KeyOf("sanne.therapeut@demo.rugcentrum.example"));

        var milasList = (await mila.GetPageAsync("/patienten")).Text;
        var sannesList = (await sanne.GetPageAsync("/patienten")).Text;

        Assert.Contains("Visser (demo), Henk", milasList);
        Assert.Contains("Bakker (demo), Noor", milasList);
        Assert.DoesNotContain("Jansen (demo)", milasList);
        Assert.Contains("Jansen (demo), Ria", sannesList);
        Assert.DoesNotContain("Visser (demo)", sannesList);
    }

    private static string KeyOf(string email) => DemoSeeder.Accounts.Single(a => a.Email == email).AuthenticatorKey!;
}
