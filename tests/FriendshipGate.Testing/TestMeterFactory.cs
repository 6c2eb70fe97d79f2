using System.Diagnostics.Metrics;

namespace FriendshipGate.Testing;

/// <summary>The smallest <see cref="IMeterFactory"/>: each call makes a meter, disposed with the factory.</summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly List<Meter> meters = [];

    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(options);
        lock (meters) meters.Add(meter);
        return meter;
    }

    public void Dispose()
    {
        lock (meters) meters.ForEach(m => m.Dispose());
    }
}
