using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Invitations;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Tests.Invitations;

public class InvitationServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_new_link_revokes_the_older_one_so_only_the_newest_works()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        var first = await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, "https://portaal.test/", default);
        var second = await invitations.CreateLetterAsync(Baseline.NoordOtherPatientId, "https://portaal.test/", default);

        Assert.StartsWith("https://portaal.test/uitnodiging/", second!.Link);
        Assert.StartsWith("data:image/png;base64,", second.QrCode);
        await using var check = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var lookups = check.ServiceProvider.GetRequiredService<InvitationService>();
        Assert.Equal(InvitationState.Expired, (await lookups.LookupAsync(TokenOf(first!.Link), default)).State);
        Assert.Equal(InvitationState.Valid, (await lookups.LookupAsync(TokenOf(second.Link), default)).State);
    }

    [Fact]
    public async Task The_overview_shows_the_newest_link_in_the_practices_local_time()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();
        var clock = scope.ServiceProvider.GetRequiredService<PracticeClock>();
        await invitations.CreateLetterAsync(Baseline.NoordPatientId, "https://portaal.test/", default);

        var overview = await invitations.OverviewAsync(Baseline.NoordPatientId, default);

        Assert.Equal("Praktijk Noord (test)", overview?.PracticeName);
        Assert.True(overview?.HasLogin);
        var latest = overview!.Latest!;
        Assert.False(latest.Expired || latest.Revoked);
        Assert.Equal(clock.Zone.GetUtcOffset(latest.CreatedAt), latest.CreatedAt.Offset);
        Assert.Equal(InvitationService.Lifetime, latest.ExpiresAt - latest.CreatedAt);
    }

    [Fact]
    public async Task A_patient_of_another_practice_cannot_be_invited_or_looked_at()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        var invitations = scope.ServiceProvider.GetRequiredService<InvitationService>();

        Assert.Null(await invitations.OverviewAsync(Baseline.ZuidPatientId, default));
        Assert.Null(await invitations.SendByEmailAsync(Baseline.ZuidPatientId, "https://portaal.test/", default));
        Assert.Null(await invitations.CreateLetterAsync(Baseline.ZuidPatientId, "https://portaal.test/", default));
        await using var check = portal.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.ArrangeDb().Invitations.AnyAsync(i => i.PatientId == Baseline.ZuidPatientId));
    }

    private static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];
}
