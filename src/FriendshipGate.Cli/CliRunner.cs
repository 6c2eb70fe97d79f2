using System.CommandLine;
using System.Text.Json;

namespace FriendshipGate.Cli;

/// <summary>Runs the command line: a usage error or a failure prints one plain line on stderr and exits non-zero.</summary>
internal static class CliRunner
{
    public const int Failed = 1;
    public const int UsageError = 2;

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var message = string.Join(' ', parsed.Errors[0].Message.Split(['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            await Console.Error.WriteLineAsync($"fgate: {message} (see 'fgate --help')");
            return UsageError;
        }
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or FormatException or InvalidDataException
            or UnauthorizedAccessException or HttpRequestException or JsonException or ArgumentException
            or System.Data.Common.DbException or Npgsql.NpgsqlException or UsageException)
        {
            await Console.Error.WriteLineAsync("fgate: " + e.Message.ReplaceLineEndings(" "));
            return e is UsageException ? UsageError : Failed;
        }
    }
}

/// <summary>A command was given arguments that cannot work together.</summary>
internal sealed class UsageException(string message) : Exception(message);
