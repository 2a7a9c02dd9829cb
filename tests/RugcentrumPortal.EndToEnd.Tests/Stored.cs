namespace RugcentrumPortal.EndToEnd.Tests;

/// <summary>
/// What a page saves reaches the database a moment after the page shows it (a live page saves in the background, a
/// phone sends its kept logs when it is back online), so tests that read the database wait for it, within a limit.
/// </summary>
public static class Stored
{
    public static async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> arrived, string whatNeverArrived, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var value = await read();
        while (!arrived(value))
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"{whatNeverArrived} (last seen: {value?.ToString() ?? "nothing"})");
            }
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }
}
