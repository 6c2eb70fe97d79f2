using System.Text.Json;

namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// The evidence log written to a real SQLite file, exported, and checked offline; then tampered with, line by line.
/// Line 1 of an export is its header, so entry n is on line n + 1.
/// </summary>
public sealed class EvidenceVerifierTests : IAsyncLifetime
{
    private readonly ManualTime time = new();
    private readonly SigningKey key = SigningKey.Generate(SignatureAlgorithm.ES256);
    private TestStore store = null!;

    public async Task InitializeAsync()
    {
        store = await TestStore.SqliteAsync();
        var log = new EvidenceLog(time);
        string SignedMessage(string text) => Jws.Sign(Jws.MessageType, JsonSerializer.SerializeToUtf8Bytes(new { text }), key);
        await store.Database.WriteAsync(tx => log.AppendAsync(tx,
        [
            new EvidenceItem(EvidenceKind.OwnKey, KeyRegistry.KeyContent(key.PublicKey), Counterpart: "VN-HUUNGHI", Detail: KeyState.Active),
            new EvidenceItem(EvidenceKind.MessageSent, SignedMessage("first"), "0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a01", "CN-YOUYIGUAN"),
        ]));
        time.Advance(TimeSpan.FromSeconds(3));
        await store.Database.WriteAsync(tx => log.AppendAsync(tx, new EvidenceItem(EvidenceKind.MessageRefused, "raw message as it came",
            "0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a02", "CN-YOUYIGUAN", RefusalReason.BadSignature.Code(), "the signature does not verify")));
        time.Advance(TimeSpan.FromSeconds(3));
        await store.Database.WriteAsync(tx => log.AppendAsync(tx,
        [
            new EvidenceItem(EvidenceKind.MessageSent, SignedMessage("second"), "0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6a03", "CN-YOUYIGUAN"),
            new EvidenceItem(EvidenceKind.TransmissionRefused, "", Reason: RefusalReason.UnknownSender.Code(), Detail: "'CN-X' is not a trusted peer"),
        ]));
    }

    public async Task DisposeAsync()
    {
        key.Dispose();
        if (store is not null) await store.DisposeAsync();
    }

    private async Task<List<string>> ExportAsync()
    {
        var output = new StringWriter();
        var written = await EvidenceExport.WriteAsync(store.Database, TestNode.Vn, output, time);
        Assert.Equal(5, written);
        return output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }

    private static EvidenceVerdict Verify(IEnumerable<string> lines) => EvidenceVerifier.Verify(new StringReader(string.Join('\n', lines)));

    private static EvidenceEntry Entry(string line) => JsonSerializer.Deserialize<EvidenceEntry>(line, WireJson.Options)!;

    private static string Line(EvidenceEntry entry) => JsonSerializer.Serialize(entry, WireJson.Options);

    /// <summary>Rewrites entry <paramref name="seq"/> and, as a careful forger would, every hash from there on.</summary>
    private static void RewriteChainFrom(List<string> lines, int seq, Func<EvidenceEntry, EvidenceEntry> change)
    {
        var prev = seq == 1 ? "" : Entry(lines[seq - 1]).EntryHash;
        for (var s = seq; s < lines.Count; s++)
        {
            var entry = s == seq ? change(Entry(lines[s])) : Entry(lines[s]);
            entry = entry with { ContentHash = Hashes.Sha256(entry.Content), PrevHash = prev };
            entry = entry with { EntryHash = entry.ComputeHash() };
            lines[s] = Line(entry);
            prev = entry.EntryHash;
        }
    }

