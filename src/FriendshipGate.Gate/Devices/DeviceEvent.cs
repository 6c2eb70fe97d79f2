using System.Globalization;
using FriendshipGate.Clearance;

namespace FriendshipGate.Gate;

/// <summary>What gate devices report.</summary>
public static class DeviceEventKind
{
    public const string PlateRead = "plate-read", Weight = "weight", SealRead = "seal-read", ContainerRead = "container-read", Scan = "scan", Barrier = "barrier";
    public static readonly IReadOnlyList<string> All = [PlateRead, Weight, SealRead, ContainerRead, Scan, Barrier];
}

/// <summary>
/// One reading from a gate device. <see cref="EventId"/> is the device's own id for it: a device that sends it again (after a
/// timeout, a reboot) gets the first answer back and nothing is applied twice.
/// </summary>
public sealed record DeviceEventInput(
    string? EventId, string? Device, string? Kind, DateTimeOffset? At, string? Lane,
    string? Plate, double? Confidence, decimal? WeightKg, decimal? TareKg, string? Seal, string? Container, string? Result, string? Action)
{
    public ValidationErrors Validate(GateOptions options)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(EventId) || EventId.Length > 100) errors.Add("eventId", "is required: the device's own id of the reading, at most 100 characters.",
            "là bắt buộc: mã riêng của thiết bị cho lần đọc, tối đa 100 ký tự.", "必填：设备对本次读数的编号，最多100个字符。");
        if (string.IsNullOrWhiteSpace(Device)) errors.Add("device", ValidationErrors.IsRequired);
        if (At is null) errors.Add("at", "is required: when the device read it (ISO 8601 with offset).", "là bắt buộc: thời điểm thiết bị đọc (ISO 8601 có múi giờ).", "必填：设备读数时间（带时区的 ISO 8601）。");
        if (Lane is not null && options.Lane(Lane) is null)
            errors.Add("lane", $"'{Lane}' is not a lane of this gate ({string.Join(", ", options.Lanes.Select(l => l.Id))}).",
                $"“{Lane}” không phải là làn của cổng này ({string.Join(", ", options.Lanes.Select(l => l.Id))}).", $"“{Lane}”不是本口岸的车道（{string.Join("、", options.Lanes.Select(l => l.Id))}）。");
        if (Confidence is < 0 or > 1) errors.Add("confidence", "must be between 0 and 1.", "phải nằm trong khoảng 0 đến 1.", "必须在0到1之间。");
        switch (Kind)
        {
            case DeviceEventKind.PlateRead:
                Require(errors, "plate", Plate);
                if (Confidence is null) errors.Add("confidence", ValidationErrors.IsRequired);
                break;
            case DeviceEventKind.Weight:
                if (WeightKg is not > 0) errors.Add("weightKg", "must be a weight in kilograms above 0.", "phải là khối lượng (kg) lớn hơn 0.", "必须是大于0的重量（千克）。");
                if (TareKg is < 0 || TareKg >= WeightKg) errors.Add("tareKg", "must be at least 0 and below weightKg.", "phải từ 0 trở lên và nhỏ hơn weightKg.", "必须不小于0且小于weightKg。");
                break;
            case DeviceEventKind.SealRead: Require(errors, "seal", Seal); break;
            case DeviceEventKind.ContainerRead: Require(errors, "container", Container); break;
            case DeviceEventKind.Scan:
                if (Result is not ("clear" or "suspect")) errors.Add("result", "must be clear or suspect.", "phải là clear hoặc suspect.", "必须为clear或suspect。");
                break;
            case DeviceEventKind.Barrier:
                if (Action is not ("opened" or "closed")) errors.Add("action", "must be opened or closed.", "phải là opened hoặc closed.", "必须为opened或closed。");
                if (Lane is null) errors.Add("lane", ValidationErrors.IsRequired);
                break;
            default:
                errors.Add("kind", $"'{Kind}' must be one of {string.Join(", ", DeviceEventKind.All)}.",
                    $"“{Kind}” phải là một trong {string.Join(", ", DeviceEventKind.All)}.", $"“{Kind}”必须是以下之一：{string.Join("、", DeviceEventKind.All)}。");
                break;
        }
        return errors;
    }

    /// <summary>The reading in one line, stored with the event and compared when a device sends the same id again.</summary>
    public string Reading() => Kind switch
    {
        DeviceEventKind.PlateRead => $"plate {PlateNumber.Normalize(Plate)} confidence {Confidence?.ToString("0.###", CultureInfo.InvariantCulture)}",
        DeviceEventKind.Weight => $"weight {WeightKg?.ToString(CultureInfo.InvariantCulture)} kg tare {(TareKg ?? 0).ToString(CultureInfo.InvariantCulture)} kg",
        DeviceEventKind.SealRead => $"seal {Seal?.Trim().ToUpperInvariant()}" + ConfidenceText,
        DeviceEventKind.ContainerRead => $"container {Container?.Trim().ToUpperInvariant()}" + ConfidenceText,
        DeviceEventKind.Scan => $"scan {Result}",
        _ => $"barrier {Action}",
    } + $" at {At:O} lane {Lane ?? "-"}";

    private string ConfidenceText => Confidence is { } c ? $" confidence {c.ToString("0.###", CultureInfo.InvariantCulture)}" : "";

    private static void Require(ValidationErrors errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, ValidationErrors.IsRequired);
    }
}

/// <summary>What the gate made of a device event: bound to which truck, booking and declaration; ok or a mismatch; what the barrier is told.</summary>
public sealed record DeviceEventResult(
    string EventId, string Kind, string Outcome, string Detail, string? VisitId, string? BookingId, string? Declaration, bool Duplicate,
    string? Barrier, GateDecision? Decision);

public static class DeviceOutcome
{
    public const string Ok = "ok", Mismatch = "mismatch", Unbound = "unbound";
}
