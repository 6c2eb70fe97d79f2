namespace FriendshipGate.Fleet;

/// <summary>
/// The fleet's vehicles and what arrived from each, with silence detection: a vehicle is silent when its connection
/// is OFFLINE or CONNECTIONBROKEN with no state since, or when its last state (or its coming online) is older than the
/// timeout; it is found again only by a new state. Not thread-safe: <see cref="FleetLink"/> locks around it.
/// </summary>
internal sealed class VehicleRegistry(IEnumerable<FleetVehicle> vehicles, TimeSpan silenceTimeout)
{
    private sealed class Entry(FleetVehicle vehicle)
    {
        public FleetVehicle Vehicle { get; } = vehicle;
        public OrderTracker Orders { get; } = new();
        public ConnectionState? Connection;
        public long ConnectionSeq;
        public DateTimeOffset? ConnectionAt;
        public StateMessage? State;
        public long StateSeq;
        public DateTimeOffset? StateAt;
        public FactsheetMessage? Factsheet;
        public string? SilentReason;
    }

    private readonly Dictionary<VehicleId, Entry> known = vehicles.ToDictionary(v => v.Id, v => new Entry(v));
    private readonly HashSet<VehicleId> unknown = [];
    private long sequence;

    public TimeSpan SilenceTimeout { get; } = silenceTimeout > TimeSpan.Zero ? silenceTimeout
        : throw new ArgumentOutOfRangeException(nameof(silenceTimeout), "the silence timeout must be positive.");

    public IReadOnlyCollection<VehicleId> Unknown => [.. unknown];

    public IEnumerable<VehicleId> Known => known.Keys;

    public FleetVehicle? Find(VehicleId id) => known.TryGetValue(id, out var e) ? e.Vehicle : null;

    /// <summary>True the first time an unknown vehicle is seen.</summary>
    public bool RecordUnknown(VehicleId id) => !known.ContainsKey(id) && unknown.Add(id);

    public OrderTracker Orders(VehicleId id) => Get(id).Orders;

    public VehicleStatus Status(VehicleId id)
    {
        var e = Get(id);
        return new VehicleStatus(id, e.Vehicle.Version, e.Connection, e.State, e.StateAt, e.Factsheet, e.SilentReason is not null, e.SilentReason);
    }

    public void OnConnection(VehicleId id, ConnectionState connection, DateTimeOffset now, List<FleetEvent> raised)
    {
        var e = Get(id);
        e.Connection = connection;
        e.ConnectionSeq = ++sequence;
        e.ConnectionAt = now;
        raised.Add(new VehicleConnectionChanged(id, connection));
        Evaluate(e, now, raised);
    }

    public void OnState(VehicleId id, StateMessage state, DateTimeOffset now, List<FleetEvent> raised)
    {
        var e = Get(id);
        e.State = state;
        e.StateSeq = ++sequence;
        e.StateAt = now;
        raised.Add(new VehicleStateReceived(id, state));
        if (e.SilentReason is not null)
        {
            e.SilentReason = null;
            raised.Add(new VehicleFound(id));
        }
    }

    public void OnFactsheet(VehicleId id, FactsheetMessage factsheet, List<FleetEvent> raised)
    {
        Get(id).Factsheet = factsheet;
        raised.Add(new VehicleFactsheetReceived(id, factsheet));
    }

    /// <summary>Marks vehicles silent whose state is overdue at <paramref name="now"/>.</summary>
    public void CheckSilence(DateTimeOffset now, List<FleetEvent> raised)
    {
        foreach (var e in known.Values) Evaluate(e, now, raised);
    }

    private void Evaluate(Entry e, DateTimeOffset now, List<FleetEvent> raised)
    {
        if (e.SilentReason is not null) return;
        var reason = SilenceReason(e, now);
        if (reason is null) return;
        e.SilentReason = reason;
        raised.Add(new VehicleSilent(e.Vehicle.Id, reason));
    }

    private string? SilenceReason(Entry e, DateTimeOffset now)
    {
        if (e.Connection is ConnectionState.Offline or ConnectionState.ConnectionBroken && e.StateSeq < e.ConnectionSeq)
            return $"connection {e.Connection.Value.ToString().ToUpperInvariant()}";
        if (e.StateAt is { } stateAt && now - stateAt > SilenceTimeout)
            return $"no state for {(now - stateAt).TotalSeconds:0.#} s";
        if (e.StateAt is null && e.Connection == ConnectionState.Online && e.ConnectionAt is { } onlineAt && now - onlineAt > SilenceTimeout)
            return $"no state since it came online {(now - onlineAt).TotalSeconds:0.#} s ago";
        return null;
    }

    private Entry Get(VehicleId id) => known.TryGetValue(id, out var e) ? e
        : throw new InvalidOperationException($"vehicle {id} is not in the fleet; an unknown vehicle is never commanded.");
}
