namespace FriendshipGate.Fleet;

public enum TransportOrderState { Queued, Assigned, PickedUp, Delivered }

/// <summary>Move one container from a bay in one yard to a bay in the other. Its state only moves forward.</summary>
public sealed class TransportOrder
{
    public TransportOrder(string id, string containerNumber, string fromBay, string toBay, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(containerNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(fromBay);
        ArgumentException.ThrowIfNullOrWhiteSpace(toBay);
        if (fromBay == toBay) throw new ArgumentException($"order {id}: pickup and drop bay are both {fromBay}", nameof(toBay));
        (Id, ContainerNumber, FromBay, ToBay, CreatedAt) = (id, containerNumber, fromBay, toBay, createdAt);
    }

    public string Id { get; }
    public string ContainerNumber { get; }
    public string FromBay { get; }
    public string ToBay { get; }
    public DateTimeOffset CreatedAt { get; }
    public TransportOrderState State { get; private set; } = TransportOrderState.Queued;
    public string? Vehicle { get; private set; }

    public void Assign(string vehicle) { Expect(TransportOrderState.Queued); Vehicle = vehicle; State = TransportOrderState.Assigned; }
    public void PickUp() { Expect(TransportOrderState.Assigned); State = TransportOrderState.PickedUp; }
    public void Deliver() { Expect(TransportOrderState.PickedUp); State = TransportOrderState.Delivered; }

    /// <summary>A vehicle broke before loading: the order goes back to the queue, keeping its age.</summary>
    public void Requeue() { Expect(TransportOrderState.Assigned); Vehicle = null; State = TransportOrderState.Queued; }

    private void Expect(TransportOrderState state)
    {
        if (State != state) throw new InvalidOperationException($"order {Id} is {State}, not {state}");
    }
}

public enum VehicleAvailability { Available, Busy, Charging, Broken }

/// <summary>What the dispatcher knows of a vehicle: where it stands, whether it carries a container, its battery.</summary>
public sealed record VehicleCondition
{
    public VehicleCondition(string vehicle, string nodeId, bool loaded, double batteryPercent, VehicleAvailability availability)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vehicle);
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeId);
        if (batteryPercent is < 0 or > 100 || double.IsNaN(batteryPercent)) throw new ArgumentOutOfRangeException(nameof(batteryPercent), "0 to 100");
        (Vehicle, NodeId, Loaded, BatteryPercent, Availability) = (vehicle, nodeId, loaded, batteryPercent, availability);
    }

    public string Vehicle { get; }
    public string NodeId { get; }
    public bool Loaded { get; }
    public double BatteryPercent { get; }
    public VehicleAvailability Availability { get; }
}