    [Fact]
    public async Task Verify_UntouchedExport_IsIntactAndChecksEverySignature()
    {
        var lines = await ExportAsync();

        var verdict = Verify(lines);

        Assert.True(verdict.Intact, verdict.ToString());
        Assert.Equal((5L, 2L), (verdict.Entries, verdict.SignaturesVerified));
        Assert.Equal((null, null, null), (verdict.FirstBadSeq, verdict.FirstBadLine, verdict.Problem));
        var header = JsonSerializer.Deserialize<EvidenceExport.Header>(lines[0], WireJson.Options)!;
        Assert.Equal((EvidenceExport.Format, "VN-HUUNGHI", 5L), (header.Format, header.Node, header.Entries));
        Assert.Equal([1L, 2, 3, 4, 5], lines.Skip(1).Select(l => Entry(l).Seq));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task Verify_OneContentCharChanged_NamesThatEntry(int seq)
    {
        var lines = await ExportAsync();
        var entry = Entry(lines[seq]);
        lines[seq] = Line(entry with { Content = entry.Content.Length == 0 ? "x" : (char)(entry.Content[0] ^ 1) + entry.Content[1..] });

        var verdict = Verify(lines);

        Assert.False(verdict.Intact);
        Assert.Equal((seq, seq + 1), (verdict.FirstBadSeq, verdict.FirstBadLine));
        Assert.Contains("content", verdict.Problem);
    }

    [Fact]
    public async Task Verify_LineDeleted_NamesTheEntryThatFollowsTheGap()
    {
        var lines = await ExportAsync();
        lines.RemoveAt(3); // entry 3

        var verdict = Verify(lines);

        Assert.False(verdict.Intact);
        Assert.Equal((4L, 4), (verdict.FirstBadSeq, verdict.FirstBadLine));
        Assert.Equal(2, verdict.Entries);
    }

    [Fact]
    public async Task Verify_LastLineDeleted_IsNotIntactBecauseTheHeaderCountsMore()
    {
        var lines = await ExportAsync();
        lines.RemoveAt(lines.Count - 1);

        var verdict = Verify(lines);

        Assert.False(verdict.Intact);
        Assert.Null(verdict.FirstBadSeq);
        Assert.Contains("truncated", verdict.Problem);
    }

    [Fact]
    public async Task Verify_TwoLinesSwapped_NamesTheFirstOutOfOrder()
    {
        var lines = await ExportAsync();
        (lines[3], lines[4]) = (lines[4], lines[3]);

        var verdict = Verify(lines);

        Assert.False(verdict.Intact);
        Assert.Equal((4L, 4), (verdict.FirstBadSeq, verdict.FirstBadLine));
    }

    public static TheoryData<string> Fields => ["kind", "messageId", "counterpart", "reason", "detail", "at"];

    [Theory, MemberData(nameof(Fields))]
    public async Task Verify_OneFieldChanged_NamesThatEntry(string field)
    {
        var lines = await ExportAsync();
        var entry = Entry(lines[3]);
        lines[3] = Line(field switch
        {
            "kind" => entry with { Kind = EvidenceKind.MessageReceived },
            "messageId" => entry with { MessageId = "0190a1b2-c3d4-7e5f-8a1b-2c3d4e5f6aff" },
            "counterpart" => entry with { Counterpart = "CN-PINGXIANG" },
            "reason" => entry with { Reason = RefusalReason.Duplicate.Code() },
            "detail" => entry with { Detail = "nothing to see" },
            _ => entry with { At = entry.At.AddSeconds(-1) },
        });

        var verdict = Verify(lines);

        Assert.False(verdict.Intact);
        Assert.Equal((3L, 4), (verdict.FirstBadSeq, verdict.FirstBadLine));
        Assert.Contains("entryHash", verdict.Problem);
    }

    [Fact]
    public async Task Verify_EntryRewrittenWithItsOwnHashesRecomputed_BreaksTheChainAtTheNextEntry()
    {
        var lines = await ExportAsync();
        var entry = Entry(lines[3]) with { Reason = RefusalReason.Duplicate.Code() };
        entry = entry with { EntryHash = entry.ComputeHash() };
        lines[3] = Line(entry);

        var verdict = Verify(lines);

        Assert.Equal((4L, 5), (verdict.FirstBadSeq, verdict.FirstBadLine));
        Assert.Contains("prevHash", verdict.Problem);
    }

    [Fact]
    public async Task Verify_SignedMessageChangedWithTheWholeChainRecomputed_FailsOnItsSignature()
    {
        var lines = await ExportAsync();
        RewriteChainFrom(lines, 2, e =>
        {
            var parts = e.Content.Split('.');
            var forged = System.Buffers.Text.Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new { text = "forged" }));
            return e with { Content = $"{parts[0]}.{forged}.{parts[2]}" };
        });

        var verdict = Verify(lines);

        Assert.Equal((2L, 3), (verdict.FirstBadSeq, verdict.FirstBadLine));
        Assert.Contains("signature", verdict.Problem);
    }

    [Fact]
    public async Task Verify_NotAnExport_IsRefusedAtLineOne()
    {
        var lines = await ExportAsync();
        lines[0] = lines[0].Replace(EvidenceExport.Format, "fgate-evidence-v0", StringComparison.Ordinal);

        var verdict = Verify(lines);

        Assert.False(verdict.Intact);
        Assert.Equal((null, 1), (verdict.FirstBadSeq, verdict.FirstBadLine));
    }
}
