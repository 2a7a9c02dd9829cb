using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Tests.Infrastructure;

/// <summary>
/// The access rule applies by itself: every kind of record that carries patient data is narrowed by the database
/// context, whoever queries it and however, so a new query cannot forget it.
/// </summary>
public class AccessScopeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    /// <summary>Kinds of rows that hold no patient data; everything else must be scoped.</summary>
    private static readonly HashSet<Type> NotPatientData =
    [
        typeof(Practice),
        typeof(ApplicationUser),
        typeof(SignInSession),
        typeof(AccountAttempt),
        typeof(IdentityRole),
        typeof(IdentityUserRole<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserToken<string>),
        typeof(IdentityRoleClaim<string>),
        typeof(IdentityUserPasskey<string>),
        typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey),
        typeof(PushKeyPair),

        // A link to choose a new password belongs to an account, as Identity's own tokens do.
        typeof(PasswordResetLink),
    ];

    [Fact]
    public async Task Every_kind_of_record_but_accounts_and_practices_is_narrowed_by_the_access_rule()
    {
        await using var db = portal.Services.CreateAsyncScope().ServiceProvider.ArrangeDb();
        var unscoped = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.GetDeclaredQueryFilters().Count == 0)
            .Select(t => t.ClrType)
            .ToHashSet();

        Assert.Empty(unscoped.Except(NotPatientData).Select(t => t.Name));
    }

    [Fact]
    public async Task A_therapist_of_another_practice_an_administrator_and_a_visitor_reach_no_patient_data_of_any_kind()
    {
        await ArrangeOneOfEveryKindAsync();
        await using var scope = portal.Services.CreateAsyncScope();
        await using var everything = scope.ServiceProvider.ArrangeDb();
        await using var otherPractice = portal.Services.DbAs("therapeut-elders", Roles.Therapist, Guid.CreateVersion7());
        await using var administrator = portal.Services.DbAs("beheerder", Roles.PracticeAdmin, Baseline.NoordId);
        await using var visitor = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>());

        foreach (var kind in ScopedKinds(everything))
        {
            Assert.True(await CountAsync(everything, kind) > 0, $"{kind.Name} was arranged");
            Assert.Equal((kind.Name, 0), (kind.Name, await CountAsync(otherPractice, kind)));
            Assert.Equal((kind.Name, 0), (kind.Name, await CountAsync(administrator, kind)));
            Assert.Equal((kind.Name, 0), (kind.Name, await CountAsync(visitor, kind)));
        }
    }

    [Fact]
    public async Task A_patient_reaches_only_their_own_record_and_never_the_therapists_assessments()
    {
        await ArrangeOneOfEveryKindAsync();
        var patientUserId = await WithArrangeDbAsync(db => db.Users.Where(u => u.Email == Baseline.NoordPatient).Select(u => u.Id).SingleAsync());
        await using var patient = portal.Services.DbAs(patientUserId, Roles.Patient, Baseline.NoordId);

        Assert.Equal([Baseline.NoordPatientId], await patient.Patients.Select(p => p.Id).ToListAsync());
        Assert.Empty(await patient.Assessments.ToListAsync());
        Assert.Empty(await patient.Set<MuscleRatingEntry>().ToListAsync());
        Assert.Empty(await patient.Set<MovementTestEntry>().ToListAsync());
        Assert.Empty(await patient.Set<ExaminationRecord>().ToListAsync());
        Assert.Empty(await patient.Invitations.ToListAsync());
        Assert.Empty(await patient.FeedbackReceipts.ToListAsync());
        Assert.Equal([Baseline.NoordPatientId], (await patient.Messages.ToListAsync()).Select(m => m.PatientId).Distinct());
        Assert.Equal([Baseline.NoordPatientId], (await patient.ReminderSettings.ToListAsync()).Select(s => s.PatientId));
        Assert.All(await patient.SessionLogs.ToListAsync(), l => Assert.Equal(Baseline.NoordPatientId, l.PatientId));
        Assert.NotEmpty(await patient.SessionLogs.ToListAsync());
        Assert.Equal(["pelvic-tilt"], await patient.ExerciseMedia.Select(m => m.ExerciseId).ToListAsync());
        Assert.Equal([Baseline.NoordPatientId], (await patient.AccessLog.ToListAsync()).Select(l => l.PatientId).Distinct());
    }

    private static IEnumerable<Type> ScopedKinds(AppDbContext db) =>
        db.Model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetDeclaredQueryFilters().Count > 0).Select(t => t.ClrType);

    private static Task<int> CountAsync(AppDbContext db, Type kind)
    {
        var set = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(kind).Invoke(db, null)!;
        return set.CountAsync();
    }

    private async Task<T> WithArrangeDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.ArrangeDb());
    }

    /// <summary>One row of every kind of care record, all for the Noord practice's patient with a login.</summary>
    private async Task ArrangeOneOfEveryKindAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.ArrangeDb();
        var therapistId = await db.Users.Where(u => u.Email == Baseline.NoordTherapist).Select(u => u.Id).SingleAsync();
        var now = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var patientId = Baseline.NoordPatientId;
        if (await db.Plans.AnyAsync(p => p.PatientId == patientId))
        {
            return;
        }
        var assessment = new ClinicalAssessment
        {
            PatientId = patientId, TherapistId = therapistId, CreatedAt = now, UpdatedAt = now,
            Ratings = [new MuscleRatingEntry { MuscleId = "upper-trapezius", Tone = MuscleTone.Overactive, Side = Side.Both }],
            PatternReviews = [new PatternReview { PatternId = "upper-crossed", Accepted = true, ReviewedAt = now }],
            MovementTests = [new MovementTestEntry { TestId = "push-up", Side = Side.Left, Grade = MovementGrade.Deviating, FindingIds = ["push-up-scapular-winging"] }],
            Examination = new ExaminationRecord { BreathingPattern = BreathingPattern.Chest, BreathingRecordedAt = now },
        };
        var plan = await TestPlans.AddAsync(portal, patientId, PlanStatus.Active, now, TestPlans.Exercise("pelvic-tilt"));
        db.Assessments.Add(assessment);
        db.OutcomeMeasurements.Add(new OutcomeMeasurement { PatientId = patientId, InstrumentId = "nprs", RequestedAt = now });
        db.Invitations.Add(new PatientInvitation { PatientId = patientId, TokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), CreatedById = therapistId, CreatedAt = now, ExpiresAt = now.AddDays(7) });
        db.WeeklyCheckIns.Add(new WeeklyCheckIn { PatientId = patientId, WeekStart = new DateOnly(2026, 2, 23), Nprs = 3, CreatedAt = now });
        db.FeedbackReceipts.Add(new FeedbackReceipt { PatientId = patientId, Kind = FeedbackKind.Note, SourceKey = "arranged", ReadByUserId = therapistId, ReadAt = now });
        db.ReminderSettings.Add(new ReminderSettings { PatientId = patientId, Enabled = true, ByEmail = true, Days = ReminderDays.Monday, At = new TimeOnly(9, 0), Language = "nl", UpdatedAt = now });
        db.ReminderDeliveries.Add(new ReminderDelivery { PatientId = patientId, Day = new DateOnly(2026, 3, 2), ClaimedAt = now });
        db.PushDevices.Add(new PushDevice { PatientId = patientId, Endpoint = "https://push.example/arranged", EndpointHash = new string('a', 64), P256dh = "key", Auth = "auth", CreatedAt = now });
        db.Messages.Add(new PortalMessage { PatientId = patientId, FromPatient = true, AuthorUserId = therapistId, Text = "Bericht", SubmissionId = Guid.NewGuid(), CreatedAt = now });
        db.ErasureRequests.Add(new ErasureRequest { PatientId = patientId, RequestedAt = now });
        db.ExerciseMedia.Add(new ExerciseMediaItem
        {
            PracticeId = Baseline.NoordId, ExerciseId = "pelvic-tilt", Kind = MediaKind.Image, ContentType = "image/png", AltText = "Bekken kantelen",
            OriginalName = "bekken.png", UploadedById = therapistId, UploadedAt = now,
        });
        db.PracticeExercises.Add(new PracticeExercise
        {
            PracticeId = Baseline.NoordId, Title = "Kat en koe", Purpose = "Soepel bewegen", Steps = "Maak de rug bol",
            CreatedById = therapistId, CreatedAt = now, UpdatedById = therapistId, UpdatedAt = now,
        });
        await db.SaveChangesAsync();
        db.SessionLogs.Add(new SessionLog
        {
            PatientId = patientId, PlanId = plan.Id, PlanExerciseId = plan.Exercises[0].Id, ExerciseId = "pelvic-tilt",
            Day = new DateOnly(2026, 3, 2), SubmissionId = Guid.NewGuid(), CreatedAt = now,
        });
        await db.SaveChangesAsync();
        await using var therapist = await portal.Services.ScopeAsAsync(Baseline.NoordTherapist);
        await therapist.ServiceProvider.GetRequiredService<RugcentrumPortal.Web.Features.AccessLog.AccessLogWriter>()
            .RecordAsync(AccessEvent.View, patientId, "Arranged", "/arranged", default);
    }
}
