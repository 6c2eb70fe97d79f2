namespace FriendshipGate.Simulation;

/// <summary>
/// The waits of one run of a queue, gathered without storing them: the exact sum in ticks, how many waited at all,
/// the longest wait and line, and sums per batch of consecutive customers. The batch means give a confidence interval
/// for the mean wait out of one long run (successive waits are correlated; means of long batches nearly are not).
/// </summary>
internal sealed class WaitStatistics(int batches)
{
    public const int DefaultBatches = 20;

    private readonly long[] batchSums = new long[Math.Max(2, batches)];
    private readonly long[] batchCounts = new long[Math.Max(2, batches)];
    private long sum, waited, longest, customers, batchSize, leftInBatch;
    private int batch, longestLine;

    public void Start(long expectedCustomers)
    {
        Array.Clear(batchSums);
        Array.Clear(batchCounts);
        sum = waited = longest = customers = 0;
        longestLine = batch = 0;
        batchSize = Math.Max(1, expectedCustomers / batchSums.Length);
        leftInBatch = batchSize;
    }

    public void Wait(long ticks)
    {
        sum += ticks;
        customers++;
        if (ticks > 0) waited++;
        if (ticks > longest) longest = ticks;
        batchSums[batch] += ticks;
        batchCounts[batch]++;
        // The last batch takes the remainder rather than starting a short one.
        if (--leftInBatch == 0 && batch < batchSums.Length - 1)
        {
            batch++;
            leftInBatch = batchSize;
        }
    }

    public void LineLength(int length)
    {
        if (length > longestLine) longestLine = length;
    }

    public MmcResult Result(long expectedCustomers, long engineEvents, double simulatedSeconds)
    {
        if (customers != expectedCustomers) throw new InvalidOperationException($"{customers} waits recorded for {expectedCustomers} customers.");
        ConfidenceInterval? interval = null;
        if (batchCounts.All(c => c > 0))
        {
            Span<double> means = stackalloc double[batchSums.Length];
            for (var i = 0; i < means.Length; i++) means[i] = SimulationTime.ToSeconds(batchSums[i]) / batchCounts[i];
            interval = ConfidenceInterval.Of(means);
        }
        return new MmcResult(customers, SimulationTime.ToSeconds(sum) / customers, waited / (double)customers,
            SimulationTime.ToSeconds(longest), longestLine, interval, engineEvents, simulatedSeconds);
    }
}
