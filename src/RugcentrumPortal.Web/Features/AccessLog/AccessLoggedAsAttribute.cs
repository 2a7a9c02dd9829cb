using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.AccessLog;

/// <summary>
/// Marks a page that shows a patient's data as something other than viewing it, e.g. the print layout. Pages
/// without it are logged as a view (see <see cref="PageAccessLog"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AccessLoggedAsAttribute(AccessEvent kind) : Attribute
{
    public AccessEvent Kind { get; } = kind;
}
