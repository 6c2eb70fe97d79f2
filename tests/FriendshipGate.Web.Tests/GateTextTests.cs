using System.Reflection;
using FriendshipGate.Gate;
using FriendshipGate.Web.Ui;

namespace FriendshipGate.Web.Tests;

/// <summary>The gate screens name states, queues and alerts by keys built at run time: each one the Gate module has needs its text.</summary>
public sealed class GateTextTests
{
    private readonly UiText text = new();

    [Fact]
    public void EveryGateStateQueueAlertAndDecision_HasItsName()
    {
        IEnumerable<string> keys =
        [
            .. Constants(typeof(BookingState)).Select(s => $"booking.state.{s}"),
            .. Constants(typeof(VisitState)).Select(s => $"visit.{s}"),
            .. Constants(typeof(QueueOrder)).Select(q => $"queue.{q}"),
            .. Constants(typeof(AlertKind)).Select(k => $"alert.{k}"),
            .. Constants(typeof(GateDecisionKind)).Select(d => $"gateDecision.{d}"),
            .. Direction.All.Select(d => $"direction.{d}"),
        ];
        var missing = keys.Where(k => !text.All.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "no text for: " + string.Join(", ", missing));
    }

    [Fact]
    public void TheCallForward_NamesTheLane_InEachLanguage()
    {
        Assert.Equal("Mời xe vào làn A1 ngay", string.Format(text.Get("driver.callForward", UiLanguage.Vietnamese), "A1"));
        Assert.Equal("请立即前往A1车道", string.Format(text.Get("driver.callForward", UiLanguage.Chinese), "A1"));
        Assert.Equal("Go to lane A1 now", string.Format(text.Get("driver.callForward", UiLanguage.English), "A1"));
    }

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
}
