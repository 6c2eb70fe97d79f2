using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FriendshipGate.Bench;

/// <summary>A node running as its own OS process ('fgate node run'); can be killed for real (SIGKILL) and restarted.</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly FgateExecutable fgate;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    public NodeProcess(FgateExecutable fgate, string directory, string url, IReadOnlyDictionary<string, string>? environment = null)
    {
        this.fgate = fgate;
        Directory = directory;
        Url = url.TrimEnd('/') + "/";
        this.environment = environment ?? new Dictionary<string, string>();
    }

    public string Directory { get; }
    public string Url { get; }
    public string LogPath => Path.Combine(Directory, "node.log");
    public bool IsRunning => process is { HasExited: false };

    /// <summary>CPU time the node's process has used so far (user and system), zero when it is not running.</summary>
    public TimeSpan ProcessorTime => process is { HasExited: false } running ? running.TotalProcessorTime : TimeSpan.Zero;

    private static readonly HashSet<int> PortsHandedOut = [];

    /// <summary>
    /// A loopback port free now and never handed out before by this process: a node killed in a crash test leaves its port free
    /// until it restarts, and another node given that port meanwhile would answer in its place or fail to bind.
    /// </summary>
    public static string FreeLoopbackUrl()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (PortsHandedOut)
            {
                if (PortsHandedOut.Add(port)) return $"http://127.0.0.1:{port}";
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning) throw new InvalidOperationException("the node is running already.");
        var start = new ProcessStartInfo(fgate.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in fgate.PrefixArguments.Concat(["node", "run", "--dir", Directory])) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["FGATE_EXIT_WITH_PARENT"] = Environment.ProcessId.ToString();
        var log = new ProcessLog(LogPath);
        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitHealthyAsync(cancellationToken);
    }

    private async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"the node in {Directory} exited with code {process.ExitCode}: {Tail()}");
            try
            {
                using var response = await http.GetAsync(Url + "healthz", cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            await Task.Delay(100, cancellationToken);
        }
        throw new TimeoutException($"the node in {Directory} did not become healthy within 60 s: {Tail()}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, exactly like a power cut of the process.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    /// <summary>A graceful stop (SIGTERM), waiting for the process to end.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited) return;
        using var term = Process.Start("kill", ["-TERM", process.Id.ToString()]);
        await term.WaitForExitAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { await KillAsync(); }
    }

    public string Tail()
    {
        try { return string.Join(" | ", File.ReadLines(LogPath).TakeLast(5)); }
        catch (IOException) { return "(no log)"; }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
    }
}

/// <summary>The node's console output appended to its log file; lines arriving after the log was closed are dropped, not thrown.</summary>
internal sealed class ProcessLog(string path)
{
    private readonly StreamWriter writer = new(path, append: true) { AutoFlush = true };
    private int openStreams = 2;
    private bool closed;

    public void Write(string? line)
    {
        lock (writer)
        {
            if (closed) return;
            if (line is null)
            {
                // null marks the end of one of the two redirected streams.
                if (--openStreams == 0) Close();
                return;
            }
            writer.WriteLine(line);
        }
    }

    // Output lines may still arrive after the process's Exited event, so the file closes on the end of both streams instead.
    private void Close()
    {
        closed = true;
        writer.Dispose();
    }
}
