namespace FriendshipGate.Simulation;

/// <summary>What one run of the M/M/c model measured; times in seconds of virtual time.</summary>
/// <param name="MeanWait">Mean time from arrival to start of service.</param>
/// <param name="WaitedShare">Share of customers who waited at all: the simulated counterpart of Erlang C.</param>
/// <param name="MeanWaitInterval">95 % interval for the mean wait from batch means; null if the run was too short for every batch to have a customer.</param>
/// <param name="EngineEvents">Events the scheduler ran: three per customer.</param>
internal sealed record MmcResult(
    long Customers, double MeanWait, double WaitedShare, double LongestWait, int LongestLine,
    ConfidenceInterval? MeanWaitInterval, long EngineEvents, double SimulatedSeconds);
