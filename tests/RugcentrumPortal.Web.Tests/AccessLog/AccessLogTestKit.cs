using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;

namespace RugcentrumPortal.Web.Tests.AccessLog;

internal static class AccessLogTestKit
{
    public static async Task<List<AccessLogEntry>> LinesAsync(PortalFactory portal, Guid practiceId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().AccessLog.AsNoTracking()
            .Where(e => e.PracticeId == practiceId).OrderBy(e => e.Sequence).ToListAsync();
    }

    public static async Task<int> CountAsync(PortalFactory portal, Guid patientId, string subject, AccessEvent kind)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.ArrangeDb().AccessLog
            .CountAsync(e => e.PatientId == patientId && e.Subject == subject && e.Event == kind);
    }

    public static async Task RecordAsync(PortalFactory portal, string user, Guid patientId, string subject, AccessEvent kind = AccessEvent.View)
    {
        await using var scope = await portal.Services.ScopeAsAsync(user);
        await scope.ServiceProvider.GetRequiredService<AccessLogWriter>().RecordAsync(kind, patientId, subject, "/test/" + subject, default);
    }

    public static async Task<ChainCheck> VerifyAsync(PortalFactory portal, Guid practiceId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccessLogVerifier>().VerifyAsync(practiceId, default);
    }
}
