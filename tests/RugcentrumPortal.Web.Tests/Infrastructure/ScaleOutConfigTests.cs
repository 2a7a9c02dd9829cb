using System.Diagnostics;
using Microsoft.Azure.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RugcentrumPortal.Web.Components.Workspace;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>What running more than one portal instance rests on: the compose variant and the optional Azure SignalR Service.</summary>
public class ScaleOutConfigTests
{
    [Fact]
    public async Task The_two_instance_compose_variant_is_valid_and_puts_both_portals_behind_the_proxy()
    {
        var config = await ComposeConfigAsync("docker-compose.yml", "docker-compose.two-instances.yml");

        Assert.Contains("\n  portal:\n", config);
        Assert.Contains("\n  portal-2:\n", config);
        Assert.Contains("\n  proxy:\n", config);
        var proxyConfig = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "deploy", "nginx", "two-instances.conf"));
        Assert.Contains("server portal:8080", proxyConfig);
        Assert.Contains("server portal-2:8080", proxyConfig);
        Assert.Contains("hash $remote_addr consistent", proxyConfig);
        // The proxy is published on another port than its own 80; with $host the portal's redirects would lose it.
        Assert.Contains("proxy_set_header Host $http_host;", proxyConfig);
    }

    [Fact]
    public async Task The_single_instance_compose_file_stays_valid()
    {
        var config = await ComposeConfigAsync("docker-compose.yml");

        Assert.DoesNotContain("portal-2", config);
    }

    [Fact]
    public void Azure_SignalR_Service_carries_the_workspace_connections_only_when_configured_and_keeps_them_on_one_instance()
    {
        var configured = Workspace(new() { [WorkspaceSetup.AzureSignalRSetting] = "Endpoint=https://rugcentrum.service.signalr.net;AccessKey=dGVzdA==;Version=1.0;" });
        var plain = Workspace(new());

        var options = configured.GetRequiredService<IOptions<ServiceOptions>>().Value;
        Assert.Equal(ServerStickyMode.Required, options.ServerStickyMode);
        Assert.Contains("rugcentrum.service.signalr.net", options.ConnectionString);
        Assert.Null(plain.GetRequiredService<IOptions<ServiceOptions>>().Value.ConnectionString);
    }

    private static ServiceProvider Workspace(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddWorkspace(configuration);
        return services.BuildServiceProvider();
    }

    private static async Task<string> ComposeConfigAsync(params string[] files)
    {
        var start = new ProcessStartInfo("docker-compose") { WorkingDirectory = RepositoryFiles.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var file in files)
        {
            start.ArgumentList.Add("-f");
            start.ArgumentList.Add(file);
        }
        start.ArgumentList.Add("config");
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, errors);
        return await output;
    }
}
