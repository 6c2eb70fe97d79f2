using System.Globalization;
using FriendshipGate.Payments.Ledger;

namespace FriendshipGate.Web.Ui.Gate;

/// <summary>A fee's amount as people at the gate read it: in the reader's language, đồng without decimals, yuan with two.</summary>
public static class FeeAmount
{
    public static string Text(Money amount) =>
        amount.Major.ToString("N" + amount.Currency.MinorUnits, CultureInfo.CurrentCulture) + " " + amount.Currency.Code;
}
