using RugcentrumPortal.Clinical.Analysis;
using RugcentrumPortal.Clinical.Regions;
using RugcentrumPortal.Clinical.Screening;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

/// <summary>Invented patients; no real patient data.</summary>
internal static class Vignettes
{
    public static Assessment OfficeWorkerNeck => Assess(
        [
            Over("upper-trapezius", 3), Over("levator-scapulae", 2), Over("pectoralis-minor", 2), Over("pectoralis-major", 1),
            Under("deep-neck-flexors", 2), Under("lower-trapezius", 2), Under("middle-trapezius", 1), Normal("serratus-anterior"),
        ],
        ["forward-head", "protracted-shoulders"],
        Complaint("neck"), Complaint("shoulder", Side.Right));

    public static Assessment RunnerKnee => Assess(
        [
            Under("gluteus-medius", 3, Side.Left), Normal("gluteus-medius", Side.Right), Under("deep-hip-rotators", 2, Side.Left),
            Over("vasti", 2, Side.Left), Over("rectus-femoris", 2, Side.Left), Over("tensor-fasciae-latae", 2, Side.Left),
        ],
        ["knee-valgus-single-leg-squat", "pelvic-drop-single-leg"],
        Complaint("knee", Side.Left));

    public static Assessment LowBackLowerCrossed => Assess(
        [
            Over("lumbar-erector-spinae", 3), Over("iliopsoas", 2), Over("rectus-femoris", 2), Over("thoracic-erector-spinae", 1),
            Under("transversus-abdominis", 2), Under("gluteus-maximus", 3), Under("gluteus-medius", 2), Under("internal-obliques", 1),
        ],
        ["anterior-pelvic-tilt"],
        Complaint("low-back"));

    /// <summary><see cref="LowBackLowerCrossed"/> six weeks on: gluteus medius back to normal, erectors calmer, hip flexor tighter.</summary>
    public static Assessment LowBackSixWeeksLater => Assess(
        [
            Over("lumbar-erector-spinae", 1), Over("iliopsoas", 3), Over("rectus-femoris", 2), Over("thoracic-erector-spinae", 1),
            Under("transversus-abdominis", 2), Under("gluteus-maximus", 3), Normal("gluteus-medius"), Under("internal-obliques", 1),
        ],
        ["anterior-pelvic-tilt"],
        Complaint("low-back"));

    public static Assessment Layered => Assess(
        [
            .. OfficeWorkerNeck.Ratings,
            .. LowBackLowerCrossed.Ratings,
        ],
        ["forward-head", "anterior-pelvic-tilt"],
        Complaint("neck"), Complaint("low-back"));

    public static Assessment PainterShoulder => Assess(
        [Under("rotator-cuff", 3, Side.Right), Over("deltoid", 2, Side.Right), Over("upper-trapezius", 1, Side.Right), Normal("serratus-anterior", Side.Right)],
        ["painful-arc", "shoulder-hitch-on-arm-raise"],
        Complaint("shoulder", Side.Right));

    public static Assessment WalkerCalf => Assess(
        [Under("gluteus-medius", 2), Under("deep-hip-rotators", 2), Over("gastrocnemius", 3), Over("soleus", 2)],
        ["ankle-strategy-balance"],
        Complaint("calf", Side.Left), Complaint("ankle-foot", Side.Left));

    public static Assessment StressedChestBreather => Assess(
        [
            Over("scalenes", 2), Over("sternocleidomastoid", 2), Over("upper-trapezius", 2), Over("masseter", 2),
            Under("diaphragm", 2), Under("transversus-abdominis", 2), Under("deep-neck-flexors", 1), Normal("multifidus"),
        ],
        ["chest-breathing", "elevated-shoulders"],
        Complaint("neck"), Complaint("head-jaw"));

    public static Assessment DeskWorkerGlutes => Assess(
        [Under("gluteus-maximus", 3), Under("gluteus-medius", 2), Over("lumbar-erector-spinae", 3)],
        ["low-back-dominant-hip-extension"],
        Complaint("low-back"), Complaint("pelvis-si", Side.Right));

    public static Assessment SparseNeck => Assess(
        [Over("upper-trapezius", 3), Under("deep-neck-flexors", 1)],
        null,
        Complaint("neck"));

    public static Assessment ContradictingNeck => Assess(
        [
            Under("upper-trapezius", 2), Normal("levator-scapulae"), Normal("pectoralis-major"), Normal("pectoralis-minor"),
            Normal("deep-neck-flexors"), Over("lower-trapezius", 1), Normal("middle-trapezius"), Normal("serratus-anterior"),
        ]);

    /// <summary>Mid-back clearly weak and upper trapezius pulling, but pectorals and serratus fine: the narrow pattern fits better than Janda's.</summary>
    public static Assessment HitchingShoulders => Assess(
        [
            Over("upper-trapezius", 3), Over("levator-scapulae", 3), Under("middle-trapezius", 3), Under("lower-trapezius", 3),
            Under("deep-neck-flexors", 1), Over("pectoralis-minor", 1), Normal("pectoralis-major"), Normal("serratus-anterior"),
        ],
        null,
        Complaint("neck"));

    public static Assessment GlutesAndErectorsLeft => Assess(
        [Under("gluteus-maximus", 3, Side.Left), Under("gluteus-medius", 3, Side.Left), Over("lumbar-erector-spinae", 3, Side.Left)],
        null,
        Complaint("low-back"));

    /// <summary>The same findings as <see cref="GlutesAndErectorsLeft"/>, but the erectors on the other side.</summary>
    public static Assessment GlutesLeftErectorsRight => Assess(
        [Under("gluteus-maximus", 3, Side.Left), Under("gluteus-medius", 3, Side.Left), Over("lumbar-erector-spinae", 3, Side.Right)],
        null,
        Complaint("low-back"));

    /// <summary>A weak fit for the mid-back pattern; complaints in all its pain regions must not tip it over.</summary>
    public static Assessment BorderlineScapular(params ComplaintRegion[] complaints) => Assess(
        [Over("upper-trapezius", 3), Normal("levator-scapulae"), Under("middle-trapezius", 2), Normal("lower-trapezius")],
        null,
        complaints);

    public static Assessment NoFindings => Assess([Normal("upper-trapezius"), Normal("gluteus-maximus")]);

    public static ScreeningInput Pluis(int age = 42) => ScreeningOf(age);
}
