namespace RugcentrumPortal.Data;

public class Patient
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PracticeId { get; set; }
    public Practice? Practice { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public DateOnly DateOfBirth { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public string? TherapistId { get; set; }
    public ApplicationUser? Therapist { get; set; }

    /// <summary>The patient's own login, once they have one.</summary>
    public string? UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";
}
