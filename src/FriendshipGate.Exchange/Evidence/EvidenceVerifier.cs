using System.Text.Json;

namespace FriendshipGate.Exchange;

/// <summary>The verdict on an evidence export: intact, or the first bad entry and what is wrong with it.</summary>
public sealed record EvidenceVerdict(bool Intact, long Entries, long SignaturesVerified, long? FirstBadSeq, int? FirstBadLine, string? Problem)
{
    public override string ToString() => Intact
        ? $"intact: {Entries} entries, hash chain unbroken, {SignaturesVerified} signatures verified"
        : $"NOT intact: line {FirstBadLine} (entry {FirstBadSeq?.ToString() ?? "?"}): {Problem}";
}

/// <summary>
/// Checks an evidence export offline: every content hash, every link of the chain, every signature (with the keys
/// the chain itself records) and every receipt proof. Stops at the first bad entry.
/// </summary>
public static class EvidenceVerifier
{
    public static EvidenceVerdict Verify(TextReader reader)
    {
        var line = 0;
        long signatures = 0, entries = 0, expectedSeq = 1;
        var prevHash = "";
        var keys = new Dictionary<string, VerificationKey>();
        EvidenceVerdict Bad(long? seq, string problem) => new(false, entries, signatures, seq, line, problem);

        var headerText = reader.ReadLine();
        line++;
        EvidenceExport.Header? header;
        try { header = headerText is null ? null : JsonSerializer.Deserialize<EvidenceExport.Header>(headerText, WireJson.Options); }
        catch (JsonException e) { return Bad(null, "the header is not JSON: " + e.Message); }
        if (header?.Format != EvidenceExport.Format) return Bad(null, $"not an evidence export (format must be {EvidenceExport.Format}).");

        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0) continue;
            EvidenceEntry? entry;
            try { entry = JsonSerializer.Deserialize<EvidenceEntry>(text, WireJson.Options); }
            catch (JsonException e) { return Bad(null, "not a JSON entry: " + e.Message); }
            if (entry is null) return Bad(null, "empty entry.");
            if (entry.Seq != expectedSeq) return Bad(entry.Seq, $"sequence {entry.Seq} where {expectedSeq} was expected (an entry is missing or out of order).");
            if (entry.PrevHash != prevHash) return Bad(entry.Seq, "prevHash does not match the previous entry's hash (the chain is broken).");
            if (Hashes.Sha256(entry.Content) != entry.ContentHash) return Bad(entry.Seq, "the content does not match its contentHash (the content was changed).");
            if (entry.ComputeHash() != entry.EntryHash) return Bad(entry.Seq, "entryHash does not match the entry (a field was changed).");
            var problem = CheckSignatures(entry, keys, ref signatures);
            if (problem is not null) return Bad(entry.Seq, problem);
            prevHash = entry.EntryHash;
            expectedSeq++;
            entries++;
        }
        if (entries != header.Entries) return Bad(null, $"the header announces {header.Entries} entries but {entries} follow (the export is truncated).");
        return new EvidenceVerdict(true, entries, signatures, null, null, null);
    }

    private static string? CheckSignatures(EvidenceEntry entry, Dictionary<string, VerificationKey> keys, ref long signatures)
    {
        try
        {
            switch (entry.Kind)
            {
                case EvidenceKind.OwnKey or EvidenceKind.PeerKey:
                    using (var doc = JsonDocument.Parse(entry.Content))
                    {
                        var key = VerificationKey.FromBase64Url(doc.RootElement.GetProperty("alg").GetString()!, doc.RootElement.GetProperty("spki").GetString()!);
                        if (key.KeyId != doc.RootElement.GetProperty("kid").GetString()) return "the key entry's kid does not match its key.";
                        keys[key.KeyId] = key;
                    }
                    return null;
                case EvidenceKind.MessageSent or EvidenceKind.MessageReceived:
                    if (!VerifyJws(entry.Content, keys, out var why)) return why;
                    signatures++;
                    return null;
                case EvidenceKind.ReceiptIssued or EvidenceKind.ReceiptReceived:
                    var receipt = ReceiptEvidence.Parse(entry.Content);
                    if (!VerifyJws(receipt.Receipt, keys, out why)) return why;
                    signatures++;
                    var body = ReceiptBody.FromJws(Jws.Parse(receipt.Receipt));
                    return receipt.ProvesAgainst(body) ? null : $"the leaves recorded for receipt {body.ReceiptId} do not match its signed Merkle root.";
                default:
                    return null; // refusals record what came, which by definition may not verify
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or ExchangeRefusal or InvalidOperationException)
        {
            return "the content cannot be read: " + e.Message;
        }
    }

    private static bool VerifyJws(string compact, Dictionary<string, VerificationKey> keys, out string? problem)
    {
        var parts = Jws.Parse(compact);
        problem = !keys.TryGetValue(parts.KeyId, out var key) ? $"signed with key {parts.KeyId}, which no earlier key entry records."
            : !parts.Verify(key) ? $"the signature by key {parts.KeyId} does not verify."
            : null;
        return problem is null;
    }
}
