using System.CommandLine;
using FriendshipGate.Fleet;

namespace FriendshipGate.Cli;

/// <summary>fgate vehicle simulate: simulated VDA 5050 vehicles, each its own MQTT client, until Ctrl+C.</summary>
internal static class VehicleCommand
{
    public static Command Create()
    {
        var broker = new Option<string>("--broker") { Description = "The MQTT broker, HOST:PORT.", Required = true };
        var manufacturer = new Option<string>("--manufacturer") { Description = "The vehicles' manufacturer (an MQTT topic level).", Required = true };
        var serial = new Option<string>("--serial") { Description = "The serial number; with --count N the vehicles are SERIAL-1 .. SERIAL-N.", Required = true };
        var count = new Option<int?>("--count") { Description = "How many vehicles to run (1 to 500)." };
        var vda = new Option<string>("--vda") { Description = "VDA 5050 version the vehicles speak: 2.0 or 2.1.", DefaultValueFactory = _ => "2.1" };
        vda.AcceptOnlyFromAmong("2.0", "2.1");
        var speed = new Option<double>("--speed") { Description = "Driving speed in m/s.", DefaultValueFactory = _ => 8 };
        var startX = new Option<double>("--start-x") { Description = "Start position x in metres on the map.", DefaultValueFactory = _ => 0 };
        var startY = new Option<double>("--start-y") { Description = "Start position y in metres on the map.", DefaultValueFactory = _ => 0 };
        var map = new Option<string>("--map") { Description = "The map the vehicles drive on.", DefaultValueFactory = _ => "huu-nghi" };
        var startNode = new Option<string>("--start-node") { Description = "The node the vehicles stand on at start (their lastNodeId).", DefaultValueFactory = _ => "" };

        var simulate = new Command("simulate", "Run simulated VDA 5050 vehicles against a broker until Ctrl+C.")
            { broker, manufacturer, serial, count, vda, speed, startX, startY, map, startNode };
        simulate.SetAction(async (result, ct) =>
        {
            var address = Usage(() => BrokerAddress.Parse(result.GetValue(broker)!));
            var n = result.GetValue(count);
            if (n is < 1 or > 500) throw new UsageException($"--count {n} is not 1 to 500.");
            var ids = Usage(() => (n is null ? [result.GetValue(serial)!] : Enumerable.Range(1, n.Value).Select(i => $"{result.GetValue(serial)}-{i}"))
                .Select(s => new VehicleId(result.GetValue(manufacturer)!, s)).ToList());
            var version = Vda5050Version.Parse(result.GetValue(vda)!);
            var template = new SimulatedVehicleOptions(address, ids[0], version)
            {
                SpeedMetersPerSecond = result.GetValue(speed),
                StartX = result.GetValue(startX),
                StartY = result.GetValue(startY),
                MapId = result.GetValue(map)!,
                StartNodeId = result.GetValue(startNode)!,
            };
            Usage(template.Validated);

            var vehicles = new List<SimulatedVehicle>();
            try
            {
                foreach (var id in ids)
                {
                    var vehicle = await SimulatedVehicle.StartAsync(new SimulatedVehicleOptions(address, id, version)
                    {
                        SpeedMetersPerSecond = template.SpeedMetersPerSecond, StartX = template.StartX, StartY = template.StartY,
                        MapId = template.MapId, StartNodeId = template.StartNodeId,
                    }, TimeProvider.System, ct);
                    vehicles.Add(vehicle);
                    Console.WriteLine($"vehicle {id} online at {address} (VDA 5050 {version}): uagv/v2/{id.Manufacturer}/{id.SerialNumber}/{{order,instantActions,state,connection,factsheet}}");
                }
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // Ctrl+C: each vehicle announces OFFLINE below.
            }
            catch (MQTTnet.Exceptions.MqttCommunicationException e)
            {
                throw new IOException($"cannot reach the MQTT broker at {address}: {e.Message}", e);
            }
            finally
            {
                foreach (var vehicle in vehicles) await vehicle.DisposeAsync();
            }
        });
        return new Command("vehicle", "Simulated VDA 5050 vehicles.") { simulate };
    }

    private static T Usage<T>(Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", ""));
        }
        catch (FormatException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
