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
    private IAccessScopeSource? scopeSource;
    private AccessScope? widenedScope;

    /// <summary>
    /// The only constructor, as a pool of contexts requires: the database product comes with the options (see
    /// <see cref="PortalProviderExtension"/>), the user with <see cref="WorkFor"/>. A context without a user (design
    /// time, tools) reaches no care records until it is widened.
    /// </summary>
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
        provider = options.FindExtension<PortalProviderExtension>()?.Provider
            ?? throw new InvalidOperationException("The context's options name no database product; build them with IPortalDatabaseProvider.Configure.");
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

    /// <summary>Attempts counted per account for the login's slowing down and the hourly limits; not patient data.</summary>
    public DbSet<AccountAttempt> AccountAttempts => Set<AccountAttempt>();

    /// <summary>Who did what with whose data (NEN 7513); lines are only ever added, see <see cref="AccessLogEntry"/>.</summary>
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    /// <summary>The keys that protect sign-in cookies and forms, shared by every instance of the portal.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// The request or circuit this context works for, set each time the portal's factory hands out a context from
    /// its pool: the services of that scope (where the change log finds its user and writer) and a fresh lease, so
    /// state kept for an earlier use of the same instance is never taken for this one.
    /// </summary>
    public IServiceProvider? Services { get; private set; }

    /// <summary>Identifies one use of this instance; see <see cref="Services"/>.</summary>
    public object Lease { get; private set; } = new();

    /// <summary>Hands the context to a new user: their access scope, their services, nothing widened.</summary>
    public AppDbContext WorkFor(IAccessScopeSource user, IServiceProvider? services = null)
    {
        scopeSource = user;
        Services = services;
        widenedScope = null;
        Lease = new object();
        return this;
    }

    /// <summary>A context going back to the pool keeps nothing of its user.</summary>
    public override void Dispose()
    {
        Forget();
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override ValueTask DisposeAsync()
    {
        Forget();
        return base.DisposeAsync();
    }

    private void Forget()
    {
        scopeSource = null;
        Services = null;
        widenedScope = null;
    }

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

    /// <summary>
    /// Completes options built outside the portal's pool: the access log's guard and Identity's schema version.
    /// The pool's options have both already, and a pooled context's options may not be changed here.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        var core = optionsBuilder.Options.FindExtension<CoreOptionsExtension>();
        if (core?.Interceptors?.Contains(AccessLogAppendOnlyGuard.Instance) != true)
        {
            optionsBuilder.AddInterceptors(AccessLogAppendOnlyGuard.Instance);
        }
        if (core?.ApplicationServiceProvider?.GetService(typeof(IOptions<IdentityOptions>)) is null)
        {
            optionsBuilder.UseApplicationServiceProvider(IdentityOptionsAlone);
        }
    }

    /// <summary>The guard that keeps bulk statements off the access log, for options built outside this context.</summary>
    public static Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor AccessLogGuard => AccessLogAppendOnlyGuard.Instance;

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
        builder.ApplyConfiguration(new ClinicalAssessmentConfiguration(sql));
        builder.ApplyConfiguration(new PortalMessageConfiguration(sql));
        ApplyAccessRules(builder);
    }
}
