using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.TestSupport;

/// <summary>The test portal with a count of its circuits, so that a figure can say how many are held.</summary>
internal sealed class CircuitsPortal : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddScoped<CircuitHandler, CircuitCount.CountingCircuitHandler>();
            services.AddTransient<IStartupFilter, FramesAllowed>();
        });
    }

    /// <summary>
    /// The portal forbids being framed; the bench holds its circuits in frames of the portal's own pages, so here,
    /// and only here, the policy lets the portal frame itself. Its other directives stay as they are.
    /// </summary>
    private sealed class FramesAllowed : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Registered first, so its callback runs after the portal's own headers are set.
            app.Use(async (context, following) =>
            {
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.ContentSecurityPolicy = headers.ContentSecurityPolicy.ToString().Replace("frame-ancestors 'none'", "frame-ancestors 'self'", StringComparison.Ordinal);
                    headers.XFrameOptions = "SAMEORIGIN";
                    return Task.CompletedTask;
                });
                await following();
            });
            next(app);
        };
    }
}

/// <summary>Circuits the server holds (connected or kept after a lost connection) and those connected now.</summary>
internal static class CircuitCount
{
    private static int open;
    private static int connected;

    public static int Open => Volatile.Read(ref open);

    public static int Connected => Volatile.Read(ref connected);

    internal sealed class CountingCircuitHandler : CircuitHandler
    {
        public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref open);
            return Task.CompletedTask;
        }

        public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref open);
            return Task.CompletedTask;
        }

        public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref connected);
            return Task.CompletedTask;
        }

        public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            Interlocked.Decrement(ref connected);
            return Task.CompletedTask;
        }
    }
}
