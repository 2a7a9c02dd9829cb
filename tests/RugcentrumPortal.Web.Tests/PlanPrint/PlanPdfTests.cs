using System.Diagnostics;
using System.Net;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Pdf;
using Microsoft.Extensions.DependencyInjection;

namespace RugcentrumPortal.Web.Tests.PlanPrint;

public class PlanPdfTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public static readonly string[] TenExercises =
    [
        "chin-tuck", "scapular-setting", "wall-slide", "pectoral-stretch", "upper-trapezius-stretch",
        "thoracic-rotation", "serratus-punch", "band-row", "breathing-4-6", "progressive-muscle-relaxation-short",
    ];

    private RecoveryPlan plan = default!;

    public async Task InitializeAsync() => plan = await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, TenExercises);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Therapist_pdf_lists_the_exercises_in_plan_order_with_their_dosage()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var response = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal($"herstelplan-piet-proef-{portal.Services.GetRequiredService<RugcentrumPortal.Web.Infrastructure.Time.PracticeClock>().Today:yyyy-MM-dd}.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var text = Flatten(string.Join("\n", await PdfTools.PagesAsync(await response.Content.ReadAsByteArrayAsync())));
        var positions = TenExercises.Select(id => IndexOfTitle(text, id)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        var mainExercises = positions.Take(8).ToList();
        Assert.Equal(mainExercises.Order().ToList(), mainExercises);
        foreach (var id in TenExercises)
        {
            var dosage = Flatten(ClinicalCatalog.Default.ExercisesById[id].DefaultDosage.Describe().Nl);
            Assert.Contains(dosage, text);
        }
        Assert.Contains("Bel vandaag nog de huisarts", text);
        Assert.Contains(Flatten(ClinicalCatalog.Default.RedFlagsById["saddle-numbness"].Finding.Nl), text);
    }

    [Fact]
    public async Task Every_page_carries_its_number_and_the_plan_version_and_no_exercise_is_split()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var pdf = await client.Http.GetByteArrayAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        var pages = (await PdfTools.PagesAsync(pdf)).Select(Flatten).ToArray();

        Assert.True(pages.Length >= 2, "a ten-exercise plan spans several pages");
        for (var i = 0; i < pages.Length; i++)
        {
            Assert.Contains($"Versie {plan.Version}", pages[i]);
            Assert.Contains($"Pagina {i + 1} / {pages.Length}", pages[i]);
        }
        foreach (var id in TenExercises)
        {
            var exercise = ClinicalCatalog.Default.ExercisesById[id];
            var title = Flatten(exercise.Title.Nl);
            var lastStep = Flatten(exercise.Steps[^1].Nl);
            var page = Array.FindIndex(pages, p => p.Contains(title, StringComparison.Ordinal) && p.Contains(Flatten(exercise.Purpose.Nl)[..20], StringComparison.Ordinal));
            Assert.True(page >= 0, $"{id} title and purpose are not on one page");
            Assert.Contains(lastStep[..Math.Min(30, lastStep.Length)], pages[page]);
        }
    }

    [Fact]
    public async Task Fonts_are_embedded_and_the_first_page_renders()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var pdf = await client.Http.GetByteArrayAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        var fonts = (await PdfTools.FontsAsync(pdf)).Split('\n').Skip(2).Where(l => l.Trim().Length > 0).ToList();
        var image = await PdfTools.FirstPageImageAsync(pdf, "plan-pdf-page-1");

        Assert.NotEmpty(fonts);
        Assert.All(fonts, line => Assert.Contains(" yes ", line));
        Assert.True(new FileInfo(image).Length > 10_000);
    }

    [Fact]
    public async Task Patient_downloads_their_own_plan_and_cannot_use_the_therapist_route()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordPatient);

        var own = await client.GetAsync("/mijn/plan/pdf");
        var therapistRoute = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Kin intrekken", Flatten(string.Join(" ", await PdfTools.PagesAsync(await own.Content.ReadAsByteArrayAsync()))), StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(HttpStatusCode.OK, therapistRoute.StatusCode);
    }

    [Fact]
    public async Task A_patient_who_chose_english_gets_the_plan_in_english()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");
        await client.SubmitAndFollowAsync(login, "form.language-switch", [], "culture", "en");
        await client.LoginAsync(Baseline.NoordPatient);

        var pages = (await PdfTools.PagesAsync(await client.Http.GetByteArrayAsync("/mijn/plan/pdf"))).Select(Flatten).ToArray();

        var text = string.Join(" ", pages);
        Assert.Contains("Your exercises", text);
        Assert.Contains(Flatten(ClinicalCatalog.Default.ExercisesById["chin-tuck"].Title.En), text);
        Assert.Contains(Flatten(ClinicalCatalog.Default.ExercisesById["chin-tuck"].DefaultDosage.Describe().En), text);
        Assert.Contains($"Page 1 / {pages.Length}", pages[0]);
        Assert.DoesNotContain("Uw oefeningen", text);
    }

    [Fact]
    public async Task Another_practices_patient_pdf_is_a_404()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidTherapist);

        var pdf = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");
        var print = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/afdrukken");

        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, print.StatusCode);
    }

    [Fact]
    public async Task A_patient_without_an_active_plan_gets_a_404()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.ZuidPatient);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/mijn/plan/pdf")).StatusCode);
    }

    [Fact]
    public async Task A_killed_browser_is_replaced_and_the_next_export_works()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf")).StatusCode);
        var printer = portal.Services.GetRequiredService<ChromiumPdfPrinter>();
        var killed = KillBrowser(printer.ProcessMarker!);
        Assert.True(killed > 0, "no browser process found to kill");
        await Task.Delay(500);

        var after = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await after.Content.ReadAsByteArrayAsync())[..4]));
    }

    [Fact]
    public async Task The_browser_print_page_shows_the_same_layout_with_a_print_stylesheet()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/plan/afdrukken");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Document.QuerySelector("link[rel=stylesheet][href^='css/plan-print.'][href$='.css']"));
        var titles = page.Document.QuerySelectorAll(".plan-exercise h3").Select(h => h.TextContent).ToList();
        Assert.Equal(10, titles.Count);
        Assert.EndsWith(ClinicalCatalog.Default.ExercisesById["chin-tuck"].Title.Nl, titles[0]);
        Assert.Equal(PlanPrintWeeks * 10, page.Document.QuerySelectorAll(".tick-table tbody tr").Length);
    }

    private const int PlanPrintWeeks = Web.Features.PlanPrint.PlanPrintModel.TickWeeks;

    private static int IndexOfTitle(string text, string id) => text.IndexOf(Flatten(ClinicalCatalog.Default.ExercisesById[id].Title.Nl), StringComparison.Ordinal);

    /// <summary>pdftotext wraps lines; compare texts with all runs of white space folded to one space.</summary>
    private static string Flatten(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int KillBrowser(string marker)
    {
        var killed = 0;
        foreach (var dir in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    Process.GetProcessById(int.Parse(Path.GetFileName(dir))).Kill();
                    killed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
            {
                // The process ended while we looked.
            }
        }
        return killed;
    }
}

public class PlanPdfWithoutChromiumTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Without_chromium_the_download_falls_back_to_browser_printing_with_a_clear_message()
    {
        portal.WithSetting("Pdf:ChromiumPath", "/nonexistent/chromium");
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, ["chin-tuck", "bridge"]);
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/plan/pdf");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("/patienten/" + Baseline.NoordPatientId + "/plan/afdrukken", page.Url.AbsolutePath);
        Assert.Contains("De PDF kon nu niet worden gemaakt", page.Text);
        Assert.Equal(2, page.Document.QuerySelectorAll(".plan-exercise").Length);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/patienten")).StatusCode);
    }
}

public class PlanPrintLinkTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Therapist_and_patient_reach_the_printable_plan_from_their_own_pages()
    {
        await TestPlans.ActiveAsync(portal, Baseline.NoordPatientId, ["chin-tuck", "bridge"]);
        using var therapist = portal.CreatePortalClient();
        await therapist.LoginAsync(Baseline.NoordTherapist);
        using var patient = portal.CreatePortalClient();
        await patient.LoginAsync(Baseline.NoordPatient);

        var planPage = await therapist.GetPageAsync($"/patienten/{Baseline.NoordPatientId}/plan");
        var home = await patient.GetPageAsync("/mijn");

        var therapistPrint = planPage.Document.QuerySelector("a[href$='/plan/afdrukken']")!.GetAttribute("href")!;
        var patientPrint = home.Document.QuerySelector("a[href='mijn/plan/afdrukken']")!.GetAttribute("href")!;
        Assert.NotNull(planPage.Document.QuerySelector($"a[href='patienten/{Baseline.NoordPatientId}/plan/pdf']"));
        Assert.Equal(2, (await therapist.GetPageAsync("/" + therapistPrint)).Document.QuerySelectorAll(".plan-exercise").Length);
        Assert.Equal(2, (await patient.GetPageAsync("/" + patientPrint)).Document.QuerySelectorAll(".plan-exercise").Length);
    }
}
