namespace FriendshipGate.Simulation;

/// <summary>
/// The closed-form M/M/c results the simulated queue is checked against. With c servers, arrival rate λ, service rate
/// μ per server and offered load a = λ/μ (&lt; c for a stable queue), Erlang's C formula is the probability that an
/// arriving customer has to wait, and the mean wait in the queue is Wq = C(c, a) / (cμ − λ).
/// </summary>
internal static class ErlangC
{
    /// <summary>
    /// C(c, a), computed through Erlang B's recurrence B(k) = a·B(k−1) / (k + a·B(k−1)), B(0) = 1, and
    /// C = c·B / (c − a·(1 − B)): no factorials or powers, so it stays exact in doubles for thousands of servers.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No servers, a negative load, or a load of c or more (the queue grows without end).</exception>
    public static double ProbabilityOfWaiting(int servers, double offeredLoad)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        ArgumentOutOfRangeException.ThrowIfNegative(offeredLoad);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(offeredLoad, servers);
        var blocking = 1.0;
        for (var k = 1; k <= servers; k++) blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
        return servers * blocking / (servers - offeredLoad * (1 - blocking));
    }

    /// <summary>Wq = C(c, λ/μ) / (cμ − λ), in the unit of 1/μ (seconds for rates per second).</summary>
    public static double MeanWait(int servers, double arrivalRate, double serviceRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(serviceRate);
        return ProbabilityOfWaiting(servers, arrivalRate / serviceRate) / (servers * serviceRate - arrivalRate);
    }
}
