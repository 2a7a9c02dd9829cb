using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Shared;

namespace RugcentrumPortal.Web.Tests.Components;

public class PagerTests
{
    private static IRenderedComponent<Pager> Render(int page, int count, string culture = "nl")
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = RugcentrumPortal.Web.Infrastructure.Localization.Culture(culture);
        var context = new BunitContext();
        context.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        return context.Render<Pager>(parameters => parameters
            .Add(p => p.Page, page)
            .Add(p => p.PageCount, count)
            .Add(p => p.Link, (Func<int, string>)(p => $"lijst?pagina={p}")));
    }

    [Fact]
    public void A_single_page_shows_no_pager()
    {
        var pager = Render(1, 1);

        Assert.Empty(pager.FindAll("nav"));
    }

    [Fact]
    public void A_middle_page_links_both_ways_and_says_where_you_are()
    {
        var pager = Render(2, 3);

        Assert.Equal("lijst?pagina=1", pager.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("lijst?pagina=3", pager.Find("a[rel=next]").GetAttribute("href"));
        Assert.Equal("Pagina 2 van 3", pager.Find("[aria-current=page]").TextContent);
    }

    [Fact]
    public void The_last_page_has_no_next_link_and_speaks_english_when_asked()
    {
        var pager = Render(3, 3, "en");

        Assert.Empty(pager.FindAll("a[rel=next]"));
        Assert.Equal("Page 3 of 3", pager.Find("[aria-current=page]").TextContent);
        Assert.Equal("Pages", pager.Find("nav").GetAttribute("aria-label"));
    }
}
