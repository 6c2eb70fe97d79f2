using MQTTnet.Protocol;

namespace FriendshipGate.Fleet;

/// <summary>The topic layout {interfaceName}/{majorVersion}/{manufacturer}/{serialNumber}/{topic} and QoS per topic (VDA 5050 6.2, 6.3).</summary>
public sealed record Vda5050Topics(string InterfaceName = Vda5050Topics.DefaultInterfaceName, string MajorVersion = "v2")
{
    public const string DefaultInterfaceName = "uagv";
    public const string Order = "order";
    public const string InstantActions = "instantActions";
    public const string State = "state";
    public const string Connection = "connection";
    public const string Factsheet = "factsheet";
    public const string Visualization = "visualization";

    public string For(VehicleId vehicle, string topic) => $"{InterfaceName}/{MajorVersion}/{vehicle.Manufacturer}/{vehicle.SerialNumber}/{topic}";

    /// <summary>The filter for one topic of every vehicle, e.g. uagv/v2/+/+/state.</summary>
    public string AllVehicles(string topic) => $"{InterfaceName}/{MajorVersion}/+/+/{topic}";

    /// <summary>The filter for every message of this interface, e.g. uagv/#.</summary>
    public string Everything => $"{InterfaceName}/#";

    /// <summary>Splits a topic of this layout into vehicle and topic name; false for anything else.</summary>
    public bool TryParse(string mqttTopic, out VehicleId vehicle, out string topic)
    {
        vehicle = default;
        topic = "";
        var levels = mqttTopic.Split('/');
        if (levels.Length != 5 || levels[0] != InterfaceName || levels[1] != MajorVersion) return false;
        try
        {
            vehicle = new VehicleId(levels[2], levels[3]);
        }
        catch (ArgumentException)
        {
            return false;
        }
        topic = levels[4];
        return true;
    }

    /// <summary>QoS 1 for connection, QoS 0 for the others, as VDA 5050 6.2 asks.</summary>
    public static MqttQualityOfServiceLevel QosFor(string topic) =>
        topic == Connection ? MqttQualityOfServiceLevel.AtLeastOnce : MqttQualityOfServiceLevel.AtMostOnce;
}
