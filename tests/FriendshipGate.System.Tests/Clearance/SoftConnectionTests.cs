using System.Text.Json;

namespace FriendshipGate.System.Tests;

/// <summary>Declarations shared across the border between two real node processes, and who may see and do what.</summary>
public sealed class SoftConnectionTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AVnExport_ArrivesOnceOnCn_WithCnCandidateCodes_AndBecomesTheImportDeclarationWithoutRetyping(string backend)
    {
        await using var nodes = await TestNodes.StartAsync(backend);
        using var exporter = await ClearanceClient.CreateAsync(nodes.VnApi, "durian.exporter", "trader", "0101234567");
        using var importer = await ClearanceClient.CreateAsync(nodes.CnApi, "pingxiang.importer", "trader", "91450100MA5KXXXX1");
        using var otherImporter = await ClearanceClient.CreateAsync(nodes.CnApi, "other.importer", "trader", "91450100MA5KYYYY2");

        var export = await exporter.PostAsync("declarations", ClearanceClient.DurianExport(), 201);
        var number = export.GetProperty("number").GetString()!;
        Assert.Matches("^326[0-9]{9}$", number);
        Assert.Equal("durian-fresh", export.GetProperty("content").GetProperty("items")[0].GetProperty("product").GetString());

        await TestNodes.WaitUntilAsync(async () => (await importer.GetAsync("advance-data")).GetArrayLength() == 1, TimeSpan.FromSeconds(30), "advance data on CN");

        // An amendment before release replaces the advance data: CN sees the one declaration at its newest version.
        var amendment = JsonSerializer.SerializeToNode(ClearanceClient.DurianExport())!;
        amendment["items"]![0]!["netKg"] = 17_500;
        Assert.Equal(2, (await exporter.PostAsync($"declarations/{number}/amendments?reason=reweighed", amendment)).GetProperty("version").GetInt32());
        await TestNodes.WaitUntilAsync(async () => (await importer.GetAsync($"advance-data/{number}")).GetProperty("version").GetInt32() == 2,
            TimeSpan.FromSeconds(30), "the amendment on CN");
        Assert.Equal(1, (await importer.GetAsync("advance-data")).GetArrayLength());
        var advance = await importer.GetAsync($"advance-data/{number}");
        Assert.Equal(17_500, advance.GetProperty("content").GetProperty("items")[0].GetProperty("netKg").GetDecimal());
        var item = advance.GetProperty("items")[0];
        Assert.Equal("mapped", item.GetProperty("status").GetString());
        Assert.Equal("0810600000", item.GetProperty("candidates")[0].GetProperty("code").GetString());
        Assert.Equal(0, (await otherImporter.GetAsync("advance-data")).GetArrayLength());
        await otherImporter.GetAsync($"advance-data/{number}", 403);

        var import = await importer.PostAsync($"advance-data/{number}/import-declaration", new { }, 201);
        var importNumber = import.GetProperty("number").GetString()!;
        Assert.Matches("^00002026[1][0-9]{9}$", importNumber);
        var content = import.GetProperty("content");
        Assert.Equal("import", content.GetProperty("type").GetString());
        Assert.Equal("0810600000", content.GetProperty("items")[0].GetProperty("commodityCode").GetString());
        Assert.Equal("VN-PC-2026-000123", content.GetProperty("documents").GetProperty("phytosanitaryCertificate").GetString());
        Assert.Equal(number, import.GetProperty("advanceData").GetString());
        await importer.PostAsync($"advance-data/{number}/import-declaration", new { }, 409);

        // The export's journey on VN shows the CN import's steps once CN has published them.
        await TestNodes.WaitUntilAsync(async () =>
                (await exporter.GetAsync($"declarations/{number}/journey")).EnumerateArray().Any(e => e.GetProperty("side").GetString() == "CN"),
            TimeSpan.FromSeconds(30), "CN's steps in the VN journey");
    }

    [Fact]
    public async Task ATrader_CannotReadAnotherCompanysDeclaration_NorAnOfficerActForTheOtherSide()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var exporter = await ClearanceClient.CreateAsync(nodes.VnApi, "durian.exporter", "trader", "0101234567");
        using var rival = await ClearanceClient.CreateAsync(nodes.VnApi, "rival.exporter", "trader", "0309999999");
        using var cnOfficer = await ClearanceClient.CreateAsync(nodes.CnApi, "officer.cn", "officer");
        using var cnImporter = await ClearanceClient.CreateAsync(nodes.CnApi, "pingxiang.importer", "trader", "91450100MA5KXXXX1");

        var number = (await exporter.PostAsync("declarations", ClearanceClient.DurianExport(), 201)).GetProperty("number").GetString()!;
        var forbidden = await rival.GetAsync($"declarations/{number}", 403);
        Assert.Contains("another company", forbidden.GetProperty("detail").GetString());
        Assert.Equal(0, (await rival.GetAsync("declarations")).GetArrayLength());
        await rival.PostAsync($"declarations/{number}/cancellation", new { reason = "mischief" }, 403);
        // A rival cannot lodge in the exporter's name either.
        await rival.PostAsync("declarations", ClearanceClient.DurianExport(), 403);

        // The CN officer sees the VN export only as advance data and cannot decide on it.
        await TestNodes.WaitUntilAsync(async () => (await cnImporter.GetAsync("advance-data")).GetArrayLength() == 1, TimeSpan.FromSeconds(30), "advance data");
        var notHere = await cnOfficer.PostAsync($"declarations/{number}/decisions", new { action = "release" }, 404);
        Assert.Contains("no declaration", notHere.GetProperty("detail").GetString());
        var imported = (await cnImporter.PostAsync($"advance-data/{number}/import-declaration", new { }, 201)).GetProperty("number").GetString()!;
        using var vnOfficer = await ClearanceClient.CreateAsync(nodes.VnApi, "officer.vn", "officer");
        await vnOfficer.PostAsync($"declarations/{imported}/decisions", new { action = "release" }, 404);
        // A trader is not an officer.
        var traderDecides = await exporter.PostAsync($"declarations/{number}/decisions", new { action = "release" }, 403);
        Assert.Contains("officer", traderDecides.GetProperty("detail").GetString());
        // And an officer does not withdraw a trader's declaration: it decides on it.
        var officerCancels = await vnOfficer.PostAsync($"declarations/{number}/cancellation", new { reason = "tidy up" }, 403);
        Assert.Equal("role", officerCancels.GetProperty("field").GetString());
    }

    [Fact]
    public async Task AnInvalidDeclaration_IsAnsweredWithEveryError_AndTheDryRunStoresNothing()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var exporter = await ClearanceClient.CreateAsync(nodes.VnApi, "durian.exporter", "trader", "0101234567");
        var broken = JsonSerializer.SerializeToElement(ClearanceClient.DurianExport());
        var text = broken.GetRawText().Replace("CSQU3054383", "CSQU3054384").Replace("VN-DLOR-0101", "VN-TGOR-0303");
        var body = JsonDocument.Parse(text).RootElement;
        foreach (var path in new[] { "declarations/validate", "declarations" })
        {
            var problem = await exporter.PostAsync(path, body, 400);
            var errors = problem.GetProperty("errors");
            Assert.Contains("check digit", errors.GetProperty("transport.containers[0]")[0].GetString());
            Assert.Contains("suspended", errors.GetProperty("documents.growingAreaCodes[0]")[0].GetString());
        }
        Assert.True((await exporter.PostAsync("declarations/validate", ClearanceClient.DurianExport())).GetProperty("valid").GetBoolean());
        var malformed = await exporter.PostAsync("declarations", new { type = "export", items = "durian" }, 400);
        Assert.Contains("not valid here", malformed.GetProperty("errors").GetProperty("items")[0].GetString());
        Assert.Equal(0, (await exporter.GetAsync("declarations")).GetArrayLength());
        Assert.Equal(0, (await nodes.VnApi.StatusAsync()).Outbox["queued"]);
    }
}
