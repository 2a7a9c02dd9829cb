using Microsoft.EntityFrameworkCore.Diagnostics;
using RugcentrumPortal.Web.Infrastructure.Security;

namespace RugcentrumPortal.Web.Features.AccessLog;

public static class AccessLogSetup
{
    public static IServiceCollection AddAccessLog(this IServiceCollection services)
    {
        services.AddSingleton<SecurityEvents>();
        services.AddSingleton<AccessLogAppender>();
        services.AddScoped<AccessLogWriter>();
        services.AddScoped<AccessLogVerifier>();
        services.AddScoped<PageAccessLog>();
        services.AddScoped<AccessLogSearch>();
        services.AddScoped<OwnAccessHistory>();
        services.AddSingleton<IInterceptor, PatientChangeLog>();
        return services;
    }
}
