using FriendshipGate.Testing;
using System.Globalization;
using System.Text.Json;
using FriendshipGate.Bench;

namespace FriendshipGate.System.Tests;

/// <summary>
/// A durian consignment from lodgement on the VN node through risk, one joint inspection, export release, the border
/// crossing and import release on the CN node, with the Time Release Study at the end; two real node processes.
/// </summary>
public sealed class DurianJourneyTests
{
    /// <summary>Rules that send fresh durian to the red lane on both sides, so the journey takes the joint inspection path.</summary>
    private static readonly string RedDurianRules =
        SampleClearance.DurianRules("red", "DURIAN-RED", "Sầu riêng: kiểm tra thực tế", "榴莲：查验", "Durian: physical inspection");

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ADurianConsignment_CrossesWithOneJointInspection_AndTheTimeReleaseStudyHasEverySegment(string backend)
    {
        var rules = Path.Combine(Path.GetTempPath(), $"fgate-rules-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(rules, RedDurianRules);
        var environment = new Dictionary<string, string>(TestNodes.FastRetries) { ["FGATE_Clearance__RiskRulesFile"] = rules };
        await using var nodes = await NodePair.CreateAsync(FgateExecutable.Current(), TestNodes.Postgres(backend), environment: environment);
        using var exporter = await ClearanceClient.CreateAsync(nodes.VnApi, "durian.exporter", "trader", "0101234567");
        using var importer = await ClearanceClient.CreateAsync(nodes.CnApi, "pingxiang.importer", "trader", "91450100MA5KXXXX1");
        using var vnOfficer = await ClearanceClient.CreateAsync(nodes.VnApi, "officer.vn", "officer");
        using var cnOfficer = await ClearanceClient.CreateAsync(nodes.CnApi, "officer.cn", "officer");

        // VN: lodged, risk-assessed into the red lane with the rule that fired.
        var export = await exporter.PostAsync("declarations", ClearanceClient.DurianExport(), 201);
        var number = export.GetProperty("number").GetString()!;
        Assert.Equal("red", export.GetProperty("lane").GetString());
        Assert.Equal("under-control", export.GetProperty("state").GetString());
        var risk = await vnOfficer.GetAsync($"declarations/{number}/risk");
        Assert.Equal("test-red-durian", risk.GetProperty("decision").GetProperty("ruleSetVersion").GetString());
        Assert.Contains(risk.GetProperty("decision").GetProperty("reasons").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "DURIAN-RED");
        Assert.True(risk.GetProperty("replayMatches").GetBoolean());
        await exporter.GetAsync($"declarations/{number}/risk", 403);

        // CN: the advance data arrives once, with CN's code; the importer lodges without retyping; CN's risk also says red.
        await TestNodes.WaitUntilAsync(async () => (await importer.GetAsync("advance-data")).GetArrayLength() == 1, TimeSpan.FromSeconds(30), "advance data on CN");
        var import = await importer.PostAsync($"advance-data/{number}/import-declaration", new { }, 201);
        var importNumber = import.GetProperty("number").GetString()!;
        Assert.Equal("0810600000", import.GetProperty("content").GetProperty("items")[0].GetProperty("commodityCode").GetString());
        Assert.Equal("red", import.GetProperty("lane").GetString());

        // One joint inspection: VN schedules it; CN's selection joins it rather than scheduling a second.
        var inspection = await vnOfficer.PostAsync("inspections", new { declaration = number, place = "Hữu Nghị joint inspection area" });
        var inspectionId = inspection.GetProperty("id").GetString()!;
        await TestNodes.WaitUntilAsync(async () => (await cnOfficer.Http.GetAsync($"api/v1/clearance/inspections/{inspectionId}")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the inspection on CN");
        Assert.Equal(inspectionId, (await cnOfficer.PostAsync("inspections", new { declaration = importNumber })).GetProperty("id").GetString());
        await vnOfficer.PostAsync($"declarations/{number}/decisions", new { action = "release" }, 409);

        // VN hosts the inspection and records the result once; CN accepts it and does not inspect again.
        await cnOfficer.PostAsync($"inspections/{inspectionId}/result", new { outcome = "compliant" }, 409);
        await vnOfficer.PostAsync($"inspections/{inspectionId}/result", new { outcome = "compliant", findings = "seals intact, pulp temperature 14 °C" });
        await vnOfficer.PostAsync($"inspections/{inspectionId}/result", new { outcome = "compliant" }, 409);
        await TestNodes.WaitUntilAsync(async () => (await cnOfficer.GetAsync($"inspections/{inspectionId}")).GetProperty("outcome").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(30), "the result on CN");
        Assert.Equal("released-for-export", (await vnOfficer.PostAsync($"declarations/{number}/decisions", new { action = "release" })).GetProperty("state").GetString());
        await exporter.PostAsync($"declarations/{number}/amendments", ClearanceClient.DurianExport(), 409);
        Assert.Equal("crossed-border", (await vnOfficer.PostAsync($"declarations/{number}/border-crossing", null)).GetProperty("state").GetString());

        // CN: arrival, release on the same inspection, exit.
        await cnOfficer.PostAsync($"declarations/{importNumber}/arrival", null);
        Assert.Equal("released-for-import", (await cnOfficer.PostAsync($"declarations/{importNumber}/decisions", new { action = "release" })).GetProperty("state").GetString());
        Assert.Equal("exited", (await cnOfficer.PostAsync($"declarations/{importNumber}/exit", null)).GetProperty("state").GetString());

        // VN sees the whole journey, and its Time Release Study has every segment, border to border.
        await TestNodes.WaitUntilAsync(async () =>
                (await exporter.GetAsync($"declarations/{number}/journey")).EnumerateArray().Any(e => e.GetProperty("state").GetString() == "exited"),
            TimeSpan.FromSeconds(30), "CN's exit in VN's journey");
        var journey = (await exporter.GetAsync($"declarations/{number}/journey")).EnumerateArray().Select(e => $"{e.GetProperty("side").GetString()}:{e.GetProperty("state").GetString()}").ToList();
        foreach (var step in new[] { "VN:received", "VN:accepted", "VN:risk-assessed", "VN:under-control", "VN:released-for-export", "VN:crossed-border",
                     "CN:accepted", "CN:arrived", "CN:released-for-import", "CN:exited" })
            Assert.Contains(step, journey);
        using var csvResponse = await vnOfficer.Http.GetAsync("api/v1/clearance/trs/declarations.csv");
        var csv = (await csvResponse.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',');
        var row = csv.Single(l => l.StartsWith(number, StringComparison.Ordinal)).Split(',');
        foreach (var segment in new[] { "lodgementToRiskDecisionHours", "riskDecisionToInspectionHours", "toReleaseHours", "releaseToExitHours", "borderToBorderHours" })
            Assert.True(double.TryParse(row[Array.IndexOf(header, segment)], CultureInfo.InvariantCulture, out _), $"{segment} is empty in {string.Join(',', row)}");
        var report = await vnOfficer.GetAsync("trs?groupBy=perishable");
        Assert.Equal(1, report.GetProperty("groups")[0].GetProperty("released").GetInt32());
        File.Delete(rules);
    }
}
