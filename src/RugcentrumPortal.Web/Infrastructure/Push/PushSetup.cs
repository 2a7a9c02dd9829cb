namespace RugcentrumPortal.Web.Infrastructure.Push;

public static class PushSetup
{
    public static IServiceCollection AddPortalPush(this IServiceCollection services)
    {
        services.AddSingleton<PushKeys>();
        services.AddHttpClient<IPushSender, WebPushSender>(client => client.Timeout = TimeSpan.FromSeconds(15));
        services.AddTransient<DeviceNotifier>();
        return services;
    }
}
