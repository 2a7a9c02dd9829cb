namespace RugcentrumPortal.Data;

public enum SessionOutcome
{
    Done,
    Partly,
    Skipped,
}

/// <summary>
/// What a patient did with one exercise of their plan on one day and how it felt. <see cref="SubmissionId"/> comes
/// from the form that was shown, so a double click or a resubmitted form cannot log the same session twice.
/// </summary>
public class SessionLog : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }
    public Guid PlanId { get; set; }
    public Guid PlanExerciseId { get; set; }
    public required string ExerciseId { get; set; }
    public DateOnly Day { get; set; }
    public SessionOutcome Outcome { get; set; }
    public int? Pain { get; set; }
    public int? Tension { get; set; }
    public int? Difficulty { get; set; }
    public string? Note { get; set; }
    public Guid SubmissionId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>The patient's weekly look back: the practice's signs of progress and their average pain.</summary>
public class WeeklyCheckIn : IPatientRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PatientId { get; set; }
    public Patient? Patient { get; set; }

    /// <summary>The Monday of the week looked back on.</summary>
    public DateOnly WeekStart { get; set; }
    public bool LessTensionNeck { get; set; }
    public bool LessTensionShoulders { get; set; }
    public bool LessTensionLowBack { get; set; }
    public bool SmootherMovement { get; set; }
    public bool EasierBreathing { get; set; }
    public bool ExercisesFeelEasier { get; set; }
    public int Nprs { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
