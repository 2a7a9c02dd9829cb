using Microsoft.Playwright;

/// <summary>
/// Holds circuits as same-origin frames, a number to a tab and each tab in its own browser context signed in as
/// the same therapist. Every frame loads the page on its own, starts Blazor and connects its own circuit over the
/// real hub; what the server holds per frame is what it holds per tab, while the browser spends a fraction.
/// </summary>
internal sealed class CircuitTabs(IBrowser browser, Uri baseAddress, string session, int perPage)
{
    // A plain static page of the portal carries the frames.
    private const string HostPath = "/account/geen-toegang";
    private const int FramesAtOnce = 10;

    public async Task<OpenFrames> OpenAsync(string path, int count, bool live)
    {
        var tabs = new List<(IBrowserContext Context, IPage Page, int Frames)>();
        for (var opened = 0; opened < count; opened += perPage)
        {
            var frames = Math.Min(perPage, count - opened);
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = baseAddress.ToString(), Locale = "nl-NL", StorageState = session,
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync(HostPath);
            for (var added = 0; added < frames; added += FramesAtOnce)
            {
                var batch = Math.Min(FramesAtOnce, frames - added);
                await page.EvaluateAsync(AddFramesScript, new object[] { path, batch });
                try
                {
                    await page.WaitForFunctionAsync(ReadyScript, new object[] { added + batch, live },
                        new() { PollingInterval = 100, Timeout = 120_000 });
                }
                catch (TimeoutException)
                {
                    throw new TimeoutException("frames not ready: " + await page.EvaluateAsync<string>(StatusScript));
                }
            }
            tabs.Add((context, page, frames));
        }
        await Task.Delay(1000);
        return new OpenFrames(tabs);
    }

    private const string AddFramesScript = """
        ([src, count]) => {
            for (let i = 0; i < count; i++) {
                const frame = document.createElement('iframe');
                frame.src = src;
                frame.width = 1280;
                frame.height = 720;
                document.body.appendChild(frame);
            }
        }
        """;

    private const string StatusScript = """
        () => [...document.querySelectorAll('iframe')].map(frame => {
            const doc = frame.contentDocument;
            return doc ? doc.readyState + ' ' + doc.querySelector('[data-circuit]')?.getAttribute('data-circuit') + ' ' + frame.contentWindow.performance.getEntriesByType('resource').filter(e => e.name.includes('_blazor')).map(e => e.name.slice(-40) + ' ' + e.initiatorType).join(',') : 'no document';
        }).join('; ')
        """;

    private const string ReadyScript = """
        ([count, live]) => [...document.querySelectorAll('iframe')].filter(frame => {
            const doc = frame.contentDocument;
            return doc && doc.location.href !== 'about:blank' && doc.readyState === 'complete'
                && (!live || doc.querySelector('[data-circuit=up]'));
        }).length >= count
        """;
}

/// <summary>The frames one run opened, each holding a circuit.</summary>
internal sealed class OpenFrames(List<(IBrowserContext Context, IPage Page, int Frames)> tabs)
{
    public int Count => tabs.Sum(t => t.Frames);

    /// <summary>Clicks in frame <paramref name="index"/> and returns the milliseconds until the server's answer shows.</summary>
    public async Task<double> ClickAsync(int index, IReadOnlyList<string> selectors)
    {
        foreach (var tab in tabs)
        {
            if (index < tab.Frames)
            {
                return await tab.Page.EvaluateAsync<double>(ClickScript, new object[] { index, selectors.ToArray() });
            }
            index -= tab.Frames;
        }
        throw new ArgumentOutOfRangeException(nameof(index));
    }

    /// <summary>
    /// Fires clicks at <paramref name="perSecond"/> over all frames for the given seconds, on the page's own timer
    /// whether or not earlier clicks were answered (a frame still waiting is skipped), and returns the round trips.
    /// </summary>
    public async Task<List<double>> FireAsync(int perSecond, int seconds, IReadOnlyList<string> selectors)
    {
        var shares = tabs.Select(tab => tab.Page.EvaluateAsync<double[]>(FireScript,
            new object[] { perSecond * (double)tab.Frames / Count, seconds, selectors.ToArray() }));
        return (await Task.WhenAll(shares)).SelectMany(t => t).ToList();
    }

    /// <summary>Closes the tabs as a person closes them: the page's unload handlers run.</summary>
    public async Task CloseAsync()
    {
        foreach (var tab in tabs)
        {
            var closed = new TaskCompletionSource();
            tab.Page.Close += (_, _) => closed.TrySetResult();
            await tab.Page.CloseAsync(new() { RunBeforeUnload = true });
            await Task.WhenAny(closed.Task, Task.Delay(10_000));
            await tab.Context.CloseAsync();
        }
    }

    // Each frame alternates through the selectors (one muscle rated one way, then back), whoever clicks it.
    private const string ClickFunction = """
        (frame, index, selectors, timeout) => new Promise((resolve, reject) => {
            const turns = window.benchTurns ??= {};
            const turn = turns[index] ?? 0;
            turns[index] = turn + 1;
            const doc = frame.contentDocument;
            const target = doc.querySelector(selectors[turn % selectors.length]);
            if (!target) { reject(new Error('nothing matches ' + selectors[turn % selectors.length])); return; }
            const observer = new frame.contentWindow.MutationObserver(() => { observer.disconnect(); clearTimeout(timer); resolve(performance.now() - start); });
            observer.observe(doc.body, { subtree: true, childList: true, attributes: true, characterData: true });
            const timer = setTimeout(() => { observer.disconnect(); reject(new Error('no answer in frame ' + index + ': ' + doc.querySelector('[data-circuit]')?.getAttribute('data-circuit') + ' ' + target.outerHTML)); }, timeout);
            const start = performance.now();
            target.click();
        })
        """;

    private const string ClickScript = "([index, selectors]) => (" + ClickFunction + ")(document.querySelectorAll('iframe')[index], index, selectors, 30000)";

    private const string FireScript = "([perSecond, seconds, selectors]) => { const click = " + ClickFunction + ";" + """
        return new Promise(resolve => {
            const frames = [...document.querySelectorAll('iframe')];
            const busy = new Array(frames.length).fill(false);
            const times = [];
            const total = Math.round(perSecond * seconds);
            const start = performance.now();
            let sent = 0, pending = 0, next = 0;
            const finish = () => { if (sent >= total && pending === 0) resolve(times); };
            const fire = () => {
                for (let tries = 0; tries < frames.length; tries++) {
                    const i = next;
                    next = (next + 1) % frames.length;
                    if (busy[i]) continue;
                    busy[i] = true;
                    pending++;
                    click(frames[i], i, selectors, 30000)
                        .then(ms => times.push(ms), () => {})
                        .finally(() => { busy[i] = false; pending--; finish(); });
                    return;
                }
            };
            const tick = setInterval(() => {
                const due = Math.min(total, Math.floor((performance.now() - start) / 1000 * perSecond));
                while (sent < due) { sent++; fire(); }
                if (sent >= total) { clearInterval(tick); finish(); }
            }, 5);
            setTimeout(() => resolve(times), (seconds + 40) * 1000);
        });
    }
    """;
}
