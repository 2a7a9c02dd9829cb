using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RugcentrumPortal.Data;
using RugcentrumPortal.Web.Features.AccessLog;
using RugcentrumPortal.Web.Infrastructure;
using RugcentrumPortal.Web.Infrastructure.Access;
using RugcentrumPortal.Web.Infrastructure.Time;

namespace RugcentrumPortal.Web.Features.Outcomes;

public sealed record OpenRequest(Guid Id, string InstrumentId, string Name, DateOnly SentOn);

/// <summary>A patient's measurements per instrument, and the questionnaires still waiting for their answers.</summary>
public sealed record OutcomeListView(string PatientName, bool HasLogin, IReadOnlyList<InstrumentHistory> Histories, IReadOnlyList<OpenRequest> Requests);

/// <summary>The instruments used so far, for the card on the patient's page.</summary>
public sealed record OutcomeOverviewView(IReadOnlyList<InstrumentHistory> Used, int OpenRequests);

public sealed record OutcomeEntryView(string PatientName, OutcomeForm Form, IReadOnlyList<string> PreviousActivities);

/// <summary>A questionnaire sent to the signed-in patient; <see cref="CompletedOn"/> once they answered it.</summary>
public sealed record QuestionnaireView(OutcomeForm Form, DateOnly? CompletedOn, IReadOnlyList<string> PreviousActivities);

public enum OutcomeCommandStatus
{
    Done,
    NotFound,

    /// <summary>Not done, for the reason in <see cref="OutcomeCommandResult.Problem"/>.</summary>
    Refused,

    /// <summary>The answers were not scored; <see cref="OutcomeCommandResult.Scores"/> holds the messages per field.</summary>
    Invalid,

    /// <summary>The questionnaire was already answered; a second submit changes nothing.</summary>
    AlreadyCompleted,
}

public sealed record OutcomeCommandResult(OutcomeCommandStatus Status, string? Problem = null, OutcomeResult? Scores = null, DateOnly? CompletedOn = null)
{
    public static OutcomeCommandResult Done { get; } = new(OutcomeCommandStatus.Done);
    public static OutcomeCommandResult NotFound { get; } = new(OutcomeCommandStatus.NotFound);
}

