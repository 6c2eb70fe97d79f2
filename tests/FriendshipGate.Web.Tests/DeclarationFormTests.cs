using System.Globalization;
using FriendshipGate.Web.Ui.Trader;

namespace FriendshipGate.Web.Tests;

/// <summary>The portal's form keeps values and "visited" marks under the paths the validation names, as items come and go.</summary>
public sealed class DeclarationFormTests
{
    [Theory]
    [InlineData("items[0].grossKg", "items[0].grossKg")]
    [InlineData("items[1].grossKg", null)]
    [InlineData("items[2].grossKg", "items[1].grossKg")]
    [InlineData("items[12].description.vi", "items[11].description.vi")]
    [InlineData("transport.containers[2]", "transport.containers[2]")]
    [InlineData("type", "type")]
    public void Renumber_AfterRemovingTheSecondItem(string path, string? expected) =>
        Assert.Equal(expected, DeclarationForm.Renumber(path, DeclarationForm.Items, 1));

    [Fact]
    public void RemovingAnItem_MovesTheLaterItemsValuesAndMarksUp_AndTheLastItemStays()
    {
        var form = DeclarationForm.For("VN", "0101234567");
        form.Add(DeclarationForm.Items);
        form.Add(DeclarationForm.Items);
        form["items[1].grossKg"] = "40";
        form["items[2].grossKg"] = "80";
        form.Touch("items[2].grossKg");
        form.RemoveAt(DeclarationForm.Items, 1);
        Assert.Equal(2, form.Count(DeclarationForm.Items));
        Assert.Equal("80", form["items[1].grossKg"]);
        Assert.True(form.IsTouched("items[1].grossKg"));
        Assert.Null(form["items[2].grossKg"]);
        form.RemoveAt(DeclarationForm.Items, 0);
        form.RemoveAt(DeclarationForm.Items, 0);
        Assert.Equal(1, form.Count(DeclarationForm.Items));
    }

    [Fact]
    public void ToInput_HasEveryItem_AndKeepsTheContainersPlaces()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("vi-VN");
        var form = DeclarationForm.For("VN", "0101234567");
        form.Add(DeclarationForm.Items);
        form["items[1].grossKg"] = "19.500";
        form.Add(DeclarationForm.Containers);
        form["transport.containers[1]"] = "CSQU3054383";
        var input = form.ToInput();
        Assert.Equal(2, input.Items!.Count);
        Assert.Equal(19_500m, input.Items[1]!.GrossKg);
        Assert.Equal([null, "CSQU3054383"], input.Transport!.Containers!);
        Assert.Null(input.Transport.Seals);
    }
}
