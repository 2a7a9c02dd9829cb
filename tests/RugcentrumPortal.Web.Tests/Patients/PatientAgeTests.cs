using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Patients;

namespace RugcentrumPortal.Web.Tests.Patients;

/// <summary>00:30 on 12 April 2026 in Amsterdam, still 11 April in UTC: Piet Proef (born 12 April 1961) turned 65.</summary>
public sealed class BirthdayAfterMidnightPortal : PortalFactory
{
    public BirthdayAfterMidnightPortal() => WithClock(new DateTimeOffset(2026, 4, 11, 22, 30, 0, TimeSpan.Zero));
}

public class PatientAgeTests(BirthdayAfterMidnightPortal portal) : IClassFixture<BirthdayAfterMidnightPortal>
{
    [Fact]
    public async Task The_age_on_the_patient_page_counts_by_the_practices_date_not_the_servers()
    {
        await using var scope = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);

        var summary = await scope.ServiceProvider.GetRequiredService<PatientService>().FindAsync(Baseline.NoordPatientId, default);

        Assert.Equal(65, summary?.Age);
    }

    [Fact]
    public async Task The_patient_page_shows_that_age()
    {
        using var client = portal.CreatePortalClient();
        await client.LoginAsync(Baseline.NoordTherapist);

        var page = await client.GetPageAsync($"/patienten/{Baseline.NoordPatientId}");

        Assert.Contains("(65 jaar)", page.Text);
    }
}
