using System.Globalization;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RugcentrumPortal.Web.Tests.Components;

/// <summary>Renders one component to HTML with the portal's texts, in the given culture, for AngleSharp to query.</summary>
public static class ComponentRenderer
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddLogging()
        .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
        .AddLocalization(options => options.ResourcesPath = "Resources")
        .BuildServiceProvider();

    public static async Task<IHtmlDocument> RenderAsync<TComponent>(Dictionary<string, object?> parameters, string culture = "nl")
        where TComponent : IComponent
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            await using var renderer = new HtmlRenderer(Services, Services.GetRequiredService<ILoggerFactory>());
            var html = await renderer.Dispatcher.InvokeAsync(async () =>
                (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
            return new HtmlParser().ParseDocument($"<html><body>{html}</body></html>");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }
}
