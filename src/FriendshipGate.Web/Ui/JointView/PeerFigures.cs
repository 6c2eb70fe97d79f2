using System.Net.Http.Json;
using FriendshipGate.Exchange;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FriendshipGate.Web.Ui.JointView;

/// <summary>
/// What this node last knew of the peer's figures: the figures and when they came, and, when the last attempt failed,
/// when and why. <see cref="Figures"/> stays the last good one while the peer is away, so the screen can say how old it is.
/// </summary>
public sealed record PeerReading(SideFigures? Figures, DateTimeOffset? ReceivedAt, DateTimeOffset? FailingSince, string? Error)
{
    public static readonly PeerReading None = new(null, null, null, null);

    public bool Reachable => Figures is not null && FailingSince is null;
}

/// <summary>
/// Reads the peer's figures every <see cref="Interval"/> while any joint view is open (one request however many screens),
/// over HTTP to the peer's exchange URL, signed and checked by <see cref="PeerFiguresProtocol"/>.
/// </summary>
public sealed class PeerFigures(PeerFiguresProtocol protocol, ExchangeOptions options, IHttpClientFactory http, TimeProvider time, ILogger<PeerFigures> logger)
    : BackgroundService
{
    public const string HttpClientName = "peer-figures";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim wake = new(0);
    private int watchers;

    public PeerReading Latest { get; private set; } = PeerReading.None;

    /// <summary>Keeps the figures coming until the returned handle is disposed.</summary>
    public IDisposable Watch()
    {
        if (Interlocked.Increment(ref watchers) == 1) Signal();
        return new Watcher(this);
    }

    private void Signal()
    {
        if (wake.CurrentCount == 0) wake.Release();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (Volatile.Read(ref watchers) == 0) await wake.WaitAsync(stoppingToken);
            await ReadOnceAsync(stoppingToken);
            await Task.Delay(Interval, time, stoppingToken);
        }
    }

    /// <summary>One attempt; a failure keeps the last figures and records since when the peer has not answered.</summary>
    public async Task ReadOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var request = protocol.NewRequest();
            using var client = http.CreateClient(HttpClientName);
            using var response = await client.PostAsJsonAsync(new Uri(options.PeerUrl, "api/v1/peer/figures"), new FiguresRequest(request), cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"the peer answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            var answer = await response.Content.ReadFromJsonAsync<FiguresResponse>(cancellationToken) ?? throw new HttpRequestException("the peer's answer is empty.");
            Latest = new PeerReading(protocol.Read(request, answer.Figures), time.GetUtcNow(), null, null);
        }
        catch (Exception e) when ((e is HttpRequestException or TaskCanceledException or ExchangeRefusal or System.Text.Json.JsonException) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(e, "The peer's figures could not be read.");
            Latest = Latest with { FailingSince = Latest.FailingSince ?? time.GetUtcNow(), Error = e.Message };
        }
    }

    private sealed class Watcher(PeerFigures figures) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) Interlocked.Decrement(ref figures.watchers);
        }
    }
}
