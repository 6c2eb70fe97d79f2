using System.Threading.Channels;
using FriendshipGate.Exchange;
using FriendshipGate.Storage;

namespace FriendshipGate.Payments.Ledger;

/// <summary>
/// Group commit for the ledger, as TigerBeetle batches: commands that arrive while a transaction is being written wait for the
/// next one and are applied together (up to <see cref="PaymentsOptions.MaxBatch"/>), one writer, one transaction, one commit.
/// Each caller is answered only after the commit that holds its command: durable before acknowledged. A failed batch is
/// retried one command at a time, so one bad command fails alone.
/// </summary>
public sealed class LedgerWriter : IAsyncDisposable
{
    private readonly NodeDatabase database;
    private readonly LedgerStore store;
    private readonly TimeProvider time;
    private readonly int maxBatch;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task worker;
    private long batches, commands;

    private sealed record Pending(LedgerCommand Command, TaskCompletionSource<LedgerOutcome> Done);

    /// <param name="feeReferences">Told, inside each batch's transaction, of the fees the batch paid or cancelled (the node host's link to the Gate).</param>
    public LedgerWriter(NodeDatabase database, PaymentsOptions options, TimeProvider time, Fees.IFeeReferences? feeReferences = null)
    {
        this.database = database;
        this.time = time;
        store = new LedgerStore(options, feeReferences);
        maxBatch = options.MaxBatch;
        worker = Task.Run(RunAsync);
    }

    /// <summary>Transactions written and commands in them so far (the mean batch size is their ratio).</summary>
    public (long Batches, long Commands) Written => (Interlocked.Read(ref batches), Interlocked.Read(ref commands));

    internal Task<LedgerOutcome> SubmitAsync(LedgerCommand command, CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource<LedgerOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!queue.Writer.TryWrite(new Pending(command, done))) throw new ObjectDisposedException(nameof(LedgerWriter));
        // A caller that gives up is answered at once; its command may still commit, as with any request cut short. An
        // idempotency key makes the retry safe.
        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        var batch = new List<Pending>(maxBatch);
        var pendingCommands = new List<LedgerCommand>(maxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            pendingCommands.Clear();
            while (batch.Count < maxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
                pendingCommands.Add(next.Command);
            }
            try
            {
                var outcomes = await WriteAsync(pendingCommands);
                for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(outcomes[i]);
            }
            catch when (batch.Count > 1)
            {
                foreach (var pending in batch)
                {
                    try { pending.Done.TrySetResult((await WriteAsync([pending.Command]))[0]); }
                    catch (Exception e) { pending.Done.TrySetException(e); }
                }
            }
            catch (Exception e)
            {
                batch[0].Done.TrySetException(e);
            }
        }
    }

    private async Task<LedgerOutcome[]> WriteAsync(IReadOnlyList<LedgerCommand> commands)
    {
        try
        {
            return await WriteBatchAsync(commands);
        }
        catch
        {
            store.ForgetCommitted();
            throw;
        }
    }

    private Task<LedgerOutcome[]> WriteBatchAsync(IReadOnlyList<LedgerCommand> commands) => database.WriteAsync(async tx =>
    {
        // One clock reading per batch, in whole milliseconds (what the tables hold), so an answer and a later read agree.
        var now = WireJson.Truncate(time.GetUtcNow());
        var batch = await store.LoadAsync(tx, commands, now, CancellationToken.None);
        var outcomes = new LedgerOutcome[commands.Count];
        for (var i = 0; i < commands.Count; i++) outcomes[i] = batch.Apply(commands[i]);
        await store.SaveAsync(tx, batch, CancellationToken.None);
        tx.OnCommitted(() =>
        {
            Interlocked.Increment(ref batches);
            Interlocked.Add(ref this.commands, commands.Count);
        });
        return outcomes;
    });

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await worker;
    }
}
