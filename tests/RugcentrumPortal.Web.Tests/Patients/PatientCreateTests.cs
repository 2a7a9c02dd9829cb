using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Patients;

public class PatientCreateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Valid(string lastName) => new()
    {
        ["first-name"] = "Greet",
        ["last-name"] = lastName,
        ["date-of-birth"] = "21-6-1958",
        ["email"] = "greet@voorbeeld.test",
        ["phone"] = "06 1234 5678",
    };

    [Fact]
    public async Task Therapist_creates_a_patient_and_goes_to_the_new_patient_page()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = PatientFormDriver.Open<PatientCreate>(workspace);

        PatientFormDriver.Fill(page, Valid("Aanmaakproef"));
        await page.Find("form").SubmitAsync();

        var saved = await SingleAsync("Aanmaakproef");
        Assert.NotNull(saved);
        Assert.EndsWith($"/patienten/{saved.Id}", workspace.Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Equal(Baseline.NoordId, saved.PracticeId);
        Assert.Equal(new DateOnly(1958, 6, 21), saved.DateOfBirth);
        Assert.Equal("06 1234 5678", saved.Phone);
        // The signed-in therapist treats a new patient unless another is chosen.
        Assert.Equal("Tom Therapeut", await TherapistNameAsync(saved.TherapistId));
    }

    [Fact]
    public async Task Missing_fields_get_dutch_messages_next_to_them_and_typed_values_stay()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = PatientFormDriver.Open<PatientCreate>(workspace);
        var values = Valid("");
        values["first-name"] = "Blijft Staan";
        values["date-of-birth"] = "";

        PatientFormDriver.Fill(page, values);
        await page.Find("form").SubmitAsync();

        Assert.Equal("Blijft Staan", page.Find("#first-name").GetAttribute("value"));
        Assert.Equal("greet@voorbeeld.test", page.Find("#email").GetAttribute("value"));
        Assert.Contains("Dit veld is verplicht", PatientFormDriver.FieldMessage(page, "last-name"));
        Assert.Contains("Dit veld is verplicht", PatientFormDriver.FieldMessage(page, "date-of-birth"));
        Assert.Contains("Niet alles is goed ingevuld", page.Find("[role=alert]").TextContent);
        Assert.EndsWith("/", workspace.Services.GetRequiredService<NavigationManager>().Uri);
        Assert.Null(await SingleAsync("Blijft Staan"));
    }

    [Theory]
    [InlineData("date-of-birth", "1-1-2999", "niet in de toekomst")]
    [InlineData("date-of-birth", "1-1-1850", "niet meer dan 120 jaar")]
    [InlineData("email", "greet@voorbeeld", "geldig e-mailadres")]
    [InlineData("email", "greet voorbeeld.nl", "geldig e-mailadres")]
    [InlineData("phone", "bel mij maar", "alleen cijfers")]
    public async Task Implausible_values_are_refused_with_a_message_at_the_field(string fieldId, string value, string message)
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = PatientFormDriver.Open<PatientCreate>(workspace);
        var lastName = "Onjuist" + Guid.NewGuid().ToString("N")[..6];
        var values = Valid(lastName);
        values[fieldId] = value;

        PatientFormDriver.Fill(page, values);
        await page.Find("form").SubmitAsync();

        Assert.Contains(message, PatientFormDriver.FieldMessage(page, fieldId));
        Assert.Equal(value, page.Find($"#{fieldId}").GetAttribute("value"));
        Assert.Null(await SingleAsync(lastName));
    }

    [Theory]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task A_date_that_cannot_be_read_asks_for_day_month_year_in_the_chosen_language_and_stays(string language)
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist, language);
        var page = PatientFormDriver.Open<PatientCreate>(workspace);
        var values = Valid("Datumproef");
        values["date-of-birth"] = "31-2-1990";

        PatientFormDriver.Fill(page, values);
        await page.Find("form").SubmitAsync();

        Assert.Equal(language == "nl" ? "Vul een geldige datum in (dag-maand-jaar)." : "Enter a valid date (day-month-year).",
            PatientFormDriver.FieldMessage(page, "date-of-birth"));
        Assert.Equal("31-2-1990", page.Find("#date-of-birth").GetAttribute("value"));
        Assert.Null(await SingleAsync("Datumproef"));
    }

    [Fact]
    public async Task A_colleague_who_stopped_as_therapist_while_the_form_was_open_is_refused_at_the_therapist_field()
    {
        var leaverId = await NewTherapistAsync("Vera Vertrekt");
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = PatientFormDriver.Open<PatientCreate>(workspace);
        PatientFormDriver.Fill(page, Valid("Vertrekproef"));
        await PatientFormDriver.ChooseTherapistAsync(workspace, page, "Vera Vertrekt");
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.ArrangeDb();
            await db.UserRoles.Where(r => r.UserId == leaverId).ExecuteDeleteAsync();
        }

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Contains("Kies een therapeut van deze praktijk", PatientFormDriver.FieldMessage(page, "therapist")));
        Assert.Null(await SingleAsync("Vertrekproef"));
    }

    [Fact]
    public async Task A_form_post_to_the_live_page_saves_nothing()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync("/patienten/nieuw");
        var token = form.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        var response = await client.Http.PostAsync("/patienten/nieuw", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token!, ["Input.FirstName"] = "Greet", ["Input.LastName"] = "Postproef",
            ["Input.DateOfBirth"] = "21-6-1958", ["Input.Email"] = "greet@voorbeeld.test",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await SingleAsync("Postproef"));
    }

    private async Task<Patient?> SingleAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Patients.SingleOrDefaultAsync(p => p.LastName == name || p.FirstName == name);
    }

    private async Task<string?> TherapistNameAsync(string? id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Users.Where(u => u.Id == id).Select(u => u.DisplayName).SingleOrDefaultAsync();
    }

    private async Task<string> NewTherapistAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var email = $"{Guid.NewGuid():N}@noord.test";
        var account = new ApplicationUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), NormalizedUserName = email.ToUpperInvariant(), DisplayName = name, PracticeId = Baseline.NoordId };
        db.Users.Add(account);
        db.UserRoles.Add(new() { UserId = account.Id, RoleId = Roles.Ids[Roles.Therapist] });
        await db.SaveChangesAsync();
        return account.Id;
    }
}
