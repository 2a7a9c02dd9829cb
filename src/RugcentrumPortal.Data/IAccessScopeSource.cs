namespace RugcentrumPortal.Data;

/// <summary>Who is asking, as the access rule needs it; the web app supplies the signed-in user.</summary>
public interface IAccessScopeSource
{
    AccessScope Scope { get; }
}
