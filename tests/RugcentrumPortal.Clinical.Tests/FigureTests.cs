using System.Xml.Linq;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Figures;
using static RugcentrumPortal.Clinical.Tests.TestData;

namespace RugcentrumPortal.Clinical.Tests;

public class FigureTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<string> ExerciseIds() => [.. Lib.Exercises.Select(e => e.Id)];

    [Fact]
    public void Every_built_in_exercise_has_a_start_and_an_end_pose_that_differ()
    {
        foreach (var exercise in Lib.Exercises)
        {
            Assert.True(Lib.FiguresByExerciseId.TryGetValue(exercise.Id, out var figure), $"{exercise.Id} has no figure");
            Assert.False(figure.Start.Values.SequenceEqual(figure.End.Values), $"{exercise.Id} does not move");
            Assert.NotEmpty(figure.Worked);
        }
    }

    [Fact]
    public void Every_joint_angle_of_every_pose_lies_within_human_range()
    {
        foreach (var figure in Lib.FiguresByExerciseId.Values)
        {
            foreach (var pose in new[] { figure.Start, figure.End })
            {
                foreach (var channel in Enum.GetValues<PoseChannel>())
                {
                    var (min, max) = PoseLimits.Of(channel);
                    Assert.InRange(pose[channel], min, max);
                }
            }
        }
    }

    [Fact]
    public void Knees_and_elbows_never_bend_backwards_in_the_limits()
    {
        foreach (var hinge in new[] { PoseChannel.LeftKneeFlex, PoseChannel.RightKneeFlex, PoseChannel.LeftElbowFlex, PoseChannel.RightElbowFlex })
        {
            Assert.Equal(0, PoseLimits.Of(hinge).Min);
            Assert.InRange(PoseLimits.Of(hinge).Max, 140, 160);
        }
    }

    [Theory]
    [InlineData("\"bridge\": {", "\"bridge-gone\": {", "poses[bridge]: the exercise has no figure")]
    [InlineData("\"bridge\": {", "\"bridge-gone\": {", "poses[bridge-gone]: unknown exercise id")]
    [InlineData("\"rightElbow\": 100", "\"rightElbow\": 200", "RightElbowFlex 200 is outside the human range 0 to 150")]
    [InlineData("\"knees\": 110", "\"knees\": -20", "KneeFlex -20 is outside the human range")]
    public void Pose_data_with_a_mistake_is_refused_at_load(string find, string replace, string expectedProblem)
    {
        var files = DataFiles();
        Assert.Contains(find, files["poses.json"]);
        files["poses.json"] = files["poses.json"].Replace(find, replace);

        var ex = Assert.Throws<ClinicalDataException>(() => CatalogLoader.Load(f => files[f]));

        Assert.Contains(ex.Problems, p => p.Contains(expectedProblem, StringComparison.Ordinal));
    }

    [Fact]
    public void A_figure_whose_end_repeats_its_start_is_refused()
    {
        var files = DataFiles();
        const string find = "\"end\": {\"leftHip\": {\"abd\": 35, \"rot\": 30}}";
        Assert.Contains(find, files["poses.json"]);
        files["poses.json"] = files["poses.json"].Replace(find, "\"end\": {}");

        var ex = Assert.Throws<ClinicalDataException>(() => CatalogLoader.Load(f => files[f]));

        Assert.Contains("poses[clamshell]: the end pose is the same as the start pose", ex.Problems);
    }

    [Fact]
    public void Hip_flexion_of_90_degrees_brings_the_knee_forward_to_hip_height()
    {
        var body = Skeleton.Pose(FigurePose.Neutral(FigurePosition.Standing).With((PoseChannel.RightHipFlex, 90)));

        var thigh = body.RightLeg.Middle - body.RightLeg.Root;
        Assert.Equal(0, thigh.Y, 6);
        Assert.True(thigh.X > 40, $"knee only {thigh.X} cm in front of the hip");
        Assert.Equal(body.RightLeg.Root.Z, body.RightLeg.Middle.Z, 6);
    }

    [Fact]
    public void Knee_flexion_takes_the_ankle_behind_the_knee_and_elbow_flexion_takes_the_hand_forward()
    {
        var body = Skeleton.Pose(FigurePose.Neutral(FigurePosition.Standing).With((PoseChannel.LeftKneeFlex, 90), (PoseChannel.LeftElbowFlex, 90)));

        Assert.True(body.LeftLeg.End.X < body.LeftLeg.Middle.X - 40, "ankle should be behind the knee");
        Assert.Equal(body.LeftLeg.Middle.Y, body.LeftLeg.End.Y, 6);
        Assert.True(body.LeftArm.End.X > body.LeftArm.Middle.X + 20, "wrist should be in front of the elbow");
    }

    [Fact]
    public void Shoulder_abduction_lifts_the_arm_sideways_away_from_the_body()
    {
        var body = Skeleton.Pose(FigurePose.Neutral(FigurePosition.Standing).With((PoseChannel.LeftShoulderAbd, 90), (PoseChannel.RightShoulderAbd, 90)));

        Assert.Equal(body.LeftArm.Root.Y, body.LeftArm.Tip.Y, 6);
        Assert.True(body.LeftArm.Tip.Z < body.LeftArm.Root.Z - 50, "left arm should point to the person's left");
        Assert.True(body.RightArm.Tip.Z > body.RightArm.Root.Z + 50, "right arm should point to the person's right");
    }

    [Fact]
    public void The_same_angles_on_the_left_and_on_the_right_give_mirror_images()
    {
        var neutral = FigurePose.Neutral(FigurePosition.Standing);
        var left = Skeleton.Pose(neutral.With((PoseChannel.LeftShoulderFlex, 40), (PoseChannel.LeftShoulderAbd, 30), (PoseChannel.LeftShoulderRot, 20), (PoseChannel.LeftElbowFlex, 60),
            (PoseChannel.LeftHipFlex, 70), (PoseChannel.LeftHipAbd, 20), (PoseChannel.LeftHipRot, 30), (PoseChannel.LeftKneeFlex, 80)));
        var right = Skeleton.Pose(neutral.With((PoseChannel.RightShoulderFlex, 40), (PoseChannel.RightShoulderAbd, 30), (PoseChannel.RightShoulderRot, 20), (PoseChannel.RightElbowFlex, 60),
            (PoseChannel.RightHipFlex, 70), (PoseChannel.RightHipAbd, 20), (PoseChannel.RightHipRot, 30), (PoseChannel.RightKneeFlex, 80)));

        AssertMirrored(left.LeftArm.Tip, right.RightArm.Tip);
        AssertMirrored(left.LeftArm.Middle, right.RightArm.Middle);
        AssertMirrored(left.LeftLeg.End, right.RightLeg.End);
        AssertMirrored(left.LeftLeg.Tip, right.RightLeg.Tip);
    }

    [Fact]
    public void Every_lying_figure_rests_on_the_floor_and_no_figure_sinks_below_it()
    {
        foreach (var figure in Lib.FiguresByExerciseId.Values)
        {
            var start = FigureScene.Place(figure, figure.Start, null);
            var end = FigureScene.Place(figure, figure.End, start);
            foreach (var body in new[] { start, end })
            {
                var lowest = body.Outline().Min(o => o.Point.Y - o.Radius);
                Assert.True(lowest > -3, $"{figure.ExerciseId} sinks {-lowest:0} cm into the floor");
            }

            if (figure.Start.Position is FigurePosition.Supine or FigurePosition.Prone)
            {
                Assert.True(start.Pelvis.Y is > 0 and < 25, $"{figure.ExerciseId} lies with its pelvis {start.Pelvis.Y:0} cm above the floor");
            }
        }
    }

    [Theory]
    [MemberData(nameof(ExerciseIds))]
    public void Every_figure_renders_as_valid_svg_with_its_title(string exerciseId)
    {
        var figure = Lib.FiguresByExerciseId[exerciseId];
        var title = Lib.ExercisesById[exerciseId].Title.Nl;

        foreach (var (svg, expected) in new[]
                 {
                     (FigureRenderer.Still(figure, end: false, $"{title}: beginhouding"), $"{title}: beginhouding"),
                     (FigureRenderer.Still(figure, end: true, $"{title}: eindhouding"), $"{title}: eindhouding"),
                     (FigureRenderer.Animated(figure, title), title),
                 })
        {
            var root = XDocument.Parse(svg).Root!;
            Assert.Equal(Svg + "svg", root.Name);
            Assert.Equal("img", (string?)root.Attribute("role"));
            Assert.Equal(expected, root.Element(Svg + "title")?.Value);
            Assert.Matches(@"^-?[\d.]+ -?[\d.]+ [\d.]+ [\d.]+$", (string?)root.Attribute("viewBox"));
            Assert.True(root.Descendants(Svg + "path").Count() >= 10, "a figure has trunk, limbs and feet");
        }
    }

    [Fact]
    public void The_moving_figure_loops_slowly_and_the_still_figures_do_not_move()
    {
        var figure = Lib.FiguresByExerciseId["bridge"];

        var moving = XDocument.Parse(FigureRenderer.Animated(figure, "Brug")).Root!;
        var still = XDocument.Parse(FigureRenderer.Still(figure, end: true, "Brug")).Root!;

        var animations = moving.Descendants(Svg + "animate").ToList();
        Assert.NotEmpty(animations);
        Assert.All(animations, a =>
        {
            Assert.Equal("indefinite", (string?)a.Attribute("repeatCount"));
            Assert.Equal("7.2s", (string?)a.Attribute("dur"));
        });
        Assert.True(FigureRenderer.LoopSeconds >= 6, "the movement should be gentle");
        Assert.Empty(still.Descendants(Svg + "animate"));
    }

    [Fact]
    public void The_moving_figure_rests_in_the_start_and_end_pose_before_it_turns()
    {
        var animate = XDocument.Parse(FigureRenderer.Animated(Lib.FiguresByExerciseId["bridge"], "Brug")).Root!
            .Descendants(Svg + "animate").First(a => (string?)a.Attribute("attributeName") == "d");

        var values = ((string)animate.Attribute("values")!).Split(';');
        var times = ((string)animate.Attribute("keyTimes")!).Split(';');
        Assert.Equal(values.Length, times.Length);
        Assert.Equal(values[0], values[1]);
        Assert.Equal(values[0], values[^1]);
        var end = (values.Length - 1) / 2;
        Assert.Equal(values[end], values[end + 1]);
    }

    [Fact]
    public void Drawing_the_same_figure_twice_gives_the_same_markup()
    {
        var figure = Lib.FiguresByExerciseId["bird-dog"];

        Assert.Equal(FigureRenderer.Animated(figure, "Bird dog"), FigureRenderer.Animated(figure, "Bird dog"));
        Assert.Equal(FigureRenderer.Still(figure, true, "Bird dog"), FigureRenderer.Still(figure, true, "Bird dog"));
    }

    [Fact]
    public void The_worked_leg_is_drawn_in_the_practice_colour_and_the_other_leg_is_not()
    {
        var root = XDocument.Parse(FigureRenderer.Still(Lib.FiguresByExerciseId["hamstring-stretch"], end: true, "Hamstring")).Root!;

        string? Stroke(string part) => root.Descendants(Svg + "path").Single(p => (string?)p.Attribute("class") == part).Attribute("stroke")?.Value;
        Assert.Equal(FigureRenderer.PracticeColour, Stroke("fig-right-leg"));
        Assert.NotEqual(FigureRenderer.PracticeColour, Stroke("fig-left-leg"));
    }

    [Fact]
    public void A_title_with_markup_characters_stays_text()
    {
        var svg = FigureRenderer.Still(Lib.FiguresByExerciseId["bridge"], end: false, "Brug <b> & \"meer\"");

        Assert.Equal("Brug <b> & \"meer\"", XDocument.Parse(svg).Root!.Element(Svg + "title")!.Value);
    }

    private static void AssertMirrored(Vec3 left, Vec3 right)
    {
        Assert.Equal(left.X, right.X, 6);
        Assert.Equal(left.Y, right.Y, 6);
        Assert.Equal(left.Z, -right.Z, 6);
    }
}