/// <summary>
/// Outcome measures: entered by the therapist, sent to the patient and answered in the portal, and read back per
/// instrument beside the earlier values. Scores always come from the clinical core (<see cref="OutcomeScorer"/>).
/// </summary>
public sealed class OutcomeService(
    IDbContextFactory<AppDbContext> contexts, CurrentUser user, PracticeClock clock, IStringLocalizer<Texts> texts, AccessLogWriter accessLog)
{
    public async Task<OutcomeListView?> ListAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.Where(p => p.Id == patientId)
            .Select(p => new { Name = p.FirstName + " " + p.LastName, HasLogin = p.UserId != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }
        var measurements = await MeasurementsAsync(db, patientId, cancellationToken);
        var requests = measurements.Where(m => m.Status == OutcomeStatus.Requested)
            .OrderBy(m => m.RequestedAt)
            .Select(m => new OpenRequest(m.Id, m.InstrumentId, OutcomeForms.Find(m.InstrumentId)?.Name(texts) ?? m.InstrumentId, clock.DateOf(m.RequestedAt)))
            .ToList();
        return new OutcomeListView(patient.Name, patient.HasLogin, OutcomeHistory.Build(measurements, clock.DateOf, texts), requests);
    }

    public async Task<OutcomeOverviewView> OverviewAsync(Guid patientId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var measurements = await MeasurementsAsync(db, patientId, cancellationToken);
        return new OutcomeOverviewView(
            OutcomeHistory.Build(measurements, clock.DateOf, texts).Where(h => h.Measurements.Count > 0).ToList(),
            measurements.Count(m => m.Status == OutcomeStatus.Requested));
    }

    /// <summary>The entry form for a patient in reach and a known instrument; null otherwise.</summary>
    public async Task<OutcomeEntryView?> NewEntryAsync(Guid patientId, string instrumentId, CancellationToken cancellationToken)
    {
        if (OutcomeForms.Find(instrumentId) is not { } form)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = await PatientNameAsync(db, patientId, cancellationToken);
        return name is null ? null : new OutcomeEntryView(name, form, await PreviousActivitiesAsync(db, form, patientId, cancellationToken));
    }

    /// <summary>The therapist enters a completed measurement; answers the core refuses save nothing.</summary>
    public async Task<OutcomeCommandResult> EnterAsync(Guid patientId, string instrumentId, OutcomeInput input, CancellationToken cancellationToken)
    {
        if (OutcomeForms.Find(instrumentId) is not { } form)
        {
            return OutcomeCommandResult.NotFound;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PatientNameAsync(db, patientId, cancellationToken) is null)
        {
            return OutcomeCommandResult.NotFound;
        }
        var scores = OutcomeScorer.Score(form, input, texts);
        if (!scores.IsValid)
        {
            return new OutcomeCommandResult(OutcomeCommandStatus.Invalid, Scores: scores);
        }
        var now = clock.Now;
        db.OutcomeMeasurements.Add(new OutcomeMeasurement
        {
            PatientId = patientId,
            InstrumentId = form.Id,
            Status = OutcomeStatus.Completed,
            RequestedAt = now,
            CompletedAt = now,
            RequestedById = user.UserId,
            EnteredByPatient = false,
            ItemScores = scores.ItemScores,
            Activities = scores.Activities,
            Score = scores.Score,
            Band = scores.Band,
        });
        await db.SaveChangesAsync(cancellationToken);
        return OutcomeCommandResult.Done;
    }

    /// <summary>Sends a questionnaire to a patient with a login; one open request per instrument at a time.</summary>
    public async Task<OutcomeCommandResult> SendAsync(Guid patientId, string? instrumentId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var hasLogin = await db.Patients.Where(p => p.Id == patientId).Select(p => (bool?)(p.UserId != null)).SingleOrDefaultAsync(cancellationToken);
        if (hasLogin is null)
        {
            return OutcomeCommandResult.NotFound;
        }
        var form = OutcomeForms.Find(instrumentId);
        if (hasLogin == false || form is null)
        {
            return Refused(hasLogin == true ? texts["Outcomes.List.UnknownInstrument"] : texts["Outcomes.List.NoLogin"]);
        }
        if (await db.OutcomeMeasurements.AnyAsync(m => m.PatientId == patientId && m.InstrumentId == form.Id && m.Status == OutcomeStatus.Requested, cancellationToken))
        {
            return Refused(texts["Outcomes.List.AlreadyOpen", form.Name(texts)]);
        }
        db.OutcomeMeasurements.Add(new OutcomeMeasurement
        {
            PatientId = patientId,
            InstrumentId = form.Id,
            Status = OutcomeStatus.Requested,
            RequestedAt = clock.Now,
            RequestedById = user.UserId,
        });
        await db.SaveChangesAsync(cancellationToken);
        return OutcomeCommandResult.Done;
    }

    /// <summary>Withdraws a request the patient has not answered yet.</summary>
    public async Task<OutcomeCommandResult> WithdrawAsync(Guid patientId, Guid? measurementId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await PatientNameAsync(db, patientId, cancellationToken) is null)
        {
            return OutcomeCommandResult.NotFound;
        }
        var removed = await db.OutcomeMeasurements
            .Where(m => m.Id == measurementId && m.PatientId == patientId && m.Status == OutcomeStatus.Requested)
            .ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Refused(texts["Outcomes.Requests.NotOpen"]);
        }
        await accessLog.RecordAsync([AccessRecord.Changed(patientId, nameof(OutcomeMeasurement), measurementId!)], cancellationToken);
        return OutcomeCommandResult.Done;
    }

    /// <summary>The signed-in patient's questionnaires still to answer, oldest first.</summary>
    public async Task<IReadOnlyList<OpenRequest>> OpenQuestionnairesAsync(CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.OutcomeMeasurements
            .Where(m => m.Status == OutcomeStatus.Requested)
            .OrderBy(m => m.RequestedAt)
            .Select(m => new { m.Id, m.InstrumentId, m.RequestedAt })
            .ToListAsync(cancellationToken);
        return rows.Where(r => OutcomeForms.Find(r.InstrumentId) is not null)
            .Select(r => new OpenRequest(r.Id, r.InstrumentId, OutcomeForms.Find(r.InstrumentId)!.Name(texts), clock.DateOf(r.RequestedAt)))
            .ToList();
    }

    /// <summary>A questionnaire sent to the signed-in patient; null for anyone else's.</summary>
    public async Task<QuestionnaireView?> QuestionnaireAsync(Guid measurementId, CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return null;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await RequestAsync(db, measurementId, cancellationToken);
        if (request is null || OutcomeForms.Find(request.InstrumentId) is not { } form)
        {
            return null;
        }
        var completedOn = CompletedOn(request.Status, request.CompletedAt, request.RequestedAt);
        var previous = completedOn is null ? await PreviousActivitiesAsync(db, form, request.PatientId, cancellationToken) : [];
        return new QuestionnaireView(form, completedOn, previous);
    }

    /// <summary>
    /// The patient's answers, stored once: only a request still open is filled in, in one statement, so a second
    /// submit can never overwrite the first.
    /// </summary>
    public async Task<OutcomeCommandResult> SubmitQuestionnaireAsync(Guid measurementId, OutcomeInput input, CancellationToken cancellationToken)
    {
        if (!user.IsPatient)
        {
            return OutcomeCommandResult.NotFound;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await RequestAsync(db, measurementId, cancellationToken);
        if (request is null || OutcomeForms.Find(request.InstrumentId) is not { } form)
        {
            return OutcomeCommandResult.NotFound;
        }
        if (CompletedOn(request.Status, request.CompletedAt, request.RequestedAt) is { } done)
        {
            return new OutcomeCommandResult(OutcomeCommandStatus.AlreadyCompleted, CompletedOn: done);
        }
        var scores = OutcomeScorer.Score(form, input, texts);
        if (!scores.IsValid)
        {
            return new OutcomeCommandResult(OutcomeCommandStatus.Invalid, Scores: scores);
        }
        var now = clock.Now;
        var updated = await db.OutcomeMeasurements
            .Where(m => m.Id == measurementId && m.PatientId == request.PatientId && m.Status == OutcomeStatus.Requested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutcomeStatus.Completed)
                .SetProperty(m => m.CompletedAt, now)
                .SetProperty(m => m.EnteredByPatient, true)
                .SetProperty(m => m.ItemScores, scores.ItemScores)
                .SetProperty(m => m.Activities, scores.Activities)
                .SetProperty(m => m.Score, scores.Score)
                .SetProperty(m => m.Band, scores.Band), cancellationToken);
        if (updated == 0)
        {
            var completedAt = await db.OutcomeMeasurements.Where(m => m.Id == measurementId).Select(m => m.CompletedAt).SingleOrDefaultAsync(cancellationToken);
            return new OutcomeCommandResult(OutcomeCommandStatus.AlreadyCompleted, CompletedOn: clock.DateOf(completedAt ?? now));
        }
        await accessLog.RecordAsync([AccessRecord.Changed(request.PatientId, nameof(OutcomeMeasurement), measurementId)], cancellationToken);
        return OutcomeCommandResult.Done;
    }

    private static OutcomeCommandResult Refused(string problem) => new(OutcomeCommandStatus.Refused, problem);

    private DateOnly? CompletedOn(OutcomeStatus status, DateTimeOffset? completedAt, DateTimeOffset requestedAt) =>
        status == OutcomeStatus.Completed ? clock.DateOf(completedAt ?? requestedAt) : null;

    private static Task<List<OutcomeMeasurement>> MeasurementsAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken) =>
        db.OutcomeMeasurements.AsNoTracking().Where(m => m.PatientId == patientId).ToListAsync(cancellationToken);

    private static Task<string?> PatientNameAsync(AppDbContext db, Guid patientId, CancellationToken cancellationToken) =>
        db.Patients.Where(p => p.Id == patientId).Select(p => p.FirstName + " " + p.LastName).SingleOrDefaultAsync(cancellationToken);

    private static Task<RequestRow?> RequestAsync(AppDbContext db, Guid measurementId, CancellationToken cancellationToken) =>
        db.OutcomeMeasurements.Where(m => m.Id == measurementId)
            .Select(m => new RequestRow(m.InstrumentId, m.Status, m.CompletedAt, m.RequestedAt, m.PatientId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>A new PSK starts with the activities of the latest completed one (see <see cref="OutcomeInput.StartWithActivities"/>).</summary>
    private static async Task<IReadOnlyList<string>> PreviousActivitiesAsync(AppDbContext db, OutcomeForm form, Guid patientId, CancellationToken cancellationToken)
    {
        if (form.Kind != OutcomeFormKind.Psk)
        {
            return [];
        }
        return await db.OutcomeMeasurements
            .Where(m => m.PatientId == patientId && m.InstrumentId == OutcomeForms.Psk && m.Status == OutcomeStatus.Completed)
            .OrderByDescending(m => m.CompletedAt)
            .Select(m => m.Activities)
            .FirstOrDefaultAsync(cancellationToken) ?? [];
    }

    private sealed record RequestRow(string InstrumentId, OutcomeStatus Status, DateTimeOffset? CompletedAt, DateTimeOffset RequestedAt, Guid PatientId);
}
