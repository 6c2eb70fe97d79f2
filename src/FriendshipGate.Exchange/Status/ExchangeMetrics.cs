using System.Diagnostics.Metrics;

namespace FriendshipGate.Exchange;

/// <summary>OpenTelemetry instruments of the exchange (meter "FriendshipGate.Exchange"), scraped at /metrics.</summary>
public sealed class ExchangeMetrics : IDisposable
{
    public const string MeterName = "FriendshipGate.Exchange";

    private readonly Meter meter;
    private readonly Counter<long> messages;
    private readonly Counter<long> refused;
    private readonly Histogram<double> sendLag;
    private long pending;

    public ExchangeMetrics(IMeterFactory meterFactory)
    {
        meter = meterFactory.Create(MeterName);
        messages = meter.CreateCounter<long>("fgate.exchange.messages", "{message}", "Messages by delivery state or direction.");
        refused = meter.CreateCounter<long>("fgate.exchange.refusals", "{message}", "Messages and transmissions refused, by reason.");
        sendLag = meter.CreateHistogram<double>("fgate.exchange.send_lag", "ms", "From enqueue to the verified receipt.");
        meter.CreateObservableGauge("fgate.exchange.pending", () => Interlocked.Read(ref pending), "{message}", "Messages queued or sent, not yet acknowledged.");
    }

    public void SetPending(long count) => Interlocked.Exchange(ref pending, count);

    public void Queued(int count)
    {
        Interlocked.Add(ref pending, count);
        messages.Add(count, new KeyValuePair<string, object?>("state", DeliveryState.Queued));
    }

    public void Settled(string state, int count)
    {
        Interlocked.Add(ref pending, -count);
        messages.Add(count, new KeyValuePair<string, object?>("state", state));
    }

    public void Received(int count) => messages.Add(count, new KeyValuePair<string, object?>("state", "received"));

    public void Refused(RefusalReason reason, int count = 1) =>
        refused.Add(count, new KeyValuePair<string, object?>("reason", reason.Code()));

    public void SendLag(double milliseconds) => sendLag.Record(milliseconds);

    public void Dispose() => meter.Dispose();
}
