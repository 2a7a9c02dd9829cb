using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Web.Infrastructure.Access;

namespace RugcentrumPortal.Web.Data;

/// <summary>
/// The portal's one context. Every query over care records is narrowed by the access rule (see AccessRules.cs)
/// to what <see cref="Scope"/> may reach; the scope follows the signed-in user unless it is explicitly widened.
/// </summary>
public partial class AppDbContext : IdentityDbContext<ApplicationUser>
{
    private readonly CurrentUser? currentUser;
    private AccessScope? widenedScope;

    /// <summary>A context without a user (design time, tools) reaches no care records until it is widened.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public AppDbContext(DbContextOptions<AppDbContext> options, CurrentUser currentUser)
        : base(options)
    {
        this.currentUser = currentUser;
    }

    public DbSet<Practice> Practices => Set<Practice>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<ClinicalAssessment> Assessments => Set<ClinicalAssessment>();
    public DbSet<OutcomeMeasurement> OutcomeMeasurements => Set<OutcomeMeasurement>();
    public DbSet<RecoveryPlan> Plans => Set<RecoveryPlan>();
    public DbSet<PlanExercise> PlanExercises => Set<PlanExercise>();
    public DbSet<PatientInvitation> Invitations => Set<PatientInvitation>();
    public DbSet<SessionLog> SessionLogs => Set<SessionLog>();
    public DbSet<WeeklyCheckIn> WeeklyCheckIns => Set<WeeklyCheckIn>();

    /// <summary>What this context's queries may reach: the current user's scope unless widened.</summary>
    public AccessScope Scope => widenedScope ?? currentUser?.Scope ?? AccessScope.Nobody;

    /// <summary>
    /// The named way out of the access rule for this context's lifetime: for work that must look across practices
    /// (see <see cref="AccessScope.AcrossPractices"/>). The reason says why, for the reader of the calling code.
    /// </summary>
    public AppDbContext AcrossPractices(string reason)
    {
        widenedScope = AccessScope.AcrossPractices(reason);
        return this;
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ApplyAccessRules(builder);
    }
}
