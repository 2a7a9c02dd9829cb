namespace RugcentrumPortal.Web.Infrastructure.Time;

public static class ClockSetup
{
    /// <summary>The practice's time zone comes from <c>Practice:TimeZone</c> (an IANA id), Europe/Amsterdam unless set.</summary>
    public static IServiceCollection AddPracticeClock(this IServiceCollection services, IConfiguration configuration)
    {
        var zoneId = configuration["Practice:TimeZone"] is { Length: > 0 } configured ? configured : PracticeClock.DefaultTimeZone;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PracticeClock(sp.GetRequiredService<TimeProvider>(), zone));
        return services;
    }
}
