using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using FriendshipGate.Bench;

namespace FriendshipGate.System.Tests;

/// <summary>
/// The README's first command: fgate demo starts both nodes and feeds the VN gate with the twin's scenario trucks, which
/// run through every real module: asserted on what each recorded (Clearance and Gate on VN, the exchange's advance data on
/// CN, the fleet's transport orders), not on the feed's own counts.
/// </summary>
public sealed partial class DemoCommandTests
{
    [Fact]
    public async Task Demo_RunsTheScenariosTrucksThroughClearanceTheExchangeTheGateAndTheFleet()
    {
        var data = Path.Combine(Path.GetTempPath(), "fgate-demo-" + Guid.NewGuid().ToString("N")[..8]);
        var (vnUrl, cnUrl) = (NodeProcess.FreeLoopbackUrl(), NodeProcess.FreeLoopbackUrl());
        var fgate = FgateExecutable.Current();
        var start = new ProcessStartInfo(fgate.FileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        // An hour of scenario time a second: the demo gate's share of the main route brings a truck every second or so.
        foreach (var argument in fgate.PrefixArguments.Concat(["demo", "--data", data, "--vn-url", vnUrl, "--cn-url", cnUrl,
                     "--speed", "3600", "--feed-seconds", "0"]))
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = new List<string>();
        var errors = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (output) output.Add(line); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (errors) errors.Add(line); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            string[] tokens = [];
            await TestNodes.WaitUntilAsync(() =>
            {
                lock (output) tokens = [.. output.Select(l => OperatorToken().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value)];
                return Task.FromResult(tokens.Length == 2 && output.Any(l => l.StartsWith("trucks: scenario ordinary-day at 3600x", StringComparison.Ordinal)));
            }, TimeSpan.FromSeconds(90), "the demo's banner with both operator tokens and the trucks' scenario");

            using var http = Client(vnUrl, tokens[0]);
            using var cn = Client(cnUrl, tokens[1]);
            var lanes = new HashSet<string>();
            await TestNodes.WaitUntilAsync(async () =>
            {
                using var list = JsonDocument.Parse(await http.GetStringAsync("api/v1/clearance/declarations?limit=200"));
                foreach (var declaration in list.RootElement.EnumerateArray())
                    if (declaration.GetProperty("lane").GetString() is { } lane) lanes.Add(lane);
                var released = list.RootElement.EnumerateArray().Count(d => d.GetProperty("releasedAt").ValueKind == JsonValueKind.String);
                return list.RootElement.GetArrayLength() >= 10 && released >= 1;
            }, TimeSpan.FromSeconds(120), "ten declarations lodged by the demo's trucks, one of them released");
            // The goods mix brings both fruit under quarantine and dry goods: more than one lane.
            Assert.True(lanes.Count >= 2, $"lanes seen: {string.Join(", ", lanes)}");

            // The exchange: CN received the exports as advance data.
            await TestNodes.WaitUntilAsync(async () =>
                JsonDocument.Parse(await cn.GetStringAsync("api/v1/clearance/advance-data")).RootElement.GetArrayLength() >= 1,
                TimeSpan.FromSeconds(60), "advance data on CN");

            // The fleet: each transport order carries the container of a declaration VN released.
            await TestNodes.WaitUntilAsync(async () =>
                JsonDocument.Parse(await http.GetStringAsync("api/v1/fleet/orders")).RootElement.GetArrayLength() >= 1,
                TimeSpan.FromSeconds(60), "a transport order for a released truck's container");
            using var orders = JsonDocument.Parse(await http.GetStringAsync("api/v1/fleet/orders"));
            using var declarations = JsonDocument.Parse(await http.GetStringAsync("api/v1/clearance/declarations?limit=1000"));
            var released = new HashSet<string>();
            foreach (var d in declarations.RootElement.EnumerateArray().Where(d => d.GetProperty("releasedAt").ValueKind == JsonValueKind.String))
            {
                using var one = JsonDocument.Parse(await http.GetStringAsync($"api/v1/clearance/declarations/{d.GetProperty("number").GetString()}"));
                foreach (var c in one.RootElement.GetProperty("content").GetProperty("transport").GetProperty("containers").EnumerateArray()) released.Add(c.GetString()!);
            }
            Assert.All(orders.RootElement.EnumerateArray(), o => Assert.Contains(o.GetProperty("container").GetString()!, released));
            lock (errors) Assert.DoesNotContain(errors, l => l.Contains("declaration refused", StringComparison.Ordinal));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        }
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri(url + "/") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    [GeneratedRegex(@"operator token \(Authorization: Bearer \.\.\.\): (\S+)")]
    private static partial Regex OperatorToken();
}
