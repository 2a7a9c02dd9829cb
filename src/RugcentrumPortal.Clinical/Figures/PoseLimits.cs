using System.Collections.Frozen;

namespace RugcentrumPortal.Clinical.Figures;

/// <summary>
/// The range each channel may take: joints within what a healthy adult reaches, so a typing error in the pose data
/// (a knee bent backwards, an elbow at 300 degrees) is refused when the catalogue loads.
/// </summary>
public static class PoseLimits
{
    private static readonly FrozenDictionary<PoseChannel, (double Min, double Max)> Ranges = new Dictionary<PoseChannel, (double, double)>
    {
        [PoseChannel.Tilt] = (-180, 180),
        [PoseChannel.Lean] = (-90, 90),
        [PoseChannel.Turn] = (-180, 180),
        [PoseChannel.LumbarFlex] = (-35, 60),
        [PoseChannel.LumbarSide] = (-35, 35),
        [PoseChannel.LumbarRot] = (-20, 20),
        [PoseChannel.ThoraxFlex] = (-30, 50),
        [PoseChannel.ThoraxSide] = (-30, 30),
        [PoseChannel.ThoraxRot] = (-50, 50),
        [PoseChannel.NeckFlex] = (-60, 60),
        [PoseChannel.NeckSide] = (-45, 45),
        [PoseChannel.NeckRot] = (-80, 80),
        [PoseChannel.HeadNod] = (-30, 30),
        [PoseChannel.LeftScapulaElevation] = (-3, 6),
        [PoseChannel.LeftScapulaProtraction] = (-4, 6),
        [PoseChannel.RightScapulaElevation] = (-3, 6),
        [PoseChannel.RightScapulaProtraction] = (-4, 6),
        [PoseChannel.LeftShoulderFlex] = (-60, 180),
        [PoseChannel.LeftShoulderAbd] = (-40, 180),
        [PoseChannel.LeftShoulderRot] = (-90, 100),
        [PoseChannel.RightShoulderFlex] = (-60, 180),
        [PoseChannel.RightShoulderAbd] = (-40, 180),
        [PoseChannel.RightShoulderRot] = (-90, 100),
        [PoseChannel.LeftElbowFlex] = (0, 150),
        [PoseChannel.RightElbowFlex] = (0, 150),
        [PoseChannel.LeftHipFlex] = (-30, 140),
        [PoseChannel.LeftHipAbd] = (-30, 60),
        [PoseChannel.LeftHipRot] = (-45, 60),
        [PoseChannel.RightHipFlex] = (-30, 140),
        [PoseChannel.RightHipAbd] = (-30, 60),
        [PoseChannel.RightHipRot] = (-45, 60),
        [PoseChannel.LeftKneeFlex] = (0, 155),
        [PoseChannel.RightKneeFlex] = (0, 155),
        [PoseChannel.LeftAnkleFlex] = (-50, 35),
        [PoseChannel.RightAnkleFlex] = (-50, 35),
        [PoseChannel.Mouth] = (0, 1),
        [PoseChannel.Belly] = (0, 1),
    }.ToFrozenDictionary();

    /// <summary>The lowest and highest allowed value of a channel.</summary>
    public static (double Min, double Max) Of(PoseChannel channel) => Ranges[channel];
}
