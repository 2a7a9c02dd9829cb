using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Mail;

namespace RugcentrumPortal.Web.Infrastructure.Push;

/// <summary>What a notification shows: a title, one line, the portal page a tap opens and, for a reminder, a button that stops reminders. Never medical details.</summary>
public sealed record PushNote(string Title, string Body, string Url, string? StopTitle = null, string? StopUrl = null);

public enum PushOutcome
{
    Delivered,

    /// <summary>The browser withdrew the subscription (uninstalled, permission revoked): the device is to be forgotten.</summary>
    Gone,
    Failed,
}

public interface IPushSender
{
    Task<PushOutcome> SendAsync(PushDevice device, PushNote note, CancellationToken cancellationToken);
}

/// <summary>Hands a notification to the browser's push service, encrypted for the device and signed with the portal's keys.</summary>
public sealed class WebPushSender(HttpClient http, PushKeys keys, IOptions<MailOptions> mail, ILogger<WebPushSender> logger) : IPushSender
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PushOutcome> SendAsync(PushDevice device, PushNote note, CancellationToken cancellationToken)
    {
        var vapid = await keys.GetAsync(cancellationToken);
        var subscription = new PushSubscription { Endpoint = device.Endpoint };
        subscription.SetKey(PushEncryptionKeyName.P256DH, device.P256dh);
        subscription.SetKey(PushEncryptionKeyName.Auth, device.Auth);
        var message = new PushMessage(JsonSerializer.Serialize(note, Json)) { TimeToLive = (int)TimeSpan.FromHours(12).TotalSeconds, Urgency = PushMessageUrgency.Normal };
        var authentication = new VapidAuthentication(vapid.PublicKey, vapid.PrivateKey) { Subject = "mailto:" + mail.Value.From };
        try
        {
            await new PushServiceClient(http).RequestPushMessageDeliveryAsync(subscription, message, authentication, cancellationToken);
            return PushOutcome.Delivered;
        }
        catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.Gone or HttpStatusCode.NotFound)
        {
            return PushOutcome.Gone;
        }
        catch (Exception e) when (e is PushServiceClientException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "A push notification could not be handed over");
            return PushOutcome.Failed;
        }
    }
}
