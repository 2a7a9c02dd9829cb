using System.ComponentModel.DataAnnotations;
using System.Globalization;
using RugcentrumPortal.Data;

namespace RugcentrumPortal.Web.Features.Reminders;

/// <summary>
/// The patient's reminder form as posted. The time stays text until validated, so an impossible time ("25:00", a
/// tampered value) gets a message at its field instead of a binding error.
/// </summary>
public sealed class ReminderInput : IValidatableObject
{
    public bool Enabled { get; set; }
    public bool Monday { get; set; }
    public bool Tuesday { get; set; }
    public bool Wednesday { get; set; }
    public bool Thursday { get; set; }
    public bool Friday { get; set; }
    public bool Saturday { get; set; }
    public bool Sunday { get; set; }
    public string? Time { get; set; }
    public bool ByEmail { get; set; }
    public bool ByPush { get; set; }

    public ReminderDays Days =>
        (Monday ? ReminderDays.Monday : 0) | (Tuesday ? ReminderDays.Tuesday : 0) | (Wednesday ? ReminderDays.Wednesday : 0)
        | (Thursday ? ReminderDays.Thursday : 0) | (Friday ? ReminderDays.Friday : 0) | (Saturday ? ReminderDays.Saturday : 0)
        | (Sunday ? ReminderDays.Sunday : 0);

    /// <summary>"08:30" as a browser's time field sends it; also "8:30".</summary>
    public TimeOnly? ParsedTime =>
        TimeOnly.TryParseExact(Time?.Trim(), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;

    /// <summary>A first visit: weekdays at nine in the morning by e-mail, switched off until the patient says so.</summary>
    public static ReminderInput Default() => new()
    {
        Monday = true, Tuesday = true, Wednesday = true, Thursday = true, Friday = true, Time = "09:00", ByEmail = true,
    };

    public static ReminderInput From(ReminderSettings settings) => new()
    {
        Enabled = settings.Enabled,
        Monday = settings.Days.HasFlag(ReminderDays.Monday),
        Tuesday = settings.Days.HasFlag(ReminderDays.Tuesday),
        Wednesday = settings.Days.HasFlag(ReminderDays.Wednesday),
        Thursday = settings.Days.HasFlag(ReminderDays.Thursday),
        Friday = settings.Days.HasFlag(ReminderDays.Friday),
        Saturday = settings.Days.HasFlag(ReminderDays.Saturday),
        Sunday = settings.Days.HasFlag(ReminderDays.Sunday),
        Time = settings.At.ToString("HH:mm", CultureInfo.InvariantCulture),
        ByEmail = settings.ByEmail,
        ByPush = settings.ByPush,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Settings that are off may stay incomplete; only a time that was typed must be a real one.
        if (ParsedTime is null && (Enabled || !string.IsNullOrWhiteSpace(Time)))
        {
            yield return new(Text("Reminders.Validation.Time"), [nameof(Time)]);
        }
        if (Enabled && Days == ReminderDays.None)
        {
            yield return new(Text("Reminders.Validation.Days"), [nameof(Days)]);
        }
        if (Enabled && !ByEmail && !ByPush)
        {
            yield return new(Text("Reminders.Validation.Channel"), [nameof(ByEmail)]);
        }
    }

    private static string Text(string key) => Texts.Manager.GetString(key) ?? key;
}
