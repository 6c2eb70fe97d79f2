using System.Numerics;

namespace FriendshipGate.Simulation;

/// <summary>
/// A seeded source of random numbers for the twin: xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64,
/// written out here rather than taken from <see cref="Random"/> so that the sequence is fixed by this file alone: the
/// same seed and stream give the same numbers on every run and every .NET version. (A seeded <see cref="Random"/> is
/// also kept stable by .NET for compatibility, but it is the older subtractive generator and slower.) The
/// distributions built on it use only IEEE-exact arithmetic plus <see cref="Math.Log(double)"/> and
/// <see cref="Math.Exp"/>: identical on one platform; another C library could differ in a last bit.
/// </summary>
/// <remarks>
/// Give each source of randomness in a model its own stream (arrivals, service times, ...): changing how many numbers
/// one of them draws then leaves the others' sequences alone, which keeps compared policies on common random numbers.
/// Not thread-safe; not for cryptography.
/// </remarks>
internal sealed partial class RandomStream
{
    private ulong s0, s1, s2, s3;

    /// <param name="seed">The run's seed.</param>
    /// <param name="stream">Which independent stream of that seed (0, 1, 2, ... for arrivals, service, ...).</param>
    public RandomStream(ulong seed, ulong stream = 0)
    {
        Seed = seed;
        Stream = stream;
        // SplitMix64 from a mix of seed and stream fills the 256-bit state (never all zero: SplitMix64 outputs are a bijection of distinct inputs).
        var mix = seed ^ unchecked(stream * 0xD1B54A32D192ED03UL);
        s0 = SplitMix64(ref mix);
        s1 = SplitMix64(ref mix);
        s2 = SplitMix64(ref mix);
        s3 = SplitMix64(ref mix);
    }

    public ulong Seed { get; }
    public ulong Stream { get; }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
            var t = s1 << 17;
            s2 ^= s0;
            s3 ^= s1;
            s1 ^= s2;
            s0 ^= s3;
            s2 ^= t;
            s3 = BitOperations.RotateLeft(s3, 45);
            return result;
        }
    }

    /// <summary>Uniform on [0, 1), in steps of 2^-53 (every double of that grid equally likely).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: never zero, so its logarithm is finite.</summary>
    public double NextDoubleNonZero() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    /// <summary>An integer uniform on [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire's multiply-and-reject).</summary>
    public long NextInt64(long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var range = (ulong)maxExclusive;
        var high = Math.BigMul(NextUInt64(), range, out var low);
        if (low < range)
        {
            var threshold = unchecked(0 - range) % range;
            while (low < threshold) high = Math.BigMul(NextUInt64(), range, out low);
        }
        return (long)high;
    }

    public int NextInt32(int maxExclusive) => (int)NextInt64(maxExclusive);

    /// <summary>An integer uniform on [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>).</summary>
    public long NextInt64(long minInclusive, long maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxExclusive, minInclusive);
        return minInclusive + NextInt64(maxExclusive - minInclusive);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
