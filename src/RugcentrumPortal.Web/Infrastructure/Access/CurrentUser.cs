using System.Security.Claims;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Infrastructure.Access;

/// <summary>
/// Who is asking, for the current request or the current circuit. Set once per request by
/// <see cref="CurrentUserMiddleware"/> and per circuit by <see cref="CurrentUserCircuitHandler"/>, because
/// <c>HttpContext</c> is not available inside a circuit and the authentication state is not set for plain endpoints.
/// </summary>
public sealed class CurrentUser : IAccessScopeSource
{
    public const string PracticeClaim = "practice";
    public const string DisplayNameClaim = "display_name";

    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    public ClaimsPrincipal Principal { get; private set; } = Anonymous;

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    /// <summary>Where the request or the circuit's connection came from, as the server saw it; for the access log.</summary>
    public string? RemoteAddress { get; private set; }

    public void SetRemoteAddress(System.Net.IPAddress? address) =>
        RemoteAddress = address is null ? null : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("No signed-in user.");

    public Guid PracticeId => Guid.TryParse(Principal.FindFirstValue(PracticeClaim), out var id)
        ? id
        : throw new InvalidOperationException("The signed-in user has no practice.");

    public string DisplayName => Principal.FindFirstValue(DisplayNameClaim) ?? Principal.Identity?.Name ?? "";

    public bool IsTherapist => Principal.IsInRole(Roles.Therapist);
    public bool IsPatient => Principal.IsInRole(Roles.Patient);
    public bool IsPracticeAdmin => Principal.IsInRole(Roles.PracticeAdmin);

    /// <summary>The records this user may reach; see <see cref="AccessScope"/>.</summary>
    public AccessScope Scope => !IsAuthenticated
        ? AccessScope.Nobody
        : IsTherapist
            ? AccessScope.ForPractice(PracticeId)
            : IsPatient
                ? AccessScope.ForPatientAccount(UserId)
                : AccessScope.Nobody;
}
