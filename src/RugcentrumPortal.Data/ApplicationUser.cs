using Microsoft.AspNetCore.Identity;

namespace RugcentrumPortal.Data;

public class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public Guid PracticeId { get; set; }
    public Practice? Practice { get; set; }
}
