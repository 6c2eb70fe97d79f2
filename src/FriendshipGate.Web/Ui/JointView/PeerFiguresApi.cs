using FriendshipGate.Exchange;
using FriendshipGate.Web.Ui.CommandCenter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Web.Ui.JointView;

/// <summary>POST /api/v1/peer/figures: the peer node reads this node's joint-view figures (<see cref="PeerFiguresProtocol"/>).</summary>
public static class PeerFiguresApi
{
    // The figures the screens read at most this long ago are fresh enough for the peer; older, they are read again.
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(2);

    public static IEndpointRouteBuilder MapPeerFiguresApi(this IEndpointRouteBuilder app)
    {
        // Node to node: authenticated by the signature the request carries (the peer's exchange key), not by a user.
        app.MapPost("api/v1/peer/figures", AnswerAsync).AllowAnonymous().DisableAntiforgery().WithTags("Joint view")
            .WithSummary("The peer node reads this node's joint-view figures (counts only) with a request signed by its exchange key; the answer is signed by this node's.");
        return app;
    }

    private static async Task<IResult> AnswerAsync(FiguresRequest? body, PeerFiguresProtocol protocol, CommandCenterFeed feed, ExchangeOptions options,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (body?.Request is not { Length: > 0 } request)
            return Results.Problem(title: "Figures request refused", detail: "the body must be {\"request\": JWS}.", statusCode: StatusCodes.Status400BadRequest);
        try
        {
            // Checked before anything is read: an unauthenticated caller costs one signature check, never a query.
            protocol.Check(request);
            var snapshot = feed.Latest is { } latest && time.GetUtcNow() - latest.At < Fresh ? latest : await feed.ReadAsync(cancellationToken);
            return Results.Ok(new FiguresResponse(protocol.Answer(request, SideFigures.Of(snapshot, options.Self))));
        }
        catch (ExchangeRefusal refusal)
        {
            return Results.Problem(title: "Figures request refused", detail: refusal.Detail,
                statusCode: refusal.Reason switch
                {
                    RefusalReason.UnknownSender => StatusCodes.Status403Forbidden,
                    RefusalReason.UnknownKey or RefusalReason.RetiredKey or RefusalReason.BadSignature => StatusCodes.Status401Unauthorized,
                    _ => StatusCodes.Status422UnprocessableEntity,
                },
                extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason.Code() });
        }
    }
}
