using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Data;

namespace RugcentrumPortal.Web.Features.Patients;

public sealed record TherapistOption(string Id, string Name);

public static class PracticeTherapists
{
    public static Task<List<TherapistOption>> ListAsync(AppDbContext db, Guid practiceId)
    {
        var roleId = Roles.Ids[Roles.Therapist];
        return db.Users
            .Where(u => u.PracticeId == practiceId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new TherapistOption(u.Id, u.DisplayName))
            .ToListAsync();
    }
}
