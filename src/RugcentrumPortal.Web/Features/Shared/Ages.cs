namespace RugcentrumPortal.Web.Features.Shared;

public static class Ages
{
    public static int On(DateOnly dateOfBirth, DateOnly day)
    {
        var age = day.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > day ? age - 1 : age;
    }
}
