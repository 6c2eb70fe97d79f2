using System.Net;
using System.Net.Http.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.Simulation.Nodes;

/// <summary>
/// The road between two nodes of the twin: the sender's dispatcher posts its transmission as over HTTP, and the peer's
/// real <see cref="InboxReceiver"/> answers it, with the status codes the exchange's HTTP API gives. While the link is
/// down (a scenario's outage) a send fails as a refused connection would, and the dispatcher keeps its messages queued.
/// </summary>
internal sealed class InProcessLink(Func<InboxReceiver> peer) : HttpMessageHandler
{
    public bool Up { get; set; } = true;

    /// <summary>Transmissions that reached the peer, and sends that failed because the link was down.</summary>
    public long Delivered { get; private set; }
    public long Failed { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!Up)
        {
            Failed++;
            throw new HttpRequestException("the link to the peer is down (the scenario's exchange outage).", null, HttpStatusCode.ServiceUnavailable);
        }
        var transmission = request.Content is null ? null : await request.Content.ReadFromJsonAsync<TransmissionRequest>(WireJson.Options, cancellationToken);
        if (transmission?.Transmission is null || transmission.Messages is null)
            return new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("malformed transmission") };
        try
        {
            var answer = await peer().ReceiveAsync(transmission, cancellationToken);
            Delivered++;
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = JsonContent.Create(answer, options: WireJson.Options) };
        }
        catch (ExchangeRefusal refusal)
        {
            // As the HTTP API answers it: the sender records the refusal and tries again later.
            return new HttpResponseMessage(HttpStatusCode.UnprocessableEntity) { Content = new StringContent($"{refusal.Reason.Code()}: {refusal.Detail}") };
        }
    }
}
