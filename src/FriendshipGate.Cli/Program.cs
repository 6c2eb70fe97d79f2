using System.CommandLine;
using FriendshipGate.Cli;

var root = new RootCommand("fgate: the FriendshipGate smart border-gate node, its tools and benchmarks.")
{
    DemoCommand.Create(),
    NodeCommand.Create(),
    KeysCommand.Create(),
    UsersCommand.Create(),
    EvidenceCommand.Create(),
    VerifyCommand.Create(),
    BenchCommand.Create(),
    VehicleCommand.Create(),
    QrCommand.Create(),
    SimulateCommand.Create(),
};
return await CliRunner.RunAsync(root, args);
