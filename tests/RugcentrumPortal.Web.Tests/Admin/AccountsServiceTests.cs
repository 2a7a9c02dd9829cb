using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Admin;
using RugcentrumPortal.Web.Tests.Patients;

namespace RugcentrumPortal.Web.Tests.Admin;

public class AccountsServiceTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string GoodPassword = "een rustige wandeling langs de rivier";

    [Fact]
    public async Task The_list_holds_the_own_practices_accounts_and_marks_the_administrator_themselves()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);

        var rows = await scope.ServiceProvider.GetRequiredService<AccountsService>().ListAsync(default);

        Assert.Contains(rows, r => r.Email == Baseline.NoordTherapist && r.Roles.SequenceEqual([Roles.Therapist]));
        Assert.DoesNotContain(rows, r => r.Email == Baseline.ZuidTherapist);
        Assert.Equal([Baseline.NoordAdmin], rows.Where(r => r.IsSelf).Select(r => r.Email));
    }

    [Fact]
    public async Task Admin_creates_a_staff_account_in_the_own_practice_with_its_role()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);

        var result = await scope.ServiceProvider.GetRequiredService<AccountsService>().CreateStaffAsync(
            new AccountInput { DisplayName = " Nora Nieuw ", Email = "nora@noord.test", Role = Roles.PracticeAdmin, Password = GoodPassword }, default);

        Assert.True(result.Succeeded);
        Assert.Equal("Nora Nieuw", result.DisplayName);
        await using var check = portal.Services.CreateAsyncScope();
        var users = check.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var saved = await users.FindByEmailAsync("nora@noord.test");
        Assert.Equal(Baseline.NoordId, saved?.PracticeId);
        Assert.Equal([Roles.PracticeAdmin], await users.GetRolesAsync(saved!));
    }

    [Theory]
    [InlineData("kort-wachtw", Roles.Therapist, "Password")]
    [InlineData(GoodPassword, Roles.Patient, "Role")]
    public async Task A_refused_account_reports_the_field_and_saves_nothing(string password, string role, string field)
    {
        using var culture = new UiCulture("nl");
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);
        var email = $"geweigerd-{field.ToLowerInvariant()}@noord.test";

        var result = await scope.ServiceProvider.GetRequiredService<AccountsService>().CreateStaffAsync(
            new AccountInput { DisplayName = "Geweigerd", Email = email, Role = role, Password = password }, default);

        Assert.False(result.Succeeded);
        Assert.Equal([field], result.FieldErrors.Keys);
        await using var check = portal.Services.CreateAsyncScope();
        Assert.False(await check.ServiceProvider.ArrangeDb().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task An_email_address_in_use_in_another_practice_is_refused_at_the_email_field()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);

        var result = await scope.ServiceProvider.GetRequiredService<AccountsService>().CreateStaffAsync(
            new AccountInput { DisplayName = "Dubbel", Email = Baseline.ZuidTherapist, Role = Roles.Therapist, Password = GoodPassword }, default);

        Assert.Equal(["Email"], result.FieldErrors.Keys);
    }

    [Fact]
    public async Task Admin_blocks_and_unblocks_an_account_of_the_own_practice()
    {
        var colleagueId = await IdOfAsync(Baseline.NoordSecondTherapist);
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsService>();

        var blocked = await accounts.ToggleBlockAsync(colleagueId, default);
        var whileBlocked = await LockoutEndOfAsync(Baseline.NoordSecondTherapist);
        var unblocked = await accounts.ToggleBlockAsync(colleagueId, default);

        Assert.Equal(new LockResult(LockChange.Blocked, "Carla Collega"), blocked);
        Assert.Equal(DateTimeOffset.MaxValue, whileBlocked);
        Assert.Equal(new LockResult(LockChange.Unblocked, "Carla Collega"), unblocked);
        Assert.Null(await LockoutEndOfAsync(Baseline.NoordSecondTherapist));
    }

    [Fact]
    public async Task Admin_cannot_block_an_account_of_another_practice()
    {
        var zuidId = await IdOfAsync(Baseline.ZuidTherapist);
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);

        var result = await scope.ServiceProvider.GetRequiredService<AccountsService>().ToggleBlockAsync(zuidId, default);

        Assert.Equal(LockChange.Refused, result.Change);
        Assert.Null(await LockoutEndOfAsync(Baseline.ZuidTherapist));
    }

    [Fact]
    public async Task Admin_cannot_block_themselves()
    {
        var ownId = await IdOfAsync(Baseline.NoordAdmin);
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordAdmin);

        var result = await scope.ServiceProvider.GetRequiredService<AccountsService>().ToggleBlockAsync(ownId, default);

        Assert.Equal(LockChange.Refused, result.Change);
        Assert.Null(await LockoutEndOfAsync(Baseline.NoordAdmin));
    }

    private async Task<string> IdOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == email)).Id;
    }

    private async Task<DateTimeOffset?> LockoutEndOfAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.ArrangeDb().Users.SingleAsync(u => u.Email == email)).LockoutEnd;
    }
}
