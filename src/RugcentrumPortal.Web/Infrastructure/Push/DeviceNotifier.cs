using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Infrastructure.Push;

/// <summary>Sends one notification to every device a patient allowed, and forgets the devices the browser withdrew.</summary>
public sealed class DeviceNotifier(IPushSender push)
{
    /// <summary>How many devices took the notification; 0 when the patient has none or none answered.</summary>
    public async Task<int> NotifyAsync(AppDbContext db, Guid patientId, PushNote note, CancellationToken cancellationToken)
    {
        var devices = await db.PushDevices.Where(d => d.PatientId == patientId).ToListAsync(cancellationToken);
        var delivered = 0;
        foreach (var device in devices)
        {
            switch (await push.SendAsync(device, note, cancellationToken))
            {
                case PushOutcome.Delivered:
                    delivered++;
                    break;
                case PushOutcome.Gone:
                    db.PushDevices.Remove(device);
                    break;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return delivered;
    }
}
