using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.Shared;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Patients;

public sealed record PatientRow(Guid Id, string FirstName, string LastName, DateOnly DateOfBirth, string? TherapistName)
{
    /// <summary>The name as the list shows it, filed under the main part of the surname: "Boer, Anna de".</summary>
    public string ListName => DutchSurname.ListName(FirstName, LastName);
}

/// <summary>One page of the patient list; <see cref="Page"/> is the page actually shown, within 1..PageCount.</summary>
public sealed record PatientPage(IReadOnlyList<PatientRow> Rows, int Total, int Page, int PageCount);

public sealed record PatientSummary(Guid Id, string FullName, DateOnly DateOfBirth, int Age, string Email, string? Phone, string? TherapistName, bool HasLogin);

public sealed record TherapistOption(string Id, string Name);

/// <summary>The new patient's id, or the messages per input field (nothing was saved).</summary>
public sealed record PatientCreateResult(Guid? PatientId, IReadOnlyDictionary<string, string> FieldErrors)
{
    public bool Succeeded => PatientId is not null;
}

/// <summary>The edit form's starting values, with what the page shows around it.</summary>
public sealed record PatientEditView(string FullName, bool HasLogin, PatientInput Input);

public enum PatientUpdateOutcome
{
    Saved,

    /// <summary>The input broke a rule; the messages are per field and nothing was saved.</summary>
    Invalid,

    /// <summary>No such patient in this practice: nothing was saved.</summary>
    NotFound,
}

public sealed record PatientUpdateResult(PatientUpdateOutcome Outcome, IReadOnlyDictionary<string, string> FieldErrors);

/// <summary>
/// The patient records of the therapist's practice: search, the summary on the patient page, a new patient and
/// changes to a patient's details.
/// Which records a therapist reaches is decided by the context's access rule, not here.
/// </summary>
public sealed class PatientService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> text, IServiceProvider services)
{
    public const int PageSize = 20;
    private const int MaxSearchTerms = 5;

    /// <summary>
    /// Every word typed must occur in the first or last name, ignoring case and commas, so "ria jan" and
    /// "Jansen, Ria" both find Ria Jansen. Sorted by the main part of the surname ("de Boer" under B), then the
    /// first name. A page number past the end shows the last page.
    /// </summary>
    public async Task<PatientPage> SearchAsync(string? query, int? page, CancellationToken cancellationToken)
    {
        var terms = SearchTerms(query);
        // A control character cannot be part of a name (and PostgreSQL refuses a NUL in text): nothing matches.
        if (terms.Any(term => term.Any(char.IsControl)))
        {
            return new PatientPage([], 0, 1, 1);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patients = db.Patients.AsQueryable();
        foreach (var term in terms)
        {
            patients = patients.Where(p => p.FirstName.ToLower().Contains(term) || p.LastName.ToLower().Contains(term));
        }
        var total = await patients.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var shown = Math.Clamp(page ?? 1, 1, pageCount);
        var rows = await patients
            .OrderBy(DutchSurname.SortKey).ThenBy(p => p.FirstName.ToLower()).ThenBy(p => p.LastName.ToLower()).ThenBy(p => p.Id)
            .Skip((shown - 1) * PageSize).Take(PageSize)
            .Select(p => new PatientRow(p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.Therapist != null ? p.Therapist.DisplayName : null))
            .ToListAsync(cancellationToken);
        return new PatientPage(rows, total, shown, pageCount);
    }

    /// <summary>The patient page's own summary; null when the patient does not exist or is out of reach.</summary>
    public async Task<PatientSummary?> FindAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.Patients
            .Where(p => p.Id == patientId)
            .Select(p => new
            {
                p.Id, p.FirstName, p.LastName, p.DateOfBirth, p.Email, p.Phone,
                TherapistName = p.Therapist != null ? p.Therapist.DisplayName : null,
                HasLogin = p.UserId != null,
            })
            .SingleOrDefaultAsync(cancellationToken);
        return found is null
            ? null
            : new PatientSummary(found.Id, found.FirstName + " " + found.LastName, found.DateOfBirth, clock.AgeOf(found.DateOfBirth),
                found.Email, found.Phone, found.TherapistName, found.HasLogin);
    }

