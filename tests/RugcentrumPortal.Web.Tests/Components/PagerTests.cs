using RugcentrumPortal.Web.Features.Shared;

namespace RugcentrumPortal.Web.Tests.Components;

public class PagerTests
{
    private static Dictionary<string, object?> Parameters(int page, int count) => new()
    {
        [nameof(Pager.Page)] = page,
        [nameof(Pager.PageCount)] = count,
        [nameof(Pager.Link)] = (Func<int, string>)(p => $"lijst?pagina={p}"),
    };

    [Fact]
    public async Task A_single_page_shows_no_pager()
    {
        var html = await ComponentRenderer.RenderAsync<Pager>(Parameters(1, 1));

        Assert.Null(html.QuerySelector("nav"));
    }

    [Fact]
    public async Task A_middle_page_links_both_ways_and_says_where_you_are()
    {
        var html = await ComponentRenderer.RenderAsync<Pager>(Parameters(2, 3));

        Assert.Equal("lijst?pagina=1", html.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Equal("lijst?pagina=3", html.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal("Pagina 2 van 3", html.QuerySelector("[aria-current=page]")?.TextContent);
    }

    [Fact]
    public async Task The_last_page_has_no_next_link_and_speaks_english_when_asked()
    {
        var html = await ComponentRenderer.RenderAsync<Pager>(Parameters(3, 3), "en");

        Assert.Null(html.QuerySelector("a[rel=next]"));
        Assert.Equal("Page 3 of 3", html.QuerySelector("[aria-current=page]")?.TextContent);
        Assert.Equal("Pages", html.QuerySelector("nav")?.GetAttribute("aria-label"));
    }
}
