using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace RugcentrumPortal.Web.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<ClinicalAssessment> Assessments => Set<ClinicalAssessment>();
    public DbSet<OutcomeMeasurement> OutcomeMeasurements => Set<OutcomeMeasurement>();
    public DbSet<RecoveryPlan> Plans => Set<RecoveryPlan>();
    public DbSet<PlanExercise> PlanExercises => Set<PlanExercise>();
    public DbSet<PatientInvitation> Invitations => Set<PatientInvitation>();
    public DbSet<SessionLog> SessionLogs => Set<SessionLog>();
    public DbSet<WeeklyCheckIn> WeeklyCheckIns => Set<WeeklyCheckIn>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
