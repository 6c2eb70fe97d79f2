using System.Text.Json;
using System.Text.Json.Nodes;

namespace FriendshipGate.System.Tests;

/// <summary>AEO mutual recognition across the two nodes, and China's two-step declaration.</summary>
public sealed class AeoAndTwoStepTests
{
    private static JsonNode DurianExportClaiming(string aeoId)
    {
        var body = JsonSerializer.SerializeToNode(ClearanceClient.DurianExport())!;
        body["exporter"]!["aeoId"] = aeoId;
        return body;
    }

    [Fact]
    public async Task AnAeoRecognisedByBothSides_LosesItsBenefitsOnBothTheMomentItIsRevoked()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var vnOfficer = await ClearanceClient.CreateAsync(nodes.VnApi, "officer.vn", "officer");
        using var exporter = await ClearanceClient.CreateAsync(nodes.VnApi, "durian.exporter", "trader", "0101234567");
        using var importer = await ClearanceClient.CreateAsync(nodes.CnApi, "pingxiang.importer", "trader", "91450100MA5KXXXX1");
        using var cnOfficer = await ClearanceClient.CreateAsync(nodes.CnApi, "officer.cn", "officer");

        await vnOfficer.PostAsync("aeo", new { aeoId = "VN-AEO-0001", companyId = "0101234567", companyName = "Công ty TNHH Trái cây Đắk Lắk" }, 201);
        await exporter.PostAsync("aeo", new { aeoId = "VN-AEO-0002", companyId = "0101234567", companyName = "x" }, 403);
        var number = (await exporter.PostAsync("declarations", DurianExportClaiming("VN-AEO-0001"), 201)).GetProperty("number").GetString()!;
        var risk = await vnOfficer.GetAsync($"declarations/{number}/risk");
        Assert.True(risk.GetProperty("decision").GetProperty("subject").GetProperty("aeoRecognised").GetBoolean());

        // CN recognises VN's AEO: the import made from the advance data keeps the claim and is accepted.
        await TestNodes.WaitUntilAsync(async () => (await cnOfficer.GetAsync("aeo?side=VN")).GetArrayLength() == 1, TimeSpan.FromSeconds(30), "VN's register on CN");
        await TestNodes.WaitUntilAsync(async () => (await importer.GetAsync("advance-data")).GetArrayLength() == 1, TimeSpan.FromSeconds(30), "advance data");
        var import = await importer.PostAsync($"advance-data/{number}/import-declaration", new { }, 201);
        Assert.True(import.GetProperty("aeo").GetBoolean());

        // VN revokes; CN refuses the claim from the moment the revocation arrives, and VN at once.
        await cnOfficer.PostAsync("aeo/VN-AEO-0001/status", new { status = "revoked" }, 403);
        await vnOfficer.PostAsync("aeo/VN-AEO-0001/status", new { status = "revoked", reason = "false declarations" });
        var refused = await exporter.PostAsync("declarations", DurianExportClaiming("VN-AEO-0001"), 400);
        Assert.Contains("revoked", refused.GetProperty("errors").GetProperty("exporter.aeoId")[0].GetString());
        await TestNodes.WaitUntilAsync(async () => (await cnOfficer.GetAsync("aeo?side=VN"))[0].GetProperty("status").GetString() == "revoked",
            TimeSpan.FromSeconds(30), "the revocation on CN");
        var second = (await exporter.PostAsync("declarations", ClearanceClient.DurianExport(), 201)).GetProperty("number").GetString()!;
        await TestNodes.WaitUntilAsync(async () => (await importer.GetAsync("advance-data")).GetArrayLength() == 2, TimeSpan.FromSeconds(30), "the second advance data");
        var body = new JsonObject { ["declarant"] = new JsonObject { ["id"] = "91450100MA5KXXXX1", ["name"] = "x", ["aeoId"] = "VN-AEO-0001" } };
        var cnRefusal = await importer.PostAsync($"advance-data/{second}/import-declaration", body, 400);
        Assert.Contains("revoked", cnRefusal.GetProperty("errors").GetProperty("declarant.aeoId")[0].GetString());
        await vnOfficer.PostAsync("aeo/VN-AEO-0001/status", new { status = "active" }, 409);
    }

    [Fact]
    public async Task ASummaryDeclaration_ReleasesTheGoods_AndTheCompleteOneFollowsAsANewVersion()
    {
        await using var nodes = await TestNodes.StartAsync("sqlite");
        using var importer = await ClearanceClient.CreateAsync(nodes.CnApi, "electronics.importer", "trader", "91450100MA5KZZZZ3");
        using var cnOfficer = await ClearanceClient.CreateAsync(nodes.CnApi, "officer.cn", "officer");
        object Import(string kind, int? value) => new
        {
            type = "import", kind,
            exporter = new { id = "0309999999", name = "Công ty Điện tử", country = "VN" },
            importer = new { id = "91450100MA5KZZZZ3", name = "广西电子有限公司", country = "CN" },
            items = new[] { new { description = new { zh = "处理器" }, commodityCode = "8542319099", quantity = 2000, unit = "H87", netKg = 40, grossKg = 55, value, currency = value is null ? null : "USD", origin = "VN" } },
            transport = new { mode = "road", plate = "桂F12345", nationality = "CN" },
        };
        var summary = await importer.PostAsync("declarations", Import("summary", null), 201);
        var number = summary.GetProperty("number").GetString()!;
        Assert.Equal("summary", summary.GetProperty("kind").GetString());
        if (summary.GetProperty("state").GetString() == "under-control")
            await cnOfficer.PostAsync($"declarations/{number}/decisions", new { action = "release" }, 409);
        var arrived = await cnOfficer.PostAsync($"declarations/{number}/arrival", null);
        if (arrived.GetProperty("state").GetString() != "released-for-import")
            arrived = await cnOfficer.PostAsync($"declarations/{number}/decisions", new { action = "release" });
        Assert.Equal("released-for-import", arrived.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, arrived.GetProperty("completeBy").ValueKind);

        // After release only the complete declaration may follow; a summary cannot be amended otherwise.
        await importer.PostAsync($"declarations/{number}/amendments", Import("summary", null), 409);
        var complete = await importer.PostAsync($"declarations/{number}/amendments?reason=complete", Import("complete", 180_000));
        Assert.Equal("complete", complete.GetProperty("kind").GetString());
        Assert.Equal(2, complete.GetProperty("version").GetInt32());
        Assert.Equal(JsonValueKind.Null, complete.GetProperty("completeBy").ValueKind);
        var versions = await importer.GetAsync($"declarations/{number}/versions");
        Assert.Equal(["submitted", "completed"], versions.EnumerateArray().Select(v => v.GetProperty("change").GetString()));
        await importer.PostAsync($"declarations/{number}/amendments", Import("complete", 190_000), 409);
    }
}
