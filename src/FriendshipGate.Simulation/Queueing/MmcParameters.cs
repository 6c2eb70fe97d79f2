namespace FriendshipGate.Simulation;

/// <summary>An M/M/c queue: Poisson arrivals at <see cref="ArrivalRate"/> per second, exponential service at <see cref="ServiceRate"/> per second per server, <see cref="Servers"/> servers, first come first served.</summary>
internal sealed record MmcParameters
{
    /// <exception cref="ArgumentOutOfRangeException">No servers, rates that are not positive, or a utilization of 1 or more.</exception>
    public MmcParameters(int servers, double arrivalRate, double serviceRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(servers);
        if (!(arrivalRate > 0) || !double.IsFinite(arrivalRate)) throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, "The arrival rate must be positive.");
        if (!(serviceRate > 0) || !double.IsFinite(serviceRate)) throw new ArgumentOutOfRangeException(nameof(serviceRate), serviceRate, "The service rate must be positive.");
        if (arrivalRate >= servers * serviceRate) throw new ArgumentOutOfRangeException(nameof(arrivalRate), arrivalRate, "Arrivals at or above the servers' capacity make a queue without end.");
        Servers = servers;
        ArrivalRate = arrivalRate;
        ServiceRate = serviceRate;
    }

    /// <summary>c servers each serving at <paramref name="serviceRate"/>, loaded to <paramref name="utilization"/> ρ = λ / (cμ).</summary>
    public static MmcParameters ForUtilization(int servers, double utilization, double serviceRate = 1.0) =>
        new(servers, utilization * servers * serviceRate, serviceRate);

    public int Servers { get; }
    public double ArrivalRate { get; }
    public double ServiceRate { get; }

    public double Utilization => ArrivalRate / (Servers * ServiceRate);
    public double OfferedLoad => ArrivalRate / ServiceRate;
    public double ErlangC => FriendshipGate.Simulation.ErlangC.ProbabilityOfWaiting(Servers, OfferedLoad);
    public double TheoreticalMeanWait => FriendshipGate.Simulation.ErlangC.MeanWait(Servers, ArrivalRate, ServiceRate);
}
