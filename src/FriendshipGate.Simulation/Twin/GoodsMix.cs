using FriendshipGate.Clearance;

namespace FriendshipGate.Simulation.Twin;

/// <summary>One kind of load: its HS code (VN 8-digit), price per kg and whether it is fresh (perishable) and under quarantine.</summary>
internal sealed record Goods(string Code, string Name, double PricePerKg, bool Perishable, bool Quarantine, double Weight);

/// <summary>
/// The pilot goods of the gate pair (ARCHITECTURE.md): fresh fruit for the perishable share, electronic components and
/// dry agricultural goods for the rest, and a pool of traders whose declaration history the real risk rules read.
/// The goods codes are those the shipped risk rules look at (081060 durian, 081090 dragon fruit, 8542 ICs, ...), and each is
/// a code the real validation accepts: mapped to Chinese codes in the shipped crosswalk and, for fruit, licensed by a
/// protocol (the demo lodges these loads as declarations).
/// </summary>
internal sealed class GoodsMix
{
    private static readonly Goods[] Fresh =
    [
        new("08106000", "durian", 3.0, true, true, 5), new("08109092", "dragon fruit", 0.9, true, true, 2),
        new("08109020", "lychee", 1.2, true, true, 1), new("08109030", "rambutan", 1.0, true, true, 1),
        new("08109010", "longan", 1.5, true, true, 1),
    ];

    private static readonly Goods[] Dry =
    [
        new("85423100", "integrated circuits", 600, false, false, 6),
        new("09041120", "black pepper", 3.5, false, true, 1), new("09096120", "star anise", 4.0, false, true, 1),
    ];

    /// <summary>The fruit a season may weigh differently (<see cref="Season.Fresh"/>).</summary>
    public static IReadOnlyList<string> FreshNames { get; } = [.. Fresh.Select(g => g.Name)];

    private readonly DiscreteDistribution<Goods> fresh = new([.. Fresh.Select(g => (g, g.Weight))]);
    private readonly Dictionary<Season, DiscreteDistribution<Goods>> freshBySeason = new(ReferenceEqualityComparer.Instance);
    private readonly DiscreteDistribution<Goods> dry = new([.. Dry.Select(g => (g, g.Weight))]);
    private readonly double perishableShare;
    private readonly int[] priorDeclarations;
    private readonly bool[] aeo;

    public GoodsMix(Scenario scenario, ulong seed)
    {
        perishableShare = scenario.PerishableShare;
        var random = new RandomStream(seed, TwinStreams.Traders);
        priorDeclarations = new int[scenario.Traders];
        aeo = new bool[scenario.Traders];
        for (var i = 0; i < scenario.Traders; i++)
        {
            aeo[i] = random.Bernoulli(scenario.AeoTraderShare);
            // Most traders are regulars; a few are new to the route, which the rules for new traders look at.
            priorDeclarations[i] = random.Bernoulli(0.9) ? 10 + random.NextInt32(200) : 0;
        }
    }

    /// <summary>Each trader's declarations so far (as ids the subjects name), which the risk rules for new traders look at.</summary>
    public IReadOnlyList<(string Trader, long Declarations)> History() =>
        [.. Enumerable.Range(0, priorDeclarations.Length).Select(i => (TraderId(i), (long)priorDeclarations[i]))];

    /// <summary>The traders that hold AEO status (as ids the subjects name).</summary>
    public IReadOnlyList<string> AeoTraderIds() => [.. Enumerable.Range(0, aeo.Length).Where(i => aeo[i]).Select(TraderId)];

    private static string TraderId(int trader) => $"trader-{trader:D4}";

    /// <summary>The risk subject of one truck's export declaration (VN side), as the Clearance module builds it from a declaration.</summary>
    /// <param name="season">The season of the day the truck comes (null: an ordinary day), which may change the mix.</param>
    public (RiskSubject Subject, bool Perishable) Next(string declarationId, RandomStream random, bool aeoRecognised, Season? season = null)
    {
        var goods = random.Bernoulli(season?.PerishableShare ?? perishableShare) ? FreshOf(season).Sample(random) : dry.Sample(random);
        var trader = random.NextInt32(priorDeclarations.Length);
        var netKg = Math.Round(random.Uniform(12_000, 26_000));
        // Packing adds 8-20 % (crates, ice); the rules flag fruit above 1.25, dragon fruit above 1.3.
        var grossKg = Math.Round(netKg * random.Uniform(1.08, 1.2));
        // Most loads are priced about right; one in fifty is declared far below its price, which value rules catch.
        var price = goods.PricePerKg * (random.Bernoulli(0.02) ? 0.1 : random.Uniform(0.8, 1.2));
        var item = new RiskItem(goods.Code, "VN", (decimal)netKg, (decimal)grossKg, Math.Round((decimal)(netKg * price), 2), "USD", goods.Quarantine, goods.Perishable);
        var subject = new RiskSubject(declarationId, "VN", "export", "road", [item], [TraderId(trader)],
            aeoRecognised && aeo[trader], new RiskHistory(priorDeclarations[trader], 0, 0));
        priorDeclarations[trader]++;
        return (subject, goods.Perishable);
    }

    private DiscreteDistribution<Goods> FreshOf(Season? season)
    {
        if (season?.Fresh is not { } weights) return fresh;
        if (!freshBySeason.TryGetValue(season, out var mix))
            freshBySeason[season] = mix = new([.. Fresh.Select(g => (g, weights.GetValueOrDefault(g.Name)))]);
        return mix;
    }
}

/// <summary>The random streams of a seed: each source its own, so both policies see the same trucks and goods.</summary>
internal static class TwinStreams
{
    public const ulong Arrivals = 1, Goods = 2, Traders = 3, Service = 4, Appointments = 5, Crossing = 6, Fleet = 7, Breakdowns = 8;
}
