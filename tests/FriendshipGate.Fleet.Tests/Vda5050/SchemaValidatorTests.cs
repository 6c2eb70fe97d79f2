namespace FriendshipGate.Fleet.Tests;

/// <summary>The validator the broker-traffic test relies on does catch broken messages.</summary>
public sealed class SchemaValidatorTests
{
    private const string ValidConnection = """{"headerId":1,"timestamp":"2026-08-01T06:00:00.00Z","version":"2.1.0","manufacturer":"M","serialNumber":"1","connectionState":"ONLINE"}""";

    [Fact]
    public void ValidConnection_HasNoViolations() => Assert.Empty(SchemaValidator.Validate("connection", ValidConnection));

    [Theory]
    [InlineData("""{"headerId":1,"timestamp":"2026-08-01T06:00:00.00Z","version":"2.1.0","manufacturer":"M","serialNumber":"1","connectionState":"online"}""")]
    [InlineData("""{"headerId":"one","timestamp":"2026-08-01T06:00:00.00Z","version":"2.1.0","manufacturer":"M","serialNumber":"1","connectionState":"ONLINE"}""")]
    [InlineData("""{"headerId":1,"timestamp":"2026-08-01T06:00:00.00Z","version":"2.1.0","manufacturer":"M","serialNumber":"1"}""")]
    [InlineData("""{"headerId":1,"timestamp":"yesterday","version":"2.0.0","manufacturer":"M","serialNumber":"1","connectionState":"ONLINE"}""")]
    public void BrokenConnection_IsCaught(string json) => Assert.NotEmpty(SchemaValidator.Validate("connection", json));

    [Fact]
    public void StateWithoutDriving_IsCaught()
    {
        var state = """
            {"headerId":1,"timestamp":"2026-08-01T06:00:00.00Z","version":"2.0.0","manufacturer":"M","serialNumber":"1","orderId":"","orderUpdateId":0,
             "lastNodeId":"","lastNodeSequenceId":0,"nodeStates":[],"edgeStates":[],"actionStates":[],"operatingMode":"AUTOMATIC","errors":[],
             "batteryState":{"batteryCharge":80,"charging":false},"safetyState":{"eStop":"NONE","fieldViolation":false}}
            """;
        Assert.Contains(SchemaValidator.Validate("state", state), v => v.Contains("driving", StringComparison.OrdinalIgnoreCase) || v.Contains("PropertyRequired"));
        Assert.Empty(SchemaValidator.Validate("state", state.Replace("\"errors\":[]", "\"errors\":[],\"driving\":false")));
    }

    [Fact]
    public void Version21OrderActionWithOnlyActionName_IsCaught()
    {
        var order = """
            {"headerId":1,"timestamp":"2026-08-01T06:00:00.00Z","version":"2.1.0","manufacturer":"M","serialNumber":"1","orderId":"o","orderUpdateId":0,
             "nodes":[{"nodeId":"a","sequenceId":0,"released":true,"actions":[{"actionName":"pick","actionId":"x","blockingType":"HARD"}]}],"edges":[]}
            """;
        Assert.NotEmpty(SchemaValidator.Validate("order", order));
        Assert.Empty(SchemaValidator.Validate("order", order.Replace("actionName", "actionType")));
    }

    [Fact]
    public void NotJsonOrUnknownVersion_IsAViolation()
    {
        Assert.NotEmpty(SchemaValidator.Validate("state", "not json"));
        Assert.NotEmpty(SchemaValidator.Validate("connection", ValidConnection.Replace("2.1.0", "1.1.0")));
    }
}
