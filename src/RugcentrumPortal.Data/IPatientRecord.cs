namespace RugcentrumPortal.Data;

/// <summary>A record that belongs to one patient; who may see it follows from who may see that patient.</summary>
public interface IPatientRecord
{
    Guid PatientId { get; }
    Patient? Patient { get; }
}
