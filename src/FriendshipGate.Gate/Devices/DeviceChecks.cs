using System.Globalization;
using FriendshipGate.Clearance;

namespace FriendshipGate.Gate;

/// <summary>Why a device reading needs a person: each kind raises an alert for an officer and stops automatic release.</summary>
public static class AlertKind
{
    public const string LowConfidence = "low-confidence", PlateMismatch = "plate-mismatch", UnknownPlate = "unknown-plate", Weight = "weight-out-of-tolerance",
        SealMismatch = "seal-mismatch", ContainerMismatch = "container-mismatch", ContainerCheckDigit = "container-check-digit", ScanSuspect = "scan-suspect",
        UnknownTruck = "no-truck-at-lane", BarrierWithoutRelease = "barrier-opened-without-release";
}

/// <summary>The verdict on one reading: its normalised value, and the alert it raises if it does not match what was declared and booked.</summary>
public sealed record CheckResult(string? Value, string? Alert, string Detail)
{
    public string Outcome => Alert is null ? DeviceOutcome.Ok : DeviceOutcome.Mismatch;
}

/// <summary>Compares one device reading with the truck at the lane, its booking and its declaration. Pure: no I/O.</summary>
public static class DeviceChecks
{
    public static CheckResult Check(DeviceEventInput e, Visit? visit, StoredDeclaration? declaration, GateOptions options)
    {
        if (e.Kind == DeviceEventKind.PlateRead)
        {
            var plate = PlateNumber.Normalize(e.Plate);
            if (visit is null) return new(plate, AlertKind.UnknownPlate, $"plate {plate} matches no booking and no truck at the gate");
            if (e.Confidence < options.MinReadConfidence) return LowConfidence(plate, e.Confidence!.Value, options);
            return plate == visit.Plate ? new(plate, null, $"plate {plate} is the booked truck's")
                : new(plate, AlertKind.PlateMismatch, $"plate {plate} read at lane {visit.Lane}, where truck {visit.Plate} was called");
        }
        if (e.Kind == DeviceEventKind.Barrier)
            return visit is { State: VisitState.Released } || e.Action == "closed" ? new(e.Action, null, $"barrier {e.Action}")
                : new(e.Action, AlertKind.BarrierWithoutRelease, $"barrier {e.Action} at lane {e.Lane} with no released truck there");
        if (visit is null || declaration is null)
            return new(null, AlertKind.UnknownTruck, $"{e.Kind} at lane {e.Lane ?? "-"} with no truck called there");
        switch (e.Kind)
        {
            case DeviceEventKind.Weight:
                var measured = e.WeightKg!.Value - (e.TareKg ?? 0);
                var declared = declaration.Content.GrossKg;
                var tolerance = Math.Max(declared * options.WeightToleranceShare, options.WeightToleranceKg);
                var text = $"{Kg(measured)} kg weighed, {Kg(declared)} kg declared (tolerance ±{Kg(tolerance)} kg)";
                return new(measured.ToString(CultureInfo.InvariantCulture), Math.Abs(measured - declared) <= tolerance ? null : AlertKind.Weight, text);
            case DeviceEventKind.SealRead:
                var seal = e.Seal!.Trim().ToUpperInvariant();
                if (e.Confidence < options.MinReadConfidence) return LowConfidence(seal, e.Confidence!.Value, options);
                return declaration.Content.Transport.Seals.Any(s => string.Equals(s.Trim(), seal, StringComparison.OrdinalIgnoreCase))
                    ? new(seal, null, $"seal {seal} as declared")
                    : new(seal, AlertKind.SealMismatch, $"seal {seal} is not a declared seal ({string.Join(", ", declaration.Content.Transport.Seals)})");
            case DeviceEventKind.ContainerRead:
                if (ContainerNumber.Check(e.Container, out var container) is { } wrong) return new(e.Container!.Trim().ToUpperInvariant(), AlertKind.ContainerCheckDigit, wrong.En!);
                if (e.Confidence < options.MinReadConfidence) return LowConfidence(container.Value, e.Confidence!.Value, options);
                return declaration.Content.Transport.Containers.Any(c => ContainerNumber.TryParse(c, out var declaredNumber, out _) && declaredNumber == container)
                    ? new(container.Value, null, $"container {container} as declared")
                    : new(container.Value, AlertKind.ContainerMismatch, $"container {container} is not on declaration {declaration.Number}");
            default:
                return e.Result == "clear" ? new("clear", null, "scan clear") : new("suspect", AlertKind.ScanSuspect, "scan suspect: an officer looks at the image");
        }
    }

    private static CheckResult LowConfidence(string value, double confidence, GateOptions options) =>
        new(value, AlertKind.LowConfidence, $"{value} read with confidence {confidence:0.00}, below {options.MinReadConfidence:0.00}");

    private static string Kg(decimal kg) => kg.ToString("#,0.#", CultureInfo.InvariantCulture);
}
