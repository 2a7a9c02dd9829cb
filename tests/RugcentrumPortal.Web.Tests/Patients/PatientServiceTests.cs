using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Patients;

namespace RugcentrumPortal.Web.Tests.Patients;

public class PatientServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        if (await db.Patients.AnyAsync(p => p.LastName == "Jansen"))
        {
            return;
        }
        var created = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        db.Patients.Add(new Patient
        {
            PracticeId = Baseline.NoordId, FirstName = "Ria", LastName = "Jansen", DateOfBirth = new DateOnly(1968, 3, 14),
            Email = "ria.jansen@noord.test", CreatedAt = created,
        });
        foreach (var (first, last) in new[] { ("Sorteer Anna", "de Boer"), ("Sorteer Bram", "Bakker"), ("Sorteer Cor", "van der Meer"), ("Sorteer Dien", "Boersma") })
        {
            db.Patients.Add(new Patient
            {
                PracticeId = Baseline.NoordId, FirstName = first, LastName = last, DateOfBirth = new DateOnly(1950, 1, 1),
                Email = "sorteer@noord.test", CreatedAt = created,
            });
        }
        for (var i = 1; i <= 23; i++)
        {
            db.Patients.Add(new Patient
            {
                PracticeId = Baseline.NoordId, FirstName = "Lid", LastName = $"Bladzijde {i:00}", DateOfBirth = new DateOnly(1970, 1, i),
                Email = $"bladzijde{i}@noord.test", CreatedAt = created,
            });
        }
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("ria jansen")]
    [InlineData("Jansen, Ria")]
    [InlineData("JANSEN")]
    [InlineData("ri jan")]
    public async Task Search_ignores_case_and_matches_first_and_last_name_in_any_order(string query)
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);

        var found = await scope.ServiceProvider.GetRequiredService<PatientService>().SearchAsync(query, null, default);

        Assert.Equal(["Ria Jansen"], found.Rows.Select(r => $"{r.FirstName} {r.LastName}"));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("a\0b")]
    public async Task Search_takes_wildcards_and_control_characters_literally_and_finds_nothing(string query)
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);

        var found = await scope.ServiceProvider.GetRequiredService<PatientService>().SearchAsync(query, null, default);

        Assert.Empty(found.Rows);
        Assert.Equal(0, found.Total);
    }

    [Fact]
    public async Task Search_is_paged_by_twenty_in_name_order_and_a_page_past_the_end_shows_the_last()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();

        var first = await patients.SearchAsync("bladzijde", null, default);
        var beyond = await patients.SearchAsync("bladzijde", 99, default);

        Assert.Equal(23, first.Total);
        Assert.Equal(2, first.PageCount);
        Assert.Equal(20, first.Rows.Count);
        Assert.Equal("Bladzijde 01", first.Rows[0].LastName);
        Assert.Equal(2, beyond.Page);
        Assert.Equal(["Bladzijde 21", "Bladzijde 22", "Bladzijde 23"], beyond.Rows.Select(r => r.LastName));
    }

    [Fact]
    public async Task Search_files_a_surname_with_a_prefix_under_its_main_part_and_shows_the_prefix()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);

        var found = await scope.ServiceProvider.GetRequiredService<PatientService>().SearchAsync("sorteer", null, default);

        Assert.Equal(["Bakker, Sorteer Bram", "Boer, Sorteer Anna de", "Boersma, Sorteer Dien", "Meer, Sorteer Cor van der"],
            found.Rows.Select(r => r.ListName));
    }

    [Fact]
    public async Task Search_reaches_only_the_own_practice()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.ZuidTherapist);

        var found = await scope.ServiceProvider.GetRequiredService<PatientService>().SearchAsync(null, null, default);

        Assert.Equal([Baseline.ZuidPatientId], found.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task The_summary_of_another_practices_patient_is_not_found()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();

        Assert.Null(await patients.FindAsync(Baseline.ZuidPatientId, default));
        var own = await patients.FindAsync(Baseline.NoordPatientId, default);
        Assert.Equal("Piet Proef", own?.FullName);
        Assert.Equal("Tom Therapeut", own?.TherapistName);
        Assert.True(own?.HasLogin);
    }

    [Fact]
    public async Task Create_with_field_errors_reports_them_per_field_in_dutch_and_saves_nothing()
    {
        using var culture = new UiCulture("nl");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var input = new PatientInput { FirstName = "Halfje", LastName = "", DateOfBirth = new DateOnly(2999, 1, 1), Email = "halfje@noord" };

        var result = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(input, default);

        Assert.False(result.Succeeded);
        Assert.Equal(["DateOfBirth", "Email", "LastName"], result.FieldErrors.Keys.Order());
        Assert.Contains("verplicht", result.FieldErrors["LastName"]);
        Assert.Contains("niet in de toekomst", result.FieldErrors["DateOfBirth"]);
        Assert.False(await AnyPatientAsync("Halfje"));
    }

    [Fact]
    public async Task Create_refuses_a_therapist_of_another_practice_and_saves_nothing()
    {
        using var culture = new UiCulture("nl");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var zuidTherapist = await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == Baseline.ZuidTherapist);
        var input = Valid("Grensgeval");
        input.TherapistId = zuidTherapist.Id;

        var result = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(input, default);

        Assert.Equal("Kies een therapeut van deze praktijk.", result.FieldErrors["TherapistId"]);
        Assert.False(await AnyPatientAsync("Grensgeval"));
    }

    [Fact]
    public async Task Create_saves_the_patient_in_the_therapists_own_practice()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);

        var result = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(Valid("Nieuwkomer"), default);

        Assert.True(result.Succeeded);
        await using var check = portal.Services.CreateAsyncScope();
        var saved = await check.ServiceProvider.ArrangeDb().Patients.SingleAsync(p => p.Id == result.PatientId);
        Assert.Equal(Baseline.NoordId, saved.PracticeId);
        Assert.Equal("Nieuwkomer", saved.LastName);
        Assert.Null(saved.Phone);
    }

    [Fact]
    public async Task Update_saves_the_changed_details_trimmed()
    {
        var id = await TestPatients.NewAsync(portal, Baseline.NoordId, "Oud", "Bijwerk");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var input = (await patients.EditAsync(id, default))!.Input;
        input.FirstName = " Nieuw ";
        input.Phone = "";
        input.Email = "nieuw@voorbeeld.test";

        var result = await patients.UpdateAsync(id, input, default);

        Assert.Equal(PatientUpdateOutcome.Saved, result.Outcome);
        var saved = await LoadAsync(id);
        Assert.Equal(("Nieuw", "Bijwerk", "nieuw@voorbeeld.test", (string?)null), (saved.FirstName, saved.LastName, saved.Email, saved.Phone));
    }

    [Fact]
    public async Task Update_with_field_errors_reports_them_in_dutch_and_changes_nothing()
    {
        using var culture = new UiCulture("nl");
        var id = await TestPatients.NewAsync(portal, Baseline.NoordId, "Blijf", "Gelijk");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var zuidTherapist = await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == Baseline.ZuidTherapist);
        var input = Valid("");
        input.TherapistId = zuidTherapist.Id;

        var result = await scope.ServiceProvider.GetRequiredService<PatientService>().UpdateAsync(id, input, default);

        Assert.Equal(PatientUpdateOutcome.Invalid, result.Outcome);
        Assert.Contains("verplicht", result.FieldErrors["LastName"]);
        Assert.Equal("Kies een therapeut van deze praktijk.", result.FieldErrors["TherapistId"]);
        Assert.Equal(("Blijf", "Gelijk"), ((await LoadAsync(id)).FirstName, (await LoadAsync(id)).LastName));
    }

    [Fact]
    public async Task Another_practices_patient_cannot_be_read_for_editing_or_changed()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();

        var view = await patients.EditAsync(Baseline.ZuidPatientId, default);
        var result = await patients.UpdateAsync(Baseline.ZuidPatientId, Valid("Overgenomen"), default);

        Assert.Null(view);
        Assert.Equal(PatientUpdateOutcome.NotFound, result.Outcome);
        Assert.Equal("Zuid", (await LoadAsync(Baseline.ZuidPatientId)).LastName);
    }

    private async Task<Patient> LoadAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Patients.SingleAsync(p => p.Id == id);
    }

    private static PatientInput Valid(string lastName) => new()
    {
        FirstName = "Greet", LastName = lastName, DateOfBirth = new DateOnly(1958, 6, 21), Email = "greet@voorbeeld.test",
    };

    private async Task<bool> AnyPatientAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Patients.AnyAsync(p => p.LastName == name || p.FirstName == name);
    }
}

/// <summary>Sets the UI culture for the duration of a test, as the request localization does for a request.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = new CultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = previous;
}
