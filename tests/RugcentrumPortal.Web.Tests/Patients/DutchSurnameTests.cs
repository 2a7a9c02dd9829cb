using RugcentrumPortal.Web.Features.Patients;

namespace RugcentrumPortal.Web.Tests.Patients;

public class DutchSurnameTests
{
    [Theory]
    [InlineData("Anna", "de Boer", "Boer, Anna de")]
    [InlineData("Joop", "van der Meer", "Meer, Joop van der")]
    [InlineData("Kees", "Van Den Berg", "Berg, Kees Van Den")]
    [InlineData("Sanne", "'t Hart", "Hart, Sanne 't")]
    [InlineData("Ria", "Jansen", "Jansen, Ria")]
    [InlineData("Dirk", "Vandermeer", "Vandermeer, Dirk")]
    [InlineData("Ton", "de", "de, Ton")]
    public void A_list_name_puts_the_main_part_first_and_the_prefix_after_the_first_name(string first, string last, string expected) =>
        Assert.Equal(expected, DutchSurname.ListName(first, last));
}
