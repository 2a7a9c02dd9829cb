using Microsoft.AspNetCore.Identity;

namespace RugcentrumPortal.Data;

public class ApplicationUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public Guid PracticeId { get; set; }
    public Practice? Practice { get; set; }

    /// <summary>
    /// Set when someone other than the person chose the password (an administrator making a staff account): until
    /// they choose their own, the portal lets them reach only the password change and sign-out.
    /// </summary>
    public bool MustChangePassword { get; set; }
}
