using System.Security.Claims;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Infrastructure;

/// <summary>The signed-in user as the server knows them; every access rule starts here.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    public const string PracticeClaim = "practice";

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public string UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new InvalidOperationException("No signed-in user.");

    public Guid PracticeId => Guid.TryParse(Principal.FindFirstValue(PracticeClaim), out var id)
        ? id
        : throw new InvalidOperationException("The signed-in user has no practice.");

    public bool IsTherapist => Principal.IsInRole(Roles.Therapist);
    public bool IsPatient => Principal.IsInRole(Roles.Patient);
    public bool IsPracticeAdmin => Principal.IsInRole(Roles.PracticeAdmin);
}
