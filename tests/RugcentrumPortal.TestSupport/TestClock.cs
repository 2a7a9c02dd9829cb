using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.TestSupport;

public static class TestClock
{
    /// <summary>
    /// The portal's own clock, so arranged data has the portal's "now" and "today" (the practice's date, a fake
    /// clock's time), not the machine's, which differ near midnight.
    /// </summary>
    public static PracticeClock PracticeClock(this PortalFactory portal) => portal.Services.GetRequiredService<PracticeClock>();
}
