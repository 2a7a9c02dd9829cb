using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Examination;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Text;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Findings;

/// <summary>A movement test that deviated, on one side, with what was seen.</summary>
public sealed record DeviatingTest(LocalizedText Test, Side Side, IReadOnlyList<LocalizedText> Findings);

/// <summary>
/// The examination findings in short, as the clinical core reads them, for the overview, the analysis result and the
/// examination page. A part not recorded is null; stored values that no longer pass the core's checks are left out
/// and said to be so, never guessed.
/// </summary>
public sealed record ExaminationSummary
{
    public int MovementTestsGraded { get; init; }
    public IReadOnlyList<DeviatingTest> DeviatingTests { get; init; } = [];
    public BreathingEvaluation? Breathing { get; init; }
    public PostureFindings? Posture { get; init; }
    public NeurologicalExamination? Neurological { get; init; }
    public bool InvalidStoredData { get; init; }

    public bool IsEmpty => MovementTestsGraded == 0 && Breathing is null && Posture is null && Neurological is null && !InvalidStoredData;

    /// <summary>Reads the stored record; the assessment needs its movement tests and examination loaded.</summary>
    public static ExaminationSummary Of(ClinicalAssessment assessment)
    {
        var catalog = ClinicalCatalog.Default;
        var invalid = false;
        var results = assessment.MovementTests.Select(ExaminationMapping.ToResult).ToList();
        var deviating = new List<DeviatingTest>();
        if (new BalanceAnalyzer().Validate(new Assessment([]) { MovementTests = results }).IsValid)
        {
            foreach (var result in results.Where(r => r.Grade == MovementGrade.Deviating).OrderBy(r => TestOrder(r.TestId)).ThenBy(r => r.Side))
            {
                var test = catalog.MovementTestsById[result.TestId];
                deviating.Add(new DeviatingTest(test.Name, result.Side, [.. result.FindingIds.Select(id => test.Findings.Single(f => f.Id == id).Name)]));
            }
        }
        else
        {
            invalid = true;
            results = [];
        }

        BreathingEvaluation? breathing = null;
        if (ExaminationMapping.ToBreathing(assessment.Examination) is { } assessed)
        {
            if (ExaminationScoring.Validate(assessed).IsValid)
            {
                breathing = ExaminationScoring.Evaluate(assessed);
            }
            else
            {
                invalid = true;
            }
        }

        var posture = ExaminationMapping.ToPosture(assessment.Examination);
        if (posture is not null && !ExaminationScoring.Validate(posture).IsValid)
        {
            (posture, invalid) = (null, true);
        }

        var neurological = ExaminationMapping.ToNeurological(assessment.Examination);
        if (neurological is not null && !ExaminationScoring.Validate(neurological).IsValid)
        {
            (neurological, invalid) = (null, true);
        }

        return new ExaminationSummary
        {
            MovementTestsGraded = results.Count,
            DeviatingTests = deviating,
            Breathing = breathing,
            Posture = posture,
            Neurological = neurological,
            InvalidStoredData = invalid,
        };
    }

    private static int TestOrder(string testId) =>
        ClinicalCatalog.Default.MovementTests.Select((t, i) => (t.Id, i)).First(t => t.Id == testId).i;
}
