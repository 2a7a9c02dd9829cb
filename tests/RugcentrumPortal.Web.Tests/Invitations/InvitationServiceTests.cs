using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Invitations;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Tests.Invitations;

/// <summary>A portal with its public address configured, as in production.</summary>
public sealed class PublicAddressPortal : PortalFactory
{
    public PublicAddressPortal() => WithSetting("Portal:PublicBaseUrl", "https://portaal.test/");
}

public class InvitationServiceTests(PublicAddressPortal portal) : IClassFixture<PublicAddressPortal>
{
    [Fact]
    public async Task A_new_letter_revokes_the_older_one_so_only_the_newest_code_works()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        Assert.True(await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, default));
        var first = await invitations.LetterAsync(Baseline.NoordOtherPatientId, default);
        Assert.True(await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, default));
        var second = await invitations.LetterAsync(Baseline.NoordOtherPatientId, default);

        Assert.Equal("https://portaal.test/uitnodiging/" + second!.Code, second.Link);
        Assert.Equal("https://portaal.test/code", second.CodeAddress);
        Assert.StartsWith("data:image/png;base64,", second.QrCode);
        Assert.NotEqual(first!.Code, second.Code);
        await using var check = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var lookups = check.ServiceProvider.GetRequiredService<InvitationService>();
        Assert.Equal(InvitationState.Expired, (await lookups.LookupAsync(first.Code, default)).State);
        Assert.Equal(InvitationState.Valid, (await lookups.LookupAsync(second.Code, default)).State);
    }

    [Fact]
    public async Task The_letter_code_has_ten_unambiguous_characters_and_works_typed_in_small_letters_with_spaces()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, default);

        var code = (await invitations.LetterAsync(Baseline.NoordOtherPatientId, default))!.Code;

        Assert.Matches("^[ACDEFGHJKMNPRTWXY34679]{5}-[ACDEFGHJKMNPRTWXY34679]{5}$", code);
        Assert.DoesNotMatch("[0O1IL2Z5S8BQUV]", code.Replace("-", ""));
        var typed = " " + code[..3].ToLowerInvariant() + " " + code[3..].Replace("-", " ").ToLowerInvariant() + " ";
        Assert.Equal(InvitationState.Valid, (await invitations.LookupAsync(typed, default)).State);
        Assert.Equal("Els", (await invitations.LookupAsync(typed, default)).FirstName);
    }

    [Fact]
    public async Task The_letter_carries_the_practices_name_address_and_phone_number()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, default);

        var practice = (await invitations.LetterAsync(Baseline.NoordOtherPatientId, default))!.Practice;

        Assert.Equal(("Praktijk Noord (test)", "Proeflaan 7", "9999 ZZ", "Testdorp", "050-0000000"),
            (practice.Name, practice.Address, practice.PostalCode, practice.City, practice.Phone));
    }

    [Fact]
    public async Task The_overview_shows_the_newest_link_in_the_practices_local_time()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        var clock = scope.ServiceProvider.GetRequiredService<PracticeClock>();
        await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, default);

        var overview = await invitations.OverviewAsync(Baseline.NoordOtherPatientId, default);

        Assert.Equal("Praktijk Noord (test)", overview?.PracticeName);
        Assert.False(overview?.HasLogin);
        var latest = overview!.Latest!;
        Assert.False(latest.Expired || latest.Revoked);
        Assert.Equal(clock.Zone.GetUtcOffset(latest.CreatedAt), latest.CreatedAt.Offset);
        Assert.Equal(InvitationService.Lifetime, latest.ExpiresAt - latest.CreatedAt);
        Assert.True(overview.HasOpenLetter);
    }

    [Fact]
    public async Task A_patient_of_another_practice_cannot_be_invited_or_looked_at()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        Assert.Null(await invitations.OverviewAsync(Baseline.ZuidPatientId, default));
        Assert.Null(await invitations.SendByEmailAsync(Baseline.ZuidPatientId, default));
        Assert.False(await invitations.CreateLetterAsync(Baseline.ZuidPatientId, default));
        Assert.Null(await invitations.LetterAsync(Baseline.ZuidPatientId, default));
        await using var check = portal.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.ArrangeDb().Invitations.AnyAsync(i => i.PatientId == Baseline.ZuidPatientId));
    }

    [Fact]
    public async Task No_letter_can_be_made_for_a_patient_who_already_has_a_login()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        Assert.False(await invitations.CreateLetterAsync(Baseline.NoordPatientId, default));

        Assert.Null(await invitations.LetterAsync(Baseline.NoordPatientId, default));
        await using var check = portal.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.ArrangeDb().Invitations.AnyAsync(i => i.PatientId == Baseline.NoordPatientId));
    }
}
