using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Patterns;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Web.Data;

/// <summary>
/// Invented demo data: two practices. The first has an administrator, two therapists and three patients and enough
/// care history to show every part of the portal; the second has its own therapist and two patients, so that what
/// one practice may not see of the other can be tried. Every person here is fictional. Running it again changes nothing.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<ApplicationUser> users, IUserStore<ApplicationUser> userStore, PracticeClock clock, ILogger<DemoSeeder> logger)
{
    public const string PracticeName = "Rugcentrum De Linde (demo)";
    public const string SecondPracticeName = "Fysiotherapie Het Baken (demo)";
    public const string Password = "demo-linde-voorjaar";

    /// <summary>
    /// Every demo account. Staff sign in with a code from an authenticator app; their keys are fixed and made up
    /// for the demo only (the run command prints them), so anyone trying the demo can add them to an app.
    /// </summary>
    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("beheer@demo.rugcentrum.example", "Beheerder Demo", Roles.PracticeAdmin, PracticeName, "DEMOBEHEERDERDEMOBEHEERDERDEMOBE"),
        new("sanne.therapeut@demo.rugcentrum.example", "Sanne Verbeek (demo)", Roles.Therapist, PracticeName, "DEMOSANNEVERBEEKDEMOSANNEVERBEEK"),
        new("joris.therapeut@demo.rugcentrum.example", "Joris Hendriks (demo)", Roles.Therapist, PracticeName, "DEMOJORISHENDRIKSDEMOJORISHENDRI"),
        new("ria.patient@demo.rugcentrum.example", "Ria Jansen (demo)", Roles.Patient, PracticeName, null),
        new("mila.therapeut@baken.demo.rugcentrum.example", "Mila de Wit (demo)", Roles.Therapist, SecondPracticeName, "DEMOMILADEWITDEMOMILADEWITDEMOMI"),
        new("henk.patient@baken.demo.rugcentrum.example", "Henk Visser (demo)", Roles.Patient, SecondPracticeName, null),
    ];

    public async Task SeedAsync()
    {
        db.AcrossPractices("seeding the invented demo practices");
        if (!await db.Practices.AnyAsync(p => p.Name == PracticeName))
        {
            await SeedFirstPracticeAsync();
        }
        if (!await db.Practices.AnyAsync(p => p.Name == SecondPracticeName))
        {
            await SeedSecondPracticeAsync();
        }
        await GiveStaffTheirKeysAsync();
    }

    /// <summary>Staff accounts from a demo database made before staff signed in with a code get their printed key.</summary>
    private async Task GiveStaffTheirKeysAsync()
    {
        foreach (var account in Accounts.Where(a => a.AuthenticatorKey is not null))
        {
            if (await users.FindByEmailAsync(account.Email) is { TwoFactorEnabled: false } user)
            {
                await EnableAuthenticatorAsync(user, account);
            }
        }
    }

    private async Task SeedFirstPracticeAsync()
    {
        var practice = new Practice
        {
            Name = PracticeName, Address = "Oefenlaan 1", PostalCode = "1234 AB", City = "Voorbeeldstad", Phone = "010-0000000", Email = "info@demo.rugcentrum.example",
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        var created = await CreateAccountsAsync(practice);

        var sanne = created["sanne.therapeut@demo.rugcentrum.example"];
        var joris = created["joris.therapeut@demo.rugcentrum.example"];
        var now = clock.Now;
        var ria = new Patient
        {
            PracticeId = practice.Id, FirstName = "Ria", LastName = "Jansen (demo)", DateOfBirth = new DateOnly(1956, 3, 14),
            Email = "ria.patient@demo.rugcentrum.example", Phone = "06-00000001", TherapistId = sanne.Id,
            UserId = created["ria.patient@demo.rugcentrum.example"].Id, CreatedAt = now,
        };
        var kees = new Patient
        {
            PracticeId = practice.Id, FirstName = "Kees", LastName = "de Boer (demo)", DateOfBirth = new DateOnly(1971, 9, 2),
            Email = "kees.deboer@demo.rugcentrum.example", TherapistId = sanne.Id, CreatedAt = now,
        };
        var fatima = new Patient
        {
            PracticeId = practice.Id, FirstName = "Fatima", LastName = "El Amrani (demo)", DateOfBirth = new DateOnly(1988, 11, 23),
            Email = "fatima.elamrani@demo.rugcentrum.example", TherapistId = joris.Id, CreatedAt = now,
        };
        db.Patients.AddRange(ria, kees, fatima);
        await db.SaveChangesAsync();

        await SeedCareAsync(ria, kees, fatima, sanne.Id, joris.Id, now);
        logger.LogInformation("Demo practice {Practice} seeded", PracticeName);
    }

    /// <summary>A smaller practice next door: its own therapist and patients, none of whom De Linde can see (nor the other way round).</summary>
    private async Task SeedSecondPracticeAsync()
    {
        var practice = new Practice
        {
            Name = SecondPracticeName, Address = "Havenkade 9", PostalCode = "4321 ZX", City = "Proefhaven", Phone = "020-0000000", Email = "info@baken.demo.rugcentrum.example",
        };
        db.Practices.Add(practice);
        await db.SaveChangesAsync();
        var created = await CreateAccountsAsync(practice);
        var mila = created["mila.therapeut@baken.demo.rugcentrum.example"];
        var now = clock.Now;
        var henk = new Patient
        {
            PracticeId = practice.Id, FirstName = "Henk", LastName = "Visser (demo)", DateOfBirth = new DateOnly(1949, 6, 8),
            Email = "henk.patient@baken.demo.rugcentrum.example", Phone = "06-00000002", TherapistId = mila.Id,
            UserId = created["henk.patient@baken.demo.rugcentrum.example"].Id, CreatedAt = now,
        };
        var noor = new Patient
        {
            PracticeId = practice.Id, FirstName = "Noor", LastName = "Bakker (demo)", DateOfBirth = new DateOnly(1995, 1, 17),
            Email = "noor.bakker@baken.demo.rugcentrum.example", TherapistId = mila.Id, CreatedAt = now,
        };
        db.Patients.AddRange(henk, noor);
        await db.SaveChangesAsync();
        db.Assessments.Add(new ClinicalAssessment
        {
            PatientId = henk.Id, TherapistId = mila.Id, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Draft,
            CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2), ComplaintRegions = ["low-back"],
            ComplaintDescription = "Stijve onderrug bij opstaan uit de stoel (verzonnen voorbeeld).",
        });
        await db.SaveChangesAsync();
        logger.LogInformation("Demo practice {Practice} seeded", SecondPracticeName);
    }

    private async Task<Dictionary<string, ApplicationUser>> CreateAccountsAsync(Practice practice)
    {
        var created = new Dictionary<string, ApplicationUser>();
        foreach (var account in Accounts.Where(a => a.Practice == practice.Name))
        {
            var user = new ApplicationUser { UserName = account.Email, Email = account.Email, EmailConfirmed = true, DisplayName = account.Name, PracticeId = practice.Id };
            Check(account.Email, await users.CreateAsync(user, Password));
            Check(account.Email, await users.AddToRoleAsync(user, account.Role));
            if (account.AuthenticatorKey is not null)
            {
                await EnableAuthenticatorAsync(user, account);
            }
            created[account.Email] = user;
        }
        return created;
    }

    private async Task EnableAuthenticatorAsync(ApplicationUser user, DemoAccount account)
    {
        await ((IUserAuthenticatorKeyStore<ApplicationUser>)userStore).SetAuthenticatorKeyAsync(user, account.AuthenticatorKey!, CancellationToken.None);
        Check(account.Email, await users.SetTwoFactorEnabledAsync(user, true));
    }

    private static void Check(string email, IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// Enough care history to show every part of the portal: Ria has a completed intake with upper-crossed
    /// findings, an active plan, two weeks of logs, reminders on weekdays and an unread question for Sanne; Kees has a screening with an open red-flag decision;
    /// Fatima has an intake still in draft.
    /// </summary>
    private async Task SeedCareAsync(Patient ria, Patient kees, Patient fatima, string sanneId, string jorisId, DateTimeOffset now)
    {
        var today = clock.Today;
        var allNo = ClinicalCatalog.Default.RedFlags.Where(f => f.IsAsked).Select(f => f.Id).ToList();
        var riaIntake = new ClinicalAssessment
        {
            PatientId = ria.Id, TherapistId = sanneId, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Completed,
            CreatedAt = now.AddDays(-15), UpdatedAt = now.AddDays(-15), CompletedAt = now.AddDays(-15),
            ComplaintRegions = ["neck", "shoulder:right", "upper-back"],
            ComplaintDescription = "Stijve nek en zeurende rechterschouder na lange dagen achter de computer (verzonnen voorbeeld).",
            Onset = "Geleidelijk, sinds een halfjaar", Duration = "3-6 maanden", Course = "Erger aan het eind van de werkdag",
            Aggravating = "Lang beeldschermwerk", Easing = "Wandelen, warmte", RedFlagsAbsent = allNo,
            YellowFlags = ["persistent-stress"], StressSignals = ["shoulders-pulled-up", "high-breathing"],
            Conclusion = ScreeningConclusion.Pluis, HighestUrgency = Urgency.None, ScreenedAt = now.AddDays(-15),
            Observations = ["forward-head", "protracted-shoulders", "chest-breathing"],
            BalanceRecordedAt = now.AddDays(-15), ReassessmentDue = today.AddDays(27),
            Ratings =
            [
                new MuscleRatingEntry { MuscleId = "upper-trapezius", Tone = MuscleTone.Overactive, Intensity = 3 },
                new MuscleRatingEntry { MuscleId = "levator-scapulae", Tone = MuscleTone.Overactive, Intensity = 2 },
                new MuscleRatingEntry { MuscleId = "pectoralis-minor", Tone = MuscleTone.Overactive, Intensity = 2 },
                new MuscleRatingEntry { MuscleId = "deep-neck-flexors", Tone = MuscleTone.Underactive, Intensity = 2 },
                new MuscleRatingEntry { MuscleId = "lower-trapezius", Tone = MuscleTone.Underactive, Intensity = 2 },
                new MuscleRatingEntry { MuscleId = "middle-trapezius", Tone = MuscleTone.Underactive, Intensity = 1 },
                new MuscleRatingEntry { MuscleId = "serratus-anterior", Tone = MuscleTone.Underactive, Intensity = 1 },
            ],
            PatternReviews = [new PatternReview { PatternId = "upper-crossed", Accepted = true, Note = "Past bij houding en klachten.", ReviewedAt = now.AddDays(-15) }],
        };
        var keesIntake = new ClinicalAssessment
        {
            PatientId = kees.Id, TherapistId = sanneId, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Draft,
            CreatedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1), ComplaintRegions = ["low-back"],
            ComplaintDescription = "Lage rugpijn, 's nachts erger (verzonnen voorbeeld).",
            RedFlagsPresent = ["night-pain", "weight-loss"], RedFlagsAbsent = allNo.Except(["night-pain", "weight-loss"]).ToList(),
            Conclusion = ScreeningConclusion.NietPluis, HighestUrgency = Urgency.UrgentGp, FlagsFound = ["night-pain", "weight-loss"],
            ScreenedAt = now.AddDays(-1),
        };
        var fatimaIntake = new ClinicalAssessment
        {
            PatientId = fatima.Id, TherapistId = jorisId, Kind = AssessmentKind.Intake, Status = AssessmentStatus.Draft,
            CreatedAt = now.AddHours(-3), UpdatedAt = now.AddHours(-3), ComplaintRegions = ["knee:left", "hip:left"],
            ComplaintDescription = "Knie zeurt na hardlopen (verzonnen voorbeeld).",
        };
        db.Assessments.AddRange(riaIntake, keesIntake, fatimaIntake);

        string[] exerciseIds = ["chin-tuck", "scapular-setting", "wall-slide", "pectoral-stretch", "thoracic-rotation", "breathing-4-6"];
        var plan = new RecoveryPlan
        {
            PracticeId = ria.PracticeId, PatientId = ria.Id, LineageId = Guid.CreateVersion7(), Version = 1, Status = PlanStatus.Active,
            Title = "Herstelplan nek en schouders", SourceAssessmentId = riaIntake.Id, CreatedById = sanneId, CreatedAt = now.AddDays(-14),
            UpdatedAt = now.AddDays(-14), ActivatedAt = now.AddDays(-14), ActivatedById = sanneId, StartsOn = today.AddDays(-14),
            Phases =
            [
                new PlanPhase { Order = 0, Phase = RecoveryPhase.Mobility, Goal = "Nek en bovenrug soepel, schouders laten zakken", ReviewOn = today.AddDays(7) },
                new PlanPhase { Order = 1, Phase = RecoveryPhase.Activation, Goal = "De diepe nekspieren en de spieren onder de schouderbladen weer aanzetten" },
            ],
        };
        foreach (var (id, order) in exerciseIds.Select((id, i) => (id, i)))
        {
            plan.Exercises.Add(new PlanExercise
            {
                Order = order, Phase = order < 4 ? RecoveryPhase.Mobility : RecoveryPhase.Activation, ExerciseId = id,
                Dosage = ExerciseDosage.From(ClinicalCatalog.Default.ExercisesById[id].DefaultDosage),
            });
        }
        db.Plans.Add(plan);
        await db.SaveChangesAsync();

        // Two weeks of practice that gets easier: most days done, pain slowly going down.
        for (var daysAgo = 14; daysAgo >= 1; daysAgo--)
        {
            if (daysAgo % 5 == 0)
            {
                continue;
            }
            foreach (var exercise in plan.Exercises.Where(e => e.Order % 2 == daysAgo % 2 || e.Order < 2))
            {
                db.SessionLogs.Add(new SessionLog
                {
                    PatientId = ria.Id, PlanId = plan.Id, PlanExerciseId = exercise.Id, ExerciseId = exercise.ExerciseId,
                    Day = today.AddDays(-daysAgo), Outcome = daysAgo % 7 == 3 ? SessionOutcome.Partly : SessionOutcome.Done,
                    Pain = Math.Max(2, 6 - (14 - daysAgo) / 4), Tension = Math.Max(2, 7 - (14 - daysAgo) / 3), Difficulty = 3,
                    SubmissionId = Guid.NewGuid(), CreatedAt = now.AddDays(-daysAgo),
                });
            }
        }
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        db.WeeklyCheckIns.Add(new WeeklyCheckIn
        {
            PatientId = ria.Id, WeekStart = lastMonday, LessTensionNeck = true, LessTensionShoulders = true, EasierBreathing = true,
            Nprs = 4, Note = "Ademhalen gaat rustiger, schouders zakken vaker vanzelf.", CreatedAt = now.AddDays(-3),
        });
        db.ReminderSettings.Add(new ReminderSettings
        {
            PatientId = ria.Id, Enabled = true, ByEmail = true, At = new TimeOnly(8, 30), Language = "nl", UpdatedAt = now.AddDays(-14),
            Days = ReminderDays.Monday | ReminderDays.Tuesday | ReminderDays.Wednesday | ReminderDays.Thursday | ReminderDays.Friday,
        });
        db.Messages.AddRange(
            new PortalMessage
            {
                PatientId = ria.Id, FromPatient = true, AuthorUserId = ria.UserId!, SubmissionId = Guid.NewGuid(), CreatedAt = now.AddDays(-6),
                ReadAt = now.AddDays(-6).AddHours(2), Text = "Mag ik de borstspierrek ook in de deuropening op mijn werk doen?",
            },
            new PortalMessage
            {
                PatientId = ria.Id, FromPatient = false, AuthorUserId = sanneId, SubmissionId = Guid.NewGuid(), CreatedAt = now.AddDays(-6).AddHours(2),
                ReadAt = now.AddDays(-5), Text = "Ja, dat mag. Houd de ellebogen op schouderhoogte en rek rustig, zonder te veren.",
            },
            new PortalMessage
            {
                PatientId = ria.Id, FromPatient = true, AuthorUserId = ria.UserId!, SubmissionId = Guid.NewGuid(), CreatedAt = now.AddHours(-5),
                Text = "De ademhalingsoefening lukt 's avonds beter dan 's ochtends. Is dat goed?",
            });
        db.OutcomeMeasurements.AddRange(
            new OutcomeMeasurement
            {
                PatientId = ria.Id, InstrumentId = "nprs", Status = OutcomeStatus.Completed, RequestedAt = now.AddDays(-15),
                CompletedAt = now.AddDays(-15), RequestedById = sanneId, ItemScores = [6], Score = 6,
            },
            new OutcomeMeasurement
            {
                PatientId = ria.Id, InstrumentId = "nprs", Status = OutcomeStatus.Completed, RequestedAt = now.AddDays(-1),
                CompletedAt = now.AddDays(-1), RequestedById = sanneId, ItemScores = [3], Score = 3,
            });
        await db.SaveChangesAsync();
    }
}

/// <summary>A demo sign-in; <see cref="AuthenticatorKey"/> is set for staff, who sign in with a code.</summary>
public sealed record DemoAccount(string Email, string Name, string Role, string Practice, string? AuthenticatorKey);
