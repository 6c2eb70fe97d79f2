namespace FriendshipGate.Fleet;

/// <summary>A vehicle as VDA 5050 names it: manufacturer and serial number, both usable as MQTT topic levels.</summary>
public readonly record struct VehicleId
{
    public VehicleId(string manufacturer, string serialNumber)
    {
        if (string.IsNullOrWhiteSpace(manufacturer) || manufacturer.IndexOfAny(['/', '+', '#', '$']) >= 0)
            throw new ArgumentException($"manufacturer '{manufacturer}' must be non-empty and free of '/', '+', '#' and '$'.", nameof(manufacturer));
        // VDA 5050 6.3: a serial number consists of A-Z a-z 0-9 _ . : - only.
        if (string.IsNullOrEmpty(serialNumber) || !serialNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ':' or '-'))
            throw new ArgumentException($"serial number '{serialNumber}' may use only A-Z a-z 0-9 _ . : -", nameof(serialNumber));
        Manufacturer = manufacturer;
        SerialNumber = serialNumber;
    }

    public string Manufacturer { get; }
    public string SerialNumber { get; }

    public override string ToString() => $"{Manufacturer}/{SerialNumber}";
}
