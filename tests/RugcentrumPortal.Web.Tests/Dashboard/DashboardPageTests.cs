using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Dashboard;

public class DashboardPageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_list_on_the_live_overview_counts_the_patients_it_links_to()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = workspace.RenderPage<Features.Dashboard.Dashboard>();

        page.WaitForAssertion(() => Assert.Equal(4, page.FindAll("section").Count));
        Assert.Equal(["Open rode-vlagbesluit", "Onafgemaakte concepten", "Herbeoordeling nodig", "Nieuwe berichten"],
            page.FindAll("section h2 > span").Select(s => s.TextContent.Trim()).ToArray());
        foreach (var section in page.FindAll("section"))
        {
            var count = int.Parse(section.QuerySelector(".mud-chip")!.TextContent.Trim());
            Assert.Equal(count, section.QuerySelectorAll("li a").Length);
        }
    }
}
