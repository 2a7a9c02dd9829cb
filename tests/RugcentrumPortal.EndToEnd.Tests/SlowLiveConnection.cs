using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Playwright;

namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// Delays what the server sends over a page's live connection by a fixed time, in order, as a distant or busy
/// server would: the server's answer to one key then arrives while the next keys are being typed.
/// </summary>
internal static class SlowLiveConnection
{
    public static Task DelayServerMessagesAsync(IPage page, TimeSpan delay) =>
        page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            var server = socket.ConnectToServer();
            var queue = Channel.CreateUnbounded<(DateTime Due, IWebSocketFrame Frame)>();
            server.OnMessage(frame => queue.Writer.TryWrite((DateTime.UtcNow + delay, frame)));
            _ = Task.Run(async () =>
            {
                await foreach (var (due, frame) in queue.Reader.ReadAllAsync())
                {
                    var wait = due - DateTime.UtcNow;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }
                    if (frame.Binary is { } binary)
                    {
                        socket.Send(binary);
                    }
                    else
                    {
                        socket.Send(frame.Text ?? "");
                    }
                }
            });
        });
}
