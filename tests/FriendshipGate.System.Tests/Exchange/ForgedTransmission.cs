using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FriendshipGate.Exchange;

namespace FriendshipGate.System.Tests;

/// <summary>Builds a transmission by hand, as another implementation (or an attacker with a key) would.</summary>
internal static class ForgedTransmission
{
    public static async Task<TransmissionResponse> SendAsync(HttpClient cn, SigningKey messageKey, SigningKey transmissionKey)
    {
        var vn = NodeId.Parse("VN-HUUNGHI");
        var cnId = NodeId.Parse("CN-YOUYIGUAN");
        var now = DateTimeOffset.UtcNow;
        var payload = Encoding.UTF8.GetBytes("""{"station":"VN-LAOCAI","river":"Red River","observedAt":"2026-07-01T00:00:00Z","waterLevelM":99.5}""");
        var envelope = Envelope.WriteJson(MessageId.New(TimeProvider.System), "hydrology.observation", 1, vn, cnId, now, "forged", payload);
        var message = Jws.Sign(Jws.MessageType, envelope, messageKey);
        var header = new TransmissionBody(Guid.CreateVersion7().ToString(), vn, cnId, now, [Jws.Parse(message).Hash]);
        var transmission = Jws.Sign(Jws.TransmissionType, JsonSerializer.SerializeToUtf8Bytes(header, WireJson.Options), transmissionKey);
        using var response = await cn.PostAsJsonAsync("exchange/v1/transmissions", new TransmissionRequest(transmission, [message]), WireJson.Options);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TransmissionResponse>(WireJson.Options))!;
    }
}
