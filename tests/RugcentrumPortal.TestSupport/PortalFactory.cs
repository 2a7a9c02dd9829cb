using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Features.Accounts.SignIn;
using Xunit;

namespace RugcentrumPortal.TestSupport;

/// <summary>
/// The real portal over a private, freshly cloned PostgreSQL database. Use as an xunit class fixture; with
/// <see cref="StartKestrel"/> it listens on a loopback port for a real browser.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool migrate;
    private readonly Dictionary<string, string?> settings = new();

    public PortalFactory()
    {
    }

    internal PortalFactory(string connectionString, bool migrate)
    {
        ConnectionString = connectionString;
        this.migrate = migrate;
    }

    public string ConnectionString { get; private set; } = "";

    /// <summary>Where this portal's outgoing mail lands as .eml files.</summary>
    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "rc-mail-" + Guid.NewGuid().ToString("N"));

    /// <summary>Where this portal keeps the practice's uploaded photos and videos.</summary>
    public string MediaDirectory { get; private set; } = Path.Combine(Path.GetTempPath(), "rc-media-" + Guid.NewGuid().ToString("N"));

    /// <summary>
    /// The portal's clock, when the test set one with <see cref="WithClock"/>; otherwise the real time.
    /// </summary>
    public FakeTimeProvider? Clock { get; private set; }

    /// <summary>Runs the portal on a fake clock the test moves, e.g. to 23:30 in Amsterdam or across a DST change.</summary>
    public PortalFactory WithClock(DateTimeOffset now)
    {
        Clock = new FakeTimeProvider(now);
        return this;
    }

    /// <summary>Overrides a configuration value before the app starts, e.g. ("Pdf:Enabled", "false").</summary>
    public PortalFactory WithSetting(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    public async Task InitializeAsync()
    {
        if (ConnectionString.Length == 0)
        {
            ConnectionString = await TestDatabase.CreateAsync();
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestDatabase.DropAsync(ConnectionString);
        if (Directory.Exists(MediaDirectory))
        {
            Directory.Delete(MediaDirectory, recursive: true);
        }
    }

    /// <summary>
    /// A second portal over this one's database (and so its Data Protection keys): another instance of the same
    /// practice, as after a restart or behind a load balancer. The caller disposes it; it leaves the database alone.
    /// </summary>
    public PortalFactory AnotherInstance()
    {
        var other = new PortalFactory(ConnectionString, migrate: false) { Clock = Clock, MediaDirectory = MediaDirectory };
        foreach (var (key, value) in settings)
        {
            other.settings[key] = value;
        }
        return other;
    }

    /// <summary>Serves the app on a real loopback port (any free one unless given) and returns its base address.</summary>
    public Uri StartKestrel(int port = 0)
    {
        UseKestrel(port);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects on its own.</summary>
    public PortalClient CreatePortalClient()
    {
        var cookies = new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler();
        return new PortalClient(CreateDefaultClient(new Uri("https://localhost"), cookies), cookies.Container);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", migrate ? "true" : "false");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Mail:Mode", "Pickup");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("Media:Folder", MediaDirectory);
        // Static files with the headers and compression a published portal sends; a build's manifest would otherwise
        // answer every file uncompressed and uncached, so that an edited file shows at once.
        builder.UseSetting("ReloadStaticAssetsAtRuntime", "false");
        // Every test client comes from the same address; the guessing limits have their own tests with their own limits.
        builder.UseSetting("Invitations:AttemptsPerMinute", "100000");
        builder.UseSetting("Accounts:LoginAttemptsPerMinute", "100000");
        builder.UseSetting("Passwords:AttemptsPerMinute", "100000");
        builder.UseSetting("Passwords:AttemptsPerAccountPerHour", "100000");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(OneTimeAuthenticatorCodes.ClockKey, AuthenticatorTime.Shared);
            if (Clock is { } clock)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });
    }
}
