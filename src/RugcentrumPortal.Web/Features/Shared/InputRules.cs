using System.ComponentModel.DataAnnotations;

namespace RugcentrumPortal.Web.Features.Shared;

public static class InputRules
{
    /// <summary>
    /// The input's own rules (attributes and <see cref="IValidatableObject"/>), the first message per field, in the
    /// current UI culture. Services let a rule ask for what it needs, such as the practice clock.
    /// </summary>
    public static Dictionary<string, string> FirstErrorPerField(object input, IServiceProvider? services = null)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input, services, null), results, validateAllProperties: true);
        var errors = new Dictionary<string, string>();
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames)
            {
                errors.TryAdd(member, result.ErrorMessage ?? "");
            }
        }
        return errors;
    }
}
