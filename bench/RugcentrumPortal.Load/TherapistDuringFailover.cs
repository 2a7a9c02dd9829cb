using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Load;

/// <summary>
/// The therapist's side of the instance strike, in Debian's Chromium through the proxy: the bench therapist rates
/// muscles and types notes on a draft's muscle-balance page, then types a few last words and, within the 700 ms
/// before the page would save them, the instance that holds the page's live connection is killed (kill -9) while
/// the patients keep logging. The page must come back on the other instance by itself with every rating and all of
/// the notes, the last words included.
/// </summary>
public static class TherapistDuringFailover
{
    private const string Notes = "Bovenste trapezius rechts overactief, duidelijk voelbaar. Diepe nekbuigers zwak bij het knikken.";
    private const string LastWords = " Adem hoog in de borst.";
    private static readonly string[] Ratings = ["tone-upper-trapezius-overactive", "intensity-upper-trapezius-3", "tone-deep-neck-flexors-underactive", "tone-levator-scapulae-overactive"];

    /// <param name="startedFile">Written by the patients' run when logging starts; this check writes the same name
    /// with ".therapist" appended once its page is live, and the run script starts the patients after that.</param>
    /// <param name="instances">Each instance as "port=pid", so the one holding the page can be killed.</param>
    public static async Task<int> RunAsync(Uri proxy, string provider, string connectionString, string startedFile, TimeSpan strikeAt, IReadOnlyList<string> instances)
    {
        var (patientId, assessmentId) = await DraftAsync(provider, connectionString);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_EXECUTABLE") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = proxy.ToString(), Locale = "nl-NL", ViewportSize = new() { Width = 1280, Height = 900 } });
        // The machine is shared and busy while this runs; a slow answer is not what this check is about.
        context.SetDefaultTimeout(180_000);
        var page = await context.NewPageAsync();
        // Which instance answered each page load: the bench proxy names it in a header.
        var servedBy = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "document" && response.Headers.TryGetValue("x-upstream", out var upstream))
            {
                lock (servedBy)
                {
                    servedBy.Add(upstream);
                }
            }
        };

        await SignInAsync(page);
        await page.GotoAsync($"/patienten/{patientId}/onderzoek/{assessmentId}/spierbalans");
        await page.Locator("[data-circuit=up]").WaitForAsync(new() { Timeout = 120_000 });
        foreach (var rating in Ratings)
        {
            await page.Locator($"label[for={rating}]").ClickAsync();
        }
        var notes = page.Locator("#balance-notes");
        await notes.PressSequentiallyAsync(Notes);
        await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om", new() { Timeout = 60_000 });
        var holder = servedBy[^1];
        Console.WriteLine($"therapist: balance page live on {holder}, {Ratings.Length} choices made and notes saved");
        // The patients start logging only now, so their sign-ins do not crowd out the therapist's.
        await File.WriteAllTextAsync(startedFile + ".therapist", holder);

        for (var i = 0; i < 2400 && !File.Exists(startedFile); i++)
        {
            await Task.Delay(250);
        }
        await Task.Delay(strikeAt);

        var pid = instances.Select(i => i.Split('=')).Single(parts => holder.EndsWith(":" + parts[0], StringComparison.Ordinal))[1];
        await page.EvaluateAsync("window.beforeTheStrike = true");
        await notes.PressSequentiallyAsync(LastWords);
        var clock = Stopwatch.StartNew();
        Process.GetProcessById(int.Parse(pid)).Kill();
        Console.WriteLine($"therapist: typed the last words and killed the instance on {holder} (process {pid}) at once");

        var dialogShown = await TimeUntilAsync(page, clock, "document.getElementById('components-reconnect-modal')?.open === true", TimeSpan.FromSeconds(30));
        var live = await TimeUntilAsync(page, clock, "window.beforeTheStrike === undefined && document.querySelector('[data-circuit=up]') !== null", TimeSpan.FromSeconds(120));
        var restoredMessage = live is not null && await page.Locator("#notes-restored").IsVisibleAsync();
        if (live is not null)
        {
            await Assertions.Expect(page.Locator("#save-status")).ToContainTextAsync("opgeslagen om", new() { Timeout = 60_000 });
        }
        var ratingsShown = live is not null && await AllCheckedAsync(page);
        var notesShown = live is null ? null : await notes.InputValueAsync();
        var stored = await StoredAsync(provider, connectionString, assessmentId);

        Console.WriteLine();
        Console.WriteLine("| killed | page came back on | reconnect dialog after | live again after | ratings shown / stored | notes shown / stored | last words put back from the tab |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        Console.WriteLine($"| {holder} | {(servedBy.Count > 1 ? servedBy[^1] : "-")} | {Seconds(dialogShown)} | {Seconds(live)} | " +
            $"{(ratingsShown ? "all" : "missing")} / {stored.Ratings} of 3 muscles | {(notesShown == Notes + LastWords ? "all" : "missing")} / " +
            $"{(stored.Notes == Notes + LastWords ? "all" : stored.Notes == Notes ? "without the last words" : "missing")} | {(restoredMessage ? "yes" : "no")} |");
        return live is not null && ratingsShown && stored.Ratings == 3 && stored.Notes == Notes + LastWords ? 0 : 1;
    }

    private static string Seconds(TimeSpan? time) => time is { } t ? $"{t.TotalSeconds:0.0} s" : "never";

    private static async Task<TimeSpan?> TimeUntilAsync(IPage page, Stopwatch clock, string condition, TimeSpan within)
    {
        while (clock.Elapsed < within)
        {
            try
            {
                if (await page.EvaluateAsync<bool>(condition))
                {
                    return clock.Elapsed;
                }
            }
            catch (PlaywrightException)
            {
                // Asked just while the page was being replaced.
            }
            await Task.Delay(50);
        }
        return null;
    }

    private static async Task<bool> AllCheckedAsync(IPage page)
    {
        foreach (var rating in Ratings)
        {
            if (!await page.Locator($"#{rating}").IsCheckedAsync())
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Signs in as staff do: the password, then the code from the authenticator app.</summary>
    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/account/inloggen");
        await page.GetByLabel("E-mailadres").FillAsync(BenchData.TherapistEmail);
        await page.GetByLabel("Wachtwoord").FillAsync(BenchData.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Inloggen" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.GetByLabel("Code van 6 cijfers").FillAsync(RugcentrumPortal.TestSupport.Totp.Code(BenchData.TherapistAuthenticatorKey));
        await page.GetByRole(AriaRole.Button, new() { Name = "Verder" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>A fresh draft assessment of the first bench patient, its complaint in the neck and right shoulder.</summary>
    private static async Task<(Guid PatientId, Guid AssessmentId)> DraftAsync(string provider, string connectionString)
    {
        await using var db = BenchData.Open(provider, connectionString);
        var patientId = await db.Patients.Where(p => p.Email == BenchData.PatientEmail(1)).Select(p => p.Id).SingleAsync();
        var therapistId = await db.Users.Where(u => u.Email == BenchData.TherapistEmail).Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var assessment = new ClinicalAssessment { PatientId = patientId, TherapistId = therapistId, CreatedAt = now, UpdatedAt = now, ComplaintRegions = ["neck", "shoulder:right"] };
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return (patientId, assessment.Id);
    }

    private static async Task<(int Ratings, string? Notes)> StoredAsync(string provider, string connectionString, Guid assessmentId)
    {
        await using var db = BenchData.Open(provider, connectionString);
        var assessment = await db.Assessments.Include(a => a.Ratings).AsNoTracking().SingleAsync(a => a.Id == assessmentId);
        return (assessment.Ratings.Select(r => r.MuscleId).Distinct().Count(), assessment.BalanceNotes);
    }
}
