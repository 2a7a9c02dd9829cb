using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RugcentrumPortal.Data.Configurations;

namespace RugcentrumPortal.Data;

/// <summary>
/// The portal's one context, whichever database product runs it. Every query over care records is narrowed by the
/// access rule (see AccessRules.cs) to what <see cref="Scope"/> may reach; the scope follows the signed-in user
/// unless it is explicitly widened.
/// </summary>
public partial class AppDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    private readonly IPortalDatabaseProvider provider;
    private readonly IAccessScopeSource? scopeSource;
    private AccessScope? widenedScope;

    /// <summary>A context without a user (design time, tools) reaches no care records until it is widened.</summary>
    public AppDbContext(DbContextOptions<AppDbContext> options, IPortalDatabaseProvider provider)
        : base(options)
    {
        this.provider = provider;
    }

    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public AppDbContext(DbContextOptions<AppDbContext> options, IPortalDatabaseProvider provider, IAccessScopeSource scopeSource)
        : base(options)
    {
        this.provider = provider;
        this.scopeSource = scopeSource;
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
    public DbSet<FeedbackReceipt> FeedbackReceipts => Set<FeedbackReceipt>();
    public DbSet<ReminderSettings> ReminderSettings => Set<ReminderSettings>();
    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();
    public DbSet<PushDevice> PushDevices => Set<PushDevice>();
    public DbSet<PortalMessage> Messages => Set<PortalMessage>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();

    /// <summary>Links to choose a new password; belong to an account, not to a patient's record.</summary>
    public DbSet<PasswordResetLink> PasswordResetLinks => Set<PasswordResetLink>();

    /// <summary>The portal's web push key pair: one row, not patient data.</summary>
    public DbSet<PushKeyPair> PushKeyPairs => Set<PushKeyPair>();
    public DbSet<ExerciseMediaItem> ExerciseMedia => Set<ExerciseMediaItem>();
    public DbSet<PracticeExercise> PracticeExercises => Set<PracticeExercise>();

    /// <summary>Sign-ins that can be ended on the server; not patient data.</summary>
    public DbSet<SignInSession> SignInSessions => Set<SignInSession>();

    /// <summary>Who did what with whose data (NEN 7513); lines are only ever added, see <see cref="AccessLogEntry"/>.</summary>
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    /// <summary>The keys that protect sign-in cookies and forms, shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>What this context's queries may reach: the current user's scope unless widened.</summary>
    public AccessScope Scope => widenedScope ?? scopeSource?.Scope ?? AccessScope.Nobody;

    /// <summary>
    /// The named way out of the access rule for this context's lifetime: for work that must look across practices
    /// (see <see cref="AccessScope.AcrossPractices"/>). The reason says why, for the reader of the calling code.
    /// </summary>
    public AppDbContext AcrossPractices(string reason)
    {
        widenedScope = AccessScope.AcrossPractices(reason);
        return this;
    }

    /// <summary>Whether a failed save hit a unique index: the database's own guarantee against a duplicate.</summary>
    public bool IsUniqueViolation(DbUpdateException exception) => provider.IsUniqueViolation(exception);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseRewritingTheAccessLog();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseRewritingTheAccessLog();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The access log is append-only for the application: a line once written is never changed or removed.</summary>
    private void RefuseRewritingTheAccessLog()
    {
        if (ChangeTracker.AutoDetectChangesEnabled)
        {
            ChangeTracker.DetectChanges();
        }
        if (ChangeTracker.Entries<AccessLogEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new AccessLogIsAppendOnlyException();
        }
    }

    /// <summary>Identity's tables with passkeys (schema version 3); the web app's Identity options name the same.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    /// <summary>
    /// Identity builds its tables from the Identity options it finds among the app's services. A context made
    /// without them (the design-time tools that make migrations, tests, the bench) gets the same schema version
    /// here, so every context sees the tables the migrations create.
    /// </summary>
    private static readonly IServiceProvider IdentityOptionsAlone = new ServiceCollection()
        .Configure<IdentityOptions>(options => options.Stores.SchemaVersion = IdentitySchema)
        .BuildServiceProvider();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.AddInterceptors(AccessLogAppendOnlyGuard.Instance);
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(IOptions<IdentityOptions>)) is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentityOptionsAlone);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        provider.ConfigureConventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Check constraints and filtered indexes are written in SQL; these take the product's identifier quoting.
        var sql = this.GetService<ISqlGenerationHelper>();
        builder.ApplyConfiguration(new SessionLogConfiguration(sql));
        builder.ApplyConfiguration(new WeeklyCheckInConfiguration(sql));
        builder.ApplyConfiguration(new RecoveryPlanConfiguration(sql));
        ApplyAccessRules(builder);
    }
}
