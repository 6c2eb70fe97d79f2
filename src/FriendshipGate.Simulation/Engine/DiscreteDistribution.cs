namespace FriendshipGate.Simulation;

/// <summary>
/// Picks one of a fixed set of values with given weights (a goods mix, a share of green/yellow/red lanes) in constant
/// time, by Walker's alias method as Vose arranged it: one uniform column and one uniform coin per pick, whatever the
/// number of values. The table is built once from the weights, deterministically.
/// </summary>
internal sealed class DiscreteDistribution<T>
{
    private readonly T[] values;
    private readonly double[] keep;    // probability of keeping column i rather than taking its alias
    private readonly int[] alias;

    /// <exception cref="ArgumentException">No values, or a weight that is negative or not finite, or all weights zero.</exception>
    public DiscreteDistribution(IReadOnlyList<(T Value, double Weight)> weighted)
    {
        var n = weighted.Count;
        if (n == 0) throw new ArgumentException("A discrete distribution needs at least one value.", nameof(weighted));
        var total = 0.0;
        foreach (var (_, weight) in weighted)
        {
            if (weight < 0 || !double.IsFinite(weight)) throw new ArgumentException($"Weight {weight} is not a finite non-negative number.", nameof(weighted));
            total += weight;
        }
        if (total <= 0) throw new ArgumentException("At least one weight must be positive.", nameof(weighted));

        values = weighted.Select(w => w.Value).ToArray();
        keep = new double[n];
        alias = new int[n];
        var scaled = weighted.Select(w => w.Weight * n / total).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--) (scaled[i] < 1 ? small : large).Push(i);
        while (small.Count > 0 && large.Count > 0)
        {
            var under = small.Pop();
            var over = large.Pop();
            keep[under] = scaled[under];
            alias[under] = over;
            scaled[over] = scaled[over] + scaled[under] - 1;
            (scaled[over] < 1 ? small : large).Push(over);
        }
        // What is left is 1 up to rounding.
        while (large.Count > 0) keep[large.Pop()] = 1;
        while (small.Count > 0) keep[small.Pop()] = 1;
    }

    public int Count => values.Length;

    public T Sample(RandomStream random)
    {
        var column = random.NextInt32(values.Length);
        return random.NextDouble() < keep[column] ? values[column] : values[alias[column]];
    }
}
