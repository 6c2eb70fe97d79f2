using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Clearance;

/// <summary>The other side scheduled a joint inspection of a consignment.</summary>
public sealed class PeerInspectionScheduledHandler(JointInspections inspections) : PeerMessageHandler<JointInspection>(JointInspections.ScheduledType)
{
    protected override Task ApplyAsync(NodeTransaction tx, JointInspection inspection, Envelope envelope, CancellationToken cancellationToken) =>
        inspections.ReceiveScheduledAsync(tx, inspection, cancellationToken);

    protected override JointInspection Read(Envelope envelope)
    {
        var inspection = PeerPayload.Read<JointInspection>(envelope);
        if (inspection.Id is null || inspection.Consignment is null || inspection.Place is null || inspection.RequestedSide != envelope.Sender.Side)
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, "a joint inspection needs id, consignment, place and the sender's side as requestedSide.");
        return inspection with { Status = InspectionStatus.Scheduled, Outcome = null, Findings = null, RecordedSide = null, RecordedBy = null, RecordedAt = null, MergedInto = null };
    }
}

/// <summary>The other side recorded a joint inspection's result: this side accepts it instead of inspecting again.</summary>
public sealed class PeerInspectionResultHandler(JointInspections inspections) : PeerMessageHandler<InspectionResult>(JointInspections.ResultType)
{
    protected override Task ApplyAsync(NodeTransaction tx, InspectionResult result, Envelope envelope, CancellationToken cancellationToken) =>
        inspections.ApplyResultAsync(tx, result, cancellationToken);

    protected override InspectionResult Read(Envelope envelope)
    {
        var result = PeerPayload.Read<InspectionResult>(envelope);
        if (result.InspectionId is null || result.Consignment is null || result.RecordedBy is null || result.Outcome is not (InspectionOutcome.Compliant or InspectionOutcome.NonCompliant))
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, "an inspection result needs inspectionId, consignment, recordedBy and an outcome of compliant or non-compliant.");
        if (result.RecordedSide != envelope.Sender.Side)
            throw new ExchangeRefusal(RefusalReason.InvalidPayload, $"the result is said to be recorded by {result.RecordedSide} but comes from {envelope.Sender}.");
        return result;
    }
}
