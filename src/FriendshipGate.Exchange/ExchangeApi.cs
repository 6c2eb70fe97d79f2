using FriendshipGate.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace FriendshipGate.Exchange;

/// <summary>The exchange's HTTP API, versioned under /exchange/v1.</summary>
public static class ExchangeApi
{
    public static IEndpointRouteBuilder MapExchangeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("exchange/v1").WithTags("Exchange");

        // Peer to peer: authenticated by the signatures it carries, not by a session.
        group.MapPost("transmissions", ReceiveAsync).AllowAnonymous().DisableAntiforgery()
            .WithSummary("Receive a signed transmission of messages from the peer node; answers signed receipts.");

        group.MapGet("keys", (SigningKeyRing ring, KeyRegistry registry, ExchangeOptions options) =>
            TypedResults.Ok(new NodeKeys(options.Self.Value, registry.Snapshot.Values.Where(k => k.Owner == KeyOwner.Own)
                .OrderBy(k => k.AddedAt).Select(k => new PublicKeyInfo(k.KeyId, k.Key.Algorithm, k.Key.SubjectPublicKeyInfoBase64Url, k.State)).ToList(),
                ring.Active.KeyId)))
            .AllowAnonymous().WithSummary("This node's public keys, to be registered by its peer out of band.");

        var operate = group.MapGroup("").RequireAuthorization(NodePolicies.Operator);
        operate.MapGet("status", (ExchangeOptions options, NodeDatabase database, TimeProvider time, CancellationToken ct) =>
            ExchangeStatus.ReadAsync(options, database, time, ct)).WithSummary("Counts per delivery state, oldest queued message, last contact with the peer.");
        operate.MapGet("messages", ListAsync).WithSummary("Outgoing messages with their delivery state, in order.");
        operate.MapGet("messages/{id}/receipt", ReceiptAsync)
            .WithSummary("The proof that the peer received one message: the signed batch receipt, the message's leaf and its audit path.");
        operate.MapGet("keys/peer", (KeyRegistry registry) => registry.Snapshot.Values.Where(k => k.Owner == KeyOwner.Peer)
            .OrderBy(k => k.AddedAt).Select(k => new PublicKeyInfo(k.KeyId, k.Key.Algorithm, k.Key.SubjectPublicKeyInfoBase64Url, k.State)))
            .WithSummary("The peer's keys this node trusts or has retired.");
        operate.MapPost("keys/rotate", RotateAsync).WithSummary("Create a new signing key and announce it to the peer.");
        operate.MapPost("keys/{kid}/retire", RetireAsync).WithSummary("Retire one of this node's keys; the peer refuses it afterwards.");
        return app;
    }

    public sealed record PublicKeyInfo(string Kid, string Algorithm, string Spki, string State);

    public sealed record NodeKeys(string Node, IReadOnlyList<PublicKeyInfo> Keys, string SigningKid);

    public sealed record RotateRequest(string? Algorithm);

    private static async Task<Results<Ok<TransmissionResponse>, ProblemHttpResult>> ReceiveAsync(
        TransmissionRequest? request, InboxReceiver inbox, CancellationToken cancellationToken)
    {
        if (request?.Transmission is null || request.Messages is null)
            return Problem(new ExchangeRefusal(RefusalReason.MalformedTransmission, "the body must be {\"transmission\": JWS, \"messages\": [JWS, ...]}."));
        try
        {
            return TypedResults.Ok(await inbox.ReceiveAsync(request, cancellationToken));
        }
        catch (ExchangeRefusal refusal)
        {
            return Problem(refusal);
        }
    }

    private static ProblemHttpResult Problem(ExchangeRefusal refusal) => TypedResults.Problem(
        title: "Transmission refused",
        detail: refusal.Detail,
        statusCode: refusal.Reason switch
        {
            RefusalReason.UnknownSender => StatusCodes.Status403Forbidden,
            RefusalReason.UnknownKey or RefusalReason.RetiredKey or RefusalReason.BadSignature => StatusCodes.Status401Unauthorized,
            RefusalReason.MalformedTransmission => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status422UnprocessableEntity,
        },
        type: "https://friendshipgate.org/problems/exchange/" + refusal.Reason.Code(),
        extensions: new Dictionary<string, object?> { ["reason"] = refusal.Reason.Code() });

    private static async Task<Results<Ok<IReadOnlyList<OutgoingMessageState>>, ValidationProblem>> ListAsync(
        NodeDatabase database, CancellationToken cancellationToken, long after = 0, int limit = 100, string? state = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > 10_000) errors["limit"] = ["must be between 1 and 10000."];
        if (state is not null and not (DeliveryState.Queued or DeliveryState.Sent or DeliveryState.Acknowledged or DeliveryState.Rejected))
            errors["state"] = ["must be one of queued, sent, acknowledged, rejected."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        return TypedResults.Ok(await OutgoingMessageState.ListAsync(database, after, limit, state, cancellationToken));
    }

    private static async Task<Results<Ok<MessageReceiptProof>, NotFound<ProblemDetails>, ValidationProblem>> ReceiptAsync(
        string id, NodeDatabase database, CancellationToken cancellationToken)
    {
        if (!MessageId.TryParse(id, out _))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"'{id}' is not a message id (a UUIDv7)."] });
        return await MessageReceiptProof.FindAsync(database, id, cancellationToken) is { } proof
            ? TypedResults.Ok(proof)
            : TypedResults.NotFound(new ProblemDetails
            {
                Title = "No receipt",
                Detail = $"message {id} was not sent by this node, or the peer has not acknowledged it yet.",
                Status = StatusCodes.Status404NotFound,
            });
    }

    private static async Task<Results<Ok<PublicKeyInfo>, ValidationProblem>> RotateAsync(RotateRequest? request, KeyRotation rotation, CancellationToken cancellationToken)
    {
        string? algorithm = null;
        if (request?.Algorithm is { } requested)
        {
            try { algorithm = SignatureAlgorithm.Normalize(requested); }
            catch (FormatException e) { return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["algorithm"] = [e.Message] }); }
        }
        var key = await rotation.RotateAsync(algorithm, cancellationToken);
        return TypedResults.Ok(new PublicKeyInfo(key.KeyId, key.Algorithm, key.PublicKey.SubjectPublicKeyInfoBase64Url, KeyState.Active));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RetireAsync(string kid, KeyRotation rotation, CancellationToken cancellationToken)
    {
        try
        {
            await rotation.RetireAsync(kid, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (InvalidOperationException e)
        {
            return TypedResults.Problem(title: "Key cannot be retired", detail: e.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["field"] = "kid" });
        }
    }
}
