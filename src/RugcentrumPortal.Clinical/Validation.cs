using RugcentrumPortal.Clinical.Text;

namespace RugcentrumPortal.Clinical;

/// <summary>One problem found in caller input, with a stable code the web app can map to its own message.</summary>
/// <param name="Code">Stable kebab-case code, e.g. "unknown-muscle" or "intensity-out-of-range".</param>
/// <param name="Path">Where in the input the problem sits, e.g. "Ratings[3].Intensity".</param>
/// <param name="Message">Developer-facing explanation.</param>
public sealed record ValidationError(string Code, string Path, string Message)
{
    /// <summary>A message a therapist can read, for problems the library words itself; null otherwise.</summary>
    public LocalizedText? Text { get; init; }
}

/// <summary>The outcome of validating input without throwing.</summary>
public sealed class ValidationResult
{
    internal static readonly ValidationResult Valid = new([]);

    internal ValidationResult(IReadOnlyList<ValidationError> errors) => Errors = errors;

    /// <summary>All problems found; empty when the input is valid.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>True when no problems were found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Throws <see cref="ClinicalInputException"/> when invalid.</summary>
    public void ThrowIfInvalid(string paramName)
    {
        if (!IsValid)
        {
            throw new ClinicalInputException(paramName, Errors);
        }
    }
}

/// <summary>
/// Thrown when input to the clinical library is invalid (unknown id, value out of range, missing answers).
/// The library never produces a result from invalid input, because a wrong clinical answer is worse than none.
/// </summary>
public sealed class ClinicalInputException : ArgumentException
{
    /// <summary>Creates the exception from one or more validation errors.</summary>
    public ClinicalInputException(string paramName, IReadOnlyList<ValidationError> errors)
        : base(BuildMessage(errors), paramName)
    {
        Errors = errors;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public ClinicalInputException(string paramName, string code, string path, string message)
        : this(paramName, [new ValidationError(code, path, message)])
    {
    }

    /// <summary>All problems found in the input.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string BuildMessage(IReadOnlyList<ValidationError> errors) =>
        errors.Count == 1
            ? $"Invalid clinical input: {errors[0].Message}"
            : $"Invalid clinical input ({errors.Count} problems): " + string.Join("; ", errors.Select(e => e.Message));
}

/// <summary>Thrown when the embedded reference data is inconsistent (dangling id, missing translation).</summary>
public sealed class ClinicalDataException : Exception
{
    /// <summary>Creates the exception from the list of data problems.</summary>
    public ClinicalDataException(IReadOnlyList<string> problems)
        : base("Clinical reference data is invalid: " + string.Join("; ", problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found while loading the data.</summary>
    public IReadOnlyList<string> Problems { get; }
}
