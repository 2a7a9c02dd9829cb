using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Patients;
using RugcentrumPortal.Web.Tests.Components;

namespace RugcentrumPortal.Web.Tests.Patients;

public class PatientEditTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_patient_page_leads_to_the_edit_page()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordOtherPatientId}");

        Assert.NotNull(page.Document.QuerySelector($"a[href='patienten/{Baseline.NoordOtherPatientId}/bewerken']"));
    }

    [Fact]
    public async Task Therapist_changes_a_patients_details_and_returns_to_the_patient_page_with_a_confirmation()
    {
        var id = await TestPatients.NewAsync(portal, Baseline.NoordId, "Wim", "Wijzig", new DateOnly(1955, 5, 5));
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = PatientFormDriver.Open<PatientEdit>(workspace, p => p.Add(x => x.Id, id));
        Assert.Equal("Wim", page.Find("#first-name").GetAttribute("value"));
        Assert.Equal("05-05-1955", page.Find("#date-of-birth").GetAttribute("value"));

        PatientFormDriver.Fill(page, new()
        {
            ["last-name"] = "van Wijzig", ["date-of-birth"] = "06-06-1956", ["email"] = "wim@nieuw.test", ["phone"] = "050 123 4567",
        });
        await PatientFormDriver.ChooseTherapistAsync(workspace, page, "Carla Collega");
        await page.Find("form").SubmitAsync();

        Assert.EndsWith($"/patienten/{id}", workspace.Services.GetRequiredService<NavigationManager>().Uri);
        workspace.Snackbars.WaitForAssertion(() => Assert.Contains("De gegevens van Wim van Wijzig zijn opgeslagen", workspace.Snackbars.Markup));
        var saved = await LoadAsync(id);
        Assert.Equal(("Wim", "van Wijzig", new DateOnly(1956, 6, 6), "wim@nieuw.test", "050 123 4567"),
            (saved.FirstName, saved.LastName, saved.DateOfBirth, saved.Email, saved.Phone));
        Assert.Equal("Carla Collega", saved.Therapist?.DisplayName);
    }

    [Fact]
    public async Task Bad_input_gets_dutch_messages_keeps_what_was_typed_and_changes_nothing()
    {
        var id = await TestPatients.NewAsync(portal, Baseline.NoordId, "Hans", "Houdvast", new DateOnly(1960, 1, 1));
        var before = await LoadAsync(id);
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);
        var page = PatientFormDriver.Open<PatientEdit>(workspace, p => p.Add(x => x.Id, id));

        PatientFormDriver.Fill(page, new() { ["first-name"] = "Johannes", ["last-name"] = "", ["email"] = "hans@nergens", ["date-of-birth"] = "1-1-2999" });
        await page.Find("form").SubmitAsync();

        Assert.Contains("Dit veld is verplicht", PatientFormDriver.FieldMessage(page, "last-name"));
        Assert.Contains("geldig e-mailadres", PatientFormDriver.FieldMessage(page, "email"));
        Assert.Contains("niet in de toekomst", PatientFormDriver.FieldMessage(page, "date-of-birth"));
        Assert.Equal("Johannes", page.Find("#first-name").GetAttribute("value"));
        Assert.Contains("Niet alles is goed ingevuld", page.Find("[role=alert]").TextContent);
        var after = await LoadAsync(id);
        Assert.Equal((before.FirstName, before.LastName, before.Email, before.DateOfBirth), (after.FirstName, after.LastName, after.Email, after.DateOfBirth));
    }

    [Fact]
    public async Task A_patient_with_a_login_is_told_that_the_sign_in_address_stays()
    {
        await using var workspace = await WorkspaceContext.SignedInAsync(portal, Baseline.NoordTherapist);

        var page = PatientFormDriver.Open<PatientEdit>(workspace, p => p.Add(x => x.Id, Baseline.NoordPatientId));

        Assert.Contains("logt in met het adres van het eigen account", page.Find("#email").Closest(".mud-input-control")!.TextContent);
    }

    [Fact]
    public async Task The_edit_page_of_another_practices_patient_is_not_found()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var response = await client.GetAsync($"/patienten/{Baseline.ZuidPatientId}/bewerken");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData(Baseline.NoordAdmin)]
    [InlineData(Baseline.NoordPatient)]
    public async Task Only_therapists_reach_the_edit_page(string email)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(email);

        var response = await client.GetAsync($"/patienten/{Baseline.NoordPatientId}/bewerken");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/geen-toegang", response.Headers.Location!.AbsolutePath);
    }

    private async Task<Patient> LoadAsync(Guid id)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Patients.Include(p => p.Therapist).SingleAsync(p => p.Id == id);
    }
}
