using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Patients;

public class PatientCreateTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Form = "form[method=post]:has(input[name='Input.LastName'])";

    private static Dictionary<string, string?> Valid(string lastName) => new()
    {
        ["Input.FirstName"] = "Greet",
        ["Input.LastName"] = lastName,
        ["Input.DateOfBirth"] = "1958-06-21",
        ["Input.Email"] = "greet@voorbeeld.test",
        ["Input.Phone"] = "06 1234 5678",
    };

    [Fact]
    public async Task Therapist_creates_a_patient_and_sees_the_new_patient_page()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync("/patienten/nieuw");

        var page = await client.SubmitAndFollowAsync(form, Form, Valid("Aanmaakproef"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("/patienten/", page.Url.AbsolutePath);
        Assert.Equal("Greet Aanmaakproef", page.Document.QuerySelector("h1")?.TextContent);
        Assert.Contains("Tom Therapeut", page.Text);
        await using var scope = portal.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.ArrangeDb().Patients.SingleAsync(p => p.LastName == "Aanmaakproef");
        Assert.Equal(Baseline.NoordId, saved.PracticeId);
        Assert.Equal(new DateOnly(1958, 6, 21), saved.DateOfBirth);
    }

    [Fact]
    public async Task Missing_fields_get_dutch_messages_next_to_them_and_typed_values_stay()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync("/patienten/nieuw");
        var values = Valid("");
        values["Input.FirstName"] = "Blijft Staan";
        values["Input.DateOfBirth"] = "";

        var page = await client.SubmitAndFollowAsync(form, Form, values);

        Assert.Equal("/patienten/nieuw", page.Url.AbsolutePath);
        Assert.Equal("Blijft Staan", page.Document.QuerySelector("#first-name")?.GetAttribute("value"));
        Assert.Equal("greet@voorbeeld.test", page.Document.QuerySelector("#email")?.GetAttribute("value"));
        Assert.Contains("Dit veld is verplicht", FieldMessage(page, "last-name"));
        Assert.Contains("Dit veld is verplicht", FieldMessage(page, "date-of-birth"));
        Assert.Contains("Niet alles is goed ingevuld", page.Text);
        Assert.False(await AnyPatientAsync("Blijft Staan"));
    }

    [Theory]
    [InlineData("Input.DateOfBirth", "2999-01-01", "date-of-birth", "niet in de toekomst")]
    [InlineData("Input.DateOfBirth", "1850-01-01", "date-of-birth", "niet meer dan 120 jaar")]
    [InlineData("Input.Email", "greet@voorbeeld", "email", "geldig e-mailadres")]
    [InlineData("Input.Email", "greet voorbeeld.nl", "email", "geldig e-mailadres")]
    [InlineData("Input.Phone", "bel mij maar", "phone", "alleen cijfers")]
    public async Task Implausible_values_are_refused_with_a_message_at_the_field(string field, string value, string fieldId, string message)
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync("/patienten/nieuw");
        var lastName = "Onjuist" + Guid.NewGuid().ToString("N")[..6];
        var values = Valid(lastName);
        values[field] = value;

        var page = await client.SubmitAndFollowAsync(form, Form, values);

        Assert.Equal("/patienten/nieuw", page.Url.AbsolutePath);
        Assert.Contains(message, FieldMessage(page, fieldId));
        Assert.False(await AnyPatientAsync(lastName));
    }

    [Fact]
    public async Task A_therapist_of_another_practice_cannot_be_assigned_by_tampering_with_the_form()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync("/patienten/nieuw");
        string zuidTherapistId;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            zuidTherapistId = (await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == Baseline.ZuidTherapist)).Id;
        }
        var values = Valid("Knoeiproef");
        values["Input.TherapistId"] = zuidTherapistId;

        var page = await client.SubmitAndFollowAsync(form, Form, values);

        Assert.Contains("Kies een therapeut van deze praktijk", FieldMessage(page, "therapist"));
        Assert.False(await AnyPatientAsync("Knoeiproef"));
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_saves_nothing()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);
        var form = await client.GetPageAsync("/patienten/nieuw");

        var response = await client.SubmitAsync(form, Form, new(Valid("Zondertoken")) { ["__RequestVerificationToken"] = null });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await AnyPatientAsync("Zondertoken"));
    }

    private static string FieldMessage(Page page, string fieldId) =>
        page.Document.QuerySelector($"#{fieldId}")?.ParentElement?.QuerySelector(".validation-message")?.TextContent ?? "";

    private async Task<bool> AnyPatientAsync(string name)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().Patients.AnyAsync(p => p.LastName == name || p.FirstName == name);
    }
}
