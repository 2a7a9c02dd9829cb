using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace RugcentrumPortal.Web.Infrastructure.Pdf;

public sealed record PdfRequest(string Html, string FooterHtml);

/// <summary>
/// Prints HTML to A4 PDF in one shared headless Chromium. Concurrency is bounded, every print has a timeout,
/// and a browser that died (crash, kill, out of memory) is replaced on the next request.
/// </summary>
/// <remarks>
/// A page, once opened, is kept for the next print instead of opening a browser context and a page each time (with
/// it the warm median fell from 478 to 321 ms, bench/README.md). Each print replaces the whole document, and
/// scripts are off, so nothing of one plan is left for the next; a page that failed is closed, not kept.
/// </remarks>
public sealed class ChromiumPdfPrinter(IOptions<PdfOptions> options, ILogger<ChromiumPdfPrinter> logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim slots = new(Math.Max(1, options.Value.MaxConcurrency));
    private readonly SemaphoreSlim launchGate = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentBag<IPage> idlePages = [];
    private IPlaywright? playwright;
    private IBrowser? browser;

    /// <summary>A switch on the running browser's command line, unique to it, by which its processes can be found.</summary>
    public string? ProcessMarker { get; private set; }

    public async Task<byte[]> PrintAsync(PdfRequest request, CancellationToken cancellationToken = default)
    {
        var timeout = TimeSpan.FromSeconds(options.Value.TimeoutSeconds);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await slots.WaitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfUnavailableException("All PDF slots stayed busy until the timeout.");
        }
        try
        {
            return await PrintWithRetryAsync(request, timeout, timeoutSource.Token);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<byte[]> PrintWithRetryAsync(PdfRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await PrintOnceAsync(request, timeout, cancellationToken);
        }
        catch (PlaywrightException ex) when (browser is not { IsConnected: true })
        {
            // The browser died under us: start a fresh one and try this print once more.
            logger.LogWarning(ex, "Chromium disconnected during a print; starting a new browser");
            return await PrintOnceAsync(request, timeout, cancellationToken);
        }
    }

    private async Task<byte[]> PrintOnceAsync(PdfRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var running = await EnsureBrowserAsync(cancellationToken);
        var page = await PageAsync(running, timeout);
        var kept = false;
        try
        {
            await page.SetContentAsync(request.Html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            var pdf = page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PrintBackground = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = request.FooterHtml,
                Margin = new Margin { Top = "16mm", Bottom = "20mm", Left = "15mm", Right = "15mm" },
            });
            var printed = await pdf.WaitAsync(timeout, cancellationToken);
            idlePages.Add(page);
            kept = true;
            return printed;
        }
        catch (TimeoutException ex)
        {
            throw new PdfUnavailableException("Printing the PDF took too long.", ex);
        }
        finally
        {
            if (!kept)
            {
                await CloseQuietlyAsync(page.Context);
            }
        }
    }

    /// <summary>A kept page of the running browser, or a new one in a context of its own.</summary>
    private async Task<IPage> PageAsync(IBrowser running, TimeSpan timeout)
    {
        while (idlePages.TryTake(out var idle))
        {
            if (!idle.IsClosed && idle.Context.Browser == running)
            {
                return idle;
            }
            await CloseQuietlyAsync(idle.Context);
        }
        var context = await running.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)timeout.TotalMilliseconds);
        return page;
    }

    private async Task<IBrowser> EnsureBrowserAsync(CancellationToken cancellationToken)
    {
        if (browser is { IsConnected: true } current)
        {
            return current;
        }
        await launchGate.WaitAsync(cancellationToken);
        try
        {
            if (browser is { IsConnected: true } raced)
            {
                return raced;
            }
            if (browser is not null)
            {
                await CloseQuietlyAsync(browser);
            }
            var path = options.Value.ChromiumPath;
            if (!File.Exists(path))
            {
                throw new PdfUnavailableException($"Chromium was not found at {path}.");
            }
            playwright ??= await Playwright.CreateAsync();
            ProcessMarker = "--rugcentrum-pdf=" + Guid.NewGuid().ToString("N");
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = path,
                Headless = true,
                Args =
                [
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", ProcessMarker,
                ],
            });
            logger.LogInformation("Chromium started for PDF printing");
            return browser;
        }
        catch (PlaywrightException ex)
        {
            throw new PdfUnavailableException("Chromium could not be started.", ex);
        }
        finally
        {
            launchGate.Release();
        }
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try
        {
            await context.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is already gone; nothing left to close.
        }
    }

    private static async Task CloseQuietlyAsync(IBrowser old)
    {
        try
        {
            await old.CloseAsync();
        }
        catch (PlaywrightException)
        {
            // The browser is already gone; nothing left to close.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await CloseQuietlyAsync(browser);
        }
        playwright?.Dispose();
        slots.Dispose();
        launchGate.Dispose();
    }
}