    /// <summary>The therapists of the signed-in therapist's practice, for the "therapist" choice.</summary>
    public async Task<IReadOnlyList<TherapistOption>> TherapistsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await TherapistsOfPracticeAsync(db, cancellationToken);
    }

    /// <summary>
    /// Creates a patient of the signed-in therapist's practice. The input is checked again here, whoever called,
    /// and the therapist must belong to the same practice; on any error nothing is saved.
    /// </summary>
    public async Task<PatientCreateResult> CreateAsync(PatientInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var errors = await CheckAsync(db, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new PatientCreateResult(null, errors);
        }
        // The details themselves are filled in by Apply, the same way as on an edit.
        var patient = new Patient
        {
            PracticeId = user.PracticeId,
            FirstName = "",
            LastName = "",
            Email = "",
            CreatedAt = clock.Now,
        };
        Apply(input, patient);
        db.Patients.Add(patient);
        await db.SaveChangesAsync(cancellationToken);
        return new PatientCreateResult(patient.Id, errors);
    }

    /// <summary>The details of a patient of this practice as the edit form starts with them; null when out of reach.</summary>
    public async Task<PatientEditView?> EditAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        return patient is null
            ? null
            : new PatientEditView(patient.FullName, patient.UserId is not null, new PatientInput
            {
                FirstName = patient.FirstName, LastName = patient.LastName, DateOfBirth = patient.DateOfBirth,
                Email = patient.Email, Phone = patient.Phone, TherapistId = patient.TherapistId,
            });
    }

    /// <summary>
    /// Changes a patient's details under the same rules as <see cref="CreateAsync"/>; a patient of another practice
    /// is not found. On any error nothing is saved.
    /// </summary>
    public async Task<PatientUpdateResult> UpdateAsync(Guid patientId, PatientInput input, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == patientId, cancellationToken);
        if (patient is null)
        {
            return new PatientUpdateResult(PatientUpdateOutcome.NotFound, new Dictionary<string, string>());
        }
        var errors = await CheckAsync(db, input, cancellationToken);
        if (errors.Count > 0)
        {
            return new PatientUpdateResult(PatientUpdateOutcome.Invalid, errors);
        }
        Apply(input, patient);
        await db.SaveChangesAsync(cancellationToken);
        return new PatientUpdateResult(PatientUpdateOutcome.Saved, errors);
    }

    /// <summary>The input's own rules, and a therapist only from this practice: the first message per field.</summary>
    private async Task<Dictionary<string, string>> CheckAsync(AppDbContext db, PatientInput input, CancellationToken cancellationToken)
    {
        var errors = InputRules.FirstErrorPerField(input, services);
        if (!string.IsNullOrEmpty(input.TherapistId)
            && (await TherapistsOfPracticeAsync(db, cancellationToken)).All(t => t.Id != input.TherapistId))
        {
            errors.TryAdd(nameof(PatientInput.TherapistId), text["PatientCreate.UnknownTherapist"]);
        }
        return errors;
    }

    private static void Apply(PatientInput input, Patient patient)
    {
        patient.FirstName = input.FirstName.Trim();
        patient.LastName = input.LastName.Trim();
        patient.DateOfBirth = input.DateOfBirth!.Value;
        patient.Email = input.Email.Trim();
        patient.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        patient.TherapistId = string.IsNullOrEmpty(input.TherapistId) ? null : input.TherapistId;
    }

    private static List<string> SearchTerms(string? query) =>
        string.IsNullOrWhiteSpace(query)
            ? []
            : query.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Take(MaxSearchTerms)
                .Select(term => term.ToLowerInvariant())
                .ToList();

    private async Task<List<TherapistOption>> TherapistsOfPracticeAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var practiceId = user.PracticeId;
        var roleId = Roles.Ids[Roles.Therapist];
        return await db.Users
            .Where(u => u.PracticeId == practiceId && db.UserRoles.Any(r => r.UserId == u.Id && r.RoleId == roleId))
            .OrderBy(u => u.DisplayName)
            .Select(u => new TherapistOption(u.Id, u.DisplayName))
            .ToListAsync(cancellationToken);
    }
}
