namespace RugcentrumPortal.Data;

/// <summary>Thrown when code tries to change or delete a line of the access log.</summary>
public sealed class AccessLogIsAppendOnlyException()
    : InvalidOperationException("The access log is append-only: its lines cannot be changed or deleted.");
