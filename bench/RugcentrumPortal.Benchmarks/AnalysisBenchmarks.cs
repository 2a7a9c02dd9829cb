using BenchmarkDotNet.Attributes;
using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Muscles;
using RugcentrumPortal.Clinical.Plans;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;

namespace RugcentrumPortal.Benchmarks;

/// <summary>Analysis plus plan suggestion for one typical assessment (16 ratings, 4 observations, 3 complaint regions).</summary>
[MemoryDiagnoser]
public class AnalysisBenchmarks
{
    private readonly BalanceAnalyzer analyzer;
    private readonly PlanSuggester suggester;
    private readonly Assessment assessment;
    private readonly ScreeningResult screening;

    public AnalysisBenchmarks()
    {
        var catalog = ClinicalCatalog.Default;
        analyzer = new BalanceAnalyzer(catalog);
        suggester = new PlanSuggester(catalog);
        assessment = new Assessment(
        [
            new("upper-trapezius", MuscleTone.Overactive, 3),
            new("levator-scapulae", MuscleTone.Overactive, 2),
            new("pectoralis-minor", MuscleTone.Overactive, 2),
            new("pectoralis-major", MuscleTone.Overactive, 1),
            new("deep-neck-flexors", MuscleTone.Underactive, 2),
            new("lower-trapezius", MuscleTone.Underactive, 2),
            new("middle-trapezius", MuscleTone.Underactive, 1),
            new("serratus-anterior", MuscleTone.Normal),
            new("lumbar-erector-spinae", MuscleTone.Overactive, 3),
            new("iliopsoas", MuscleTone.Overactive, 2),
            new("rectus-femoris", MuscleTone.Overactive, 2),
            new("transversus-abdominis", MuscleTone.Underactive, 2),
            new("gluteus-maximus", MuscleTone.Underactive, 3, Side.Left),
            new("gluteus-maximus", MuscleTone.Normal, 1, Side.Right),
            new("gluteus-medius", MuscleTone.Underactive, 2, Side.Left),
            new("internal-obliques", MuscleTone.Underactive, 1),
        ])
        {
            ObservationIds = ["forward-head", "protracted-shoulders", "anterior-pelvic-tilt", "chest-breathing"],
            Complaints = [new("neck"), new("low-back"), new("shoulder", Side.Right)],
        };
        var answers = catalog.RedFlags.Where(r => r.IsAsked).ToDictionary(r => r.Id, _ => false);
        screening = new RedFlagScreener(catalog).Screen(new ScreeningInput(44, answers)
        {
            YellowFlagIds = ["persistent-stress"],
            PrecautionConditionIds = ["heart-lung-condition"],
        });
    }

    [Benchmark(Baseline = true)]
    public PlanSuggestion AnalysisAndSuggestion() => suggester.Suggest(analyzer.Analyze(assessment), screening);

    /// <summary>The same, plus rendering every explanation the result offers, as a page showing all of it would.</summary>
    [Benchmark]
    public int AnalysisSuggestionAndAllExplanations()
    {
        var analysis = analyzer.Analyze(assessment);
        var plan = suggester.Suggest(analysis, screening);
        var length = analysis.Explanation.Nl.Length;
        foreach (var match in analysis.Patterns)
        {
            length += match.Explanation.Nl.Length;
            foreach (var evidence in match.Supporting)
            {
                length += evidence.Explanation.Nl.Length;
            }

            foreach (var evidence in match.Contradicting)
            {
                length += evidence.Explanation.Nl.Length;
            }
        }

        foreach (var chain in analysis.Chains)
        {
            length += chain.Explanation.Nl.Length;
        }

        foreach (var item in plan.Exercises)
        {
            length += item.Reason.Nl.Length;
        }

        foreach (var item in plan.SelfCareModules)
        {
            length += item.Reason.Nl.Length;
        }

        return length + plan.Explanation.Nl.Length;
    }
}
