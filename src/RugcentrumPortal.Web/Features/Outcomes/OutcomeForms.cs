using Microsoft.Extensions.Localization;
using RugcentrumPortal.Clinical.Catalog;
using RugcentrumPortal.Clinical.Outcomes;

namespace RugcentrumPortal.Web.Features.Outcomes;

public enum OutcomeFormKind
{
    Nprs,
    Psk,
    Items,
}

/// <summary>
/// One measure the portal offers. NPRS and PSK have no item list in the clinical catalog; the questionnaires take
/// their item range and own-words labels from it.
/// </summary>
public sealed record OutcomeForm(string Id, OutcomeFormKind Kind, OutcomeInstrument? Instrument)
{
    public int ItemCount => Instrument?.ItemLabels.Length ?? 0;

    public string Name(IStringLocalizer t) => Kind switch
    {
        OutcomeFormKind.Nprs => t["Outcomes.Nprs.Name"],
        OutcomeFormKind.Psk => t["Outcomes.Psk.Name"],
        _ => Instrument!.Name.Get(),
    };
}

public static class OutcomeForms
{
    public const string Nprs = "nprs";
    public const string Psk = "psk";
    public const string StartBack = "start-back";
    public const string Oswestry = "odi";
    public const string Ndi = "ndi";
    public const string Qbpds = "qbpds";

    /// <summary>In the order a therapist usually reaches for them: pain, own activities, risk, then disability.</summary>
    public static IReadOnlyList<OutcomeForm> All { get; } = Build();

    public static OutcomeForm? Find(string? id) => All.FirstOrDefault(f => f.Id == id);

    private static List<OutcomeForm> Build()
    {
        var instruments = ClinicalCatalog.Default.InstrumentsById;
        List<OutcomeForm> forms = [new(Nprs, OutcomeFormKind.Nprs, null), new(Psk, OutcomeFormKind.Psk, null)];
        forms.AddRange(new[] { StartBack, Oswestry, Ndi, Qbpds }
            .Where(instruments.ContainsKey)
            .Select(id => new OutcomeForm(id, OutcomeFormKind.Items, instruments[id])));
        forms.AddRange(ClinicalCatalog.Default.Instruments
            .Where(i => forms.All(f => f.Id != i.Id))
            .Select(i => new OutcomeForm(i.Id, OutcomeFormKind.Items, i)));
        return forms;
    }
}
