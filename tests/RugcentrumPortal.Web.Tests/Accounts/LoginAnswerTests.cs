using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Accounts;

/// <summary>A portal that never slows a guesser down, so only the work of answering is timed.</summary>
public sealed class UnthrottledPortal : PortalFactory
{
    public UnthrottledPortal() => WithSetting("Accounts:FreeLoginFailures", "100000");
}

/// <summary>A portal that lets one address post the login form only three times a minute.</summary>
public sealed class StrictAddressLimitPortal : PortalFactory
{
    public StrictAddressLimitPortal() => WithSetting("Accounts:LoginAttemptsPerMinute", "3");
}

/// <summary>Whether an account exists cannot be read from the login's answer: not from its words, not from its time.</summary>
public class LoginAnswerTests(UnthrottledPortal portal, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<UnthrottledPortal>
{
    private const string PasswordForm = "form[method=post]:has(input[name='Input.Password'])";

    [Fact]
    public async Task An_unknown_address_and_a_wrong_password_get_the_same_words_in_about_the_same_time()
    {
        using var client = portal.CreatePortalClient();
        var login = await client.GetPageAsync("/account/inloggen");
        var unknown = new List<double>();
        var known = new List<double>();
        string? unknownText = null, knownText = null;
        for (var round = 0; round < 60; round++)
        {
            // Alternating, and each kind first in every other round, so whatever else the machine does falls on both
            // alike; the first rounds warm up. One unknown address throughout, as one known one: the first wrong try
            // for any typed address starts its count (one row more), whether or not the account exists.
            var unknownFirst = round % 2 == 0;
            var (firstTime, firstPage) = await TimeAsync(client, login, unknownFirst ? "niemand@nergens.test" : Baseline.NoordPatient);
            var (secondTime, secondPage) = await TimeAsync(client, login, unknownFirst ? Baseline.NoordPatient : "niemand@nergens.test");
            var (unknownTime, unknownPage) = unknownFirst ? (firstTime, firstPage) : (secondTime, secondPage);
            var (knownTime, knownPage) = unknownFirst ? (secondTime, secondPage) : (firstTime, firstPage);
            if (round >= 4)
            {
                unknown.Add(unknownTime);
                known.Add(knownTime);
            }
            unknownText = unknownPage.Document.QuerySelector("[role=alert]")?.TextContent.Trim();
            knownText = knownPage.Document.QuerySelector("[role=alert]")?.TextContent.Trim();
        }

        Assert.Equal("Het e-mailadres of wachtwoord klopt niet. Probeer het opnieuw.", knownText);
        Assert.Equal(knownText, unknownText);
        // What would give an account away is a password check done for one kind and not the other, so the gap is held
        // against what one check costs on this machine now: a busy machine slows both, and a fixed share of the answer
        // time failed on a loaded machine with the check done for both.
        var (unknownMedian, knownMedian, checkMedian) = (Median(unknown), Median(known), Median(PasswordCheckTimes()));
        output.WriteLine($"median {unknownMedian:F1} ms unknown address, {knownMedian:F1} ms wrong password, {checkMedian:F1} ms one password check");
        Assert.True(Math.Abs(unknownMedian - knownMedian) < checkMedian / 2,
            $"median {unknownMedian:F1} ms for an unknown address against {knownMedian:F1} ms for a wrong password; one password check takes {checkMedian:F1} ms");
    }

    private List<double> PasswordCheckTimes()
    {
        var hasher = portal.Services.GetRequiredService<IPasswordHasher<ApplicationUser>>();
        var someone = new ApplicationUser { DisplayName = "", UserName = "" };
        var hash = hasher.HashPassword(someone, "een-wachtwoord-om-te-meten");
        return Enumerable.Range(0, 15).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            hasher.VerifyHashedPassword(someone, hash, "fout-wachtwoord-om-te-meten");
            return clock.Elapsed.TotalMilliseconds;
        }).ToList();
    }

    private static async Task<(double Milliseconds, Page Page)> TimeAsync(PortalClient client, Page login, string email)
    {
        var clock = Stopwatch.StartNew();
        var response = await client.SubmitAsync(login, PasswordForm, new() { ["Input.Email"] = email, ["Input.Password"] = "fout-wachtwoord-om-te-meten" });
        var html = await response.Content.ReadAsStringAsync();
        clock.Stop();
        return (clock.Elapsed.TotalMilliseconds, new Page(response.StatusCode, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), response.RequestMessage!.RequestUri!, response));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}

public class LoginAddressLimitTests(StrictAddressLimitPortal portal) : IClassFixture<StrictAddressLimitPortal>
{
    [Fact]
    public async Task Too_many_login_posts_from_one_address_get_a_plain_dutch_wait_page_not_an_error()
    {
        using var client = portal.CreatePortalClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.LoginAsync("iemand" + attempt + "@ergens.test", "niet-dit")).Status);
        }

        var login = await client.GetPageAsync("/account/inloggen");
        var refused = await client.SubmitAsync(login, "form[method=post]:has(input[name='Input.Password'])",
            new() { ["Input.Email"] = Baseline.NoordPatient, ["Input.Password"] = Baseline.Password });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var text = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Even wachten", text);
        Assert.Contains("Wacht een minuut", text);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/mijn")).StatusCode);
    }
}
