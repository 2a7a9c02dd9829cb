namespace RugcentrumPortal.Web.Infrastructure.Pdf;

/// <summary>The PDF could not be made (no browser, a crash, a timeout); the caller offers browser printing instead.</summary>
public sealed class PdfUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
