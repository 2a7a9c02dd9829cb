namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>
/// Looks for due reminders once a minute on the portal's clock. Every instance of the portal runs one; the
/// dispatcher's claim in the database keeps them from sending the same reminder twice.
/// </summary>
public sealed class ReminderSender(ReminderDispatcher dispatcher, TimeProvider time, ILogger<ReminderSender> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await dispatcher.SendDueAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Looking for due reminders failed; trying again in a minute");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The portal is stopping.
        }
    }
}
