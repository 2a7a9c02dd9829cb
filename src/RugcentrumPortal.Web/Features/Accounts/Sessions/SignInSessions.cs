using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Accounts.Sessions;

/// <summary>How long a sign-in lasts: ended after <see cref="Idle"/> without a request, and after <see cref="Absolute"/> whatever happens.</summary>
public sealed class SessionLifetime
{
    public TimeSpan Idle { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan Absolute { get; set; } = TimeSpan.FromHours(12);
}

/// <summary>
/// The server's record of who is signed in. The cookie names a session; the session counts only while it is not
/// ended, not past its absolute lifetime and started under the account's current security stamp. Checking that
/// is one query by primary key (the session joined to its account), on every request and on every open page.
/// </summary>
public sealed class SignInSessions(AppDbContext db, PracticeClock clock, IOptions<SessionLifetime> lifetime, IOptions<IdentityOptions> identity, AccountSignals signals)
{
    public const string SessionClaim = "sid";

    /// <summary>Starts a session for the principal being signed in and writes its id into the principal.</summary>
    public async Task StartAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            ?? throw new InvalidOperationException("A sign-in without a user id.");
        var now = clock.Now;
        var session = new SignInSession { UserId = userId, StartedAt = now, ExpiresAt = now + lifetime.Value.Absolute };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        var claims = (ClaimsIdentity)principal.Identity!;
        if (claims.FindFirst(SessionClaim) is { } previous)
        {
            claims.RemoveClaim(previous);
        }
        claims.AddClaim(new Claim(SessionClaim, session.Id.ToString()));
    }

    /// <summary>Whether the session this principal names still counts.</summary>
    public async Task<bool> IsActiveAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id))
        {
            return false;
        }
        var session = await db.SignInSessions.AsNoTracking()
            .Where(s => s.Id == id)
            .Select(s => new { s.UserId, s.EndedAt, s.ExpiresAt, s.User!.SecurityStamp })
            .SingleOrDefaultAsync(cancellationToken);
        return session is not null
            && session.EndedAt is null
            && session.ExpiresAt > clock.Now
            && session.UserId == principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType)
            && session.SecurityStamp == principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
    }

    /// <summary>Ends the session this principal names (logout), so its cookie no longer works anywhere.</summary>
    public async Task EndAsync(ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(SessionClaim), out var id))
        {
            return;
        }
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null || session.EndedAt is not null)
        {
            return;
        }
        session.EndedAt = clock.Now;
        await db.SaveChangesAsync(cancellationToken);
        signals.Raise(session.UserId);
    }
}
