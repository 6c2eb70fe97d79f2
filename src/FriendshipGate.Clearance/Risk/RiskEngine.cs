using System.Globalization;
using FriendshipGate.Exchange;

namespace FriendshipGate.Clearance;

/// <summary>
/// Lane selection as ASYCUDA does it, deterministic for a seed: (1) criteria: every enabled rule whose conditions hold
/// fires and the most severe lane among them is selected; (2) random: each more severe lane is drawn at its random rate
/// (times the AEO factor); (3) top-up: while a lane's share of the window is under its expected rate, it is selected
/// with a probability that grows with the shortfall, so the shares converge on the expected rates.
/// </summary>
public sealed class RiskEngine
{
    /// <summary>Decisions the window starts with, as if made at the expected rates, so the first few are not all topped up.</summary>
    public const int PriorDecisions = 100;

    /// <summary>How hard top-up pulls toward the expected rate: at steady state the share sits within 1/Gain of it (relative).</summary>
    public const double Gain = 20;

    private readonly RiskRuleSet rules;
    private readonly Dictionary<string, List<RiskRule>> byPrefix = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RiskRule>>.AlternateLookup<ReadOnlySpan<char>> byPrefixSpan;
    private readonly List<RiskRule> withoutPrefix = [];
    private readonly int longestPrefix;

    public RiskEngine(RiskRuleSet rules)
    {
        this.rules = rules;
        foreach (var rule in rules.Rules.Where(r => r.Enabled))
        {
            if (rule.When.CommodityPrefixes is not { Count: > 0 } prefixes) withoutPrefix.Add(rule);
            else
                foreach (var prefix in prefixes.Distinct())
                {
                    (byPrefix.TryGetValue(prefix, out var list) ? list : byPrefix[prefix] = []).Add(rule);
                    longestPrefix = Math.Max(longestPrefix, prefix.Length);
                }
        }
        // Looked up by slices of the item's code, so a decision allocates no substrings.
        byPrefixSpan = byPrefix.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public RiskRuleSet Rules => rules;

    public static int Severity(string lane) => lane switch { RiskLanes.Red => 3, RiskLanes.Yellow => 2, RiskLanes.Blue => 1, _ => 0 };

    /// <summary>The seed of one decision: the selection's base seed mixed with the declaration's id (FNV-1a), stable across machines.</summary>
    public static ulong SeedFor(ulong baseSeed, string declarationId)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in declarationId) hash = unchecked((hash ^ c) * 1099511628211UL);
        return SplitMix64.Mix(baseSeed ^ hash);
    }

    public RiskDecision Decide(RiskSubject subject, ulong seed, LaneCounts countsBefore)
    {
        var reasons = new List<RiskReason>();
        var lane = RiskLanes.Green;
        foreach (var rule in Candidates(subject))
            if (Holds(rule.When, subject, out var matched))
            {
                reasons.Add(new RiskReason(RiskReason.Rule, rule.Id, rule.Lane, Explain(rule, matched)));
                if (Severity(rule.Lane) > Severity(lane)) lane = rule.Lane;
            }

        var random = new SplitMix64(seed);
        foreach (var candidate in RiskRuleSet.SelectableLanes)
        {
            var rate = rules.Random(candidate) * (subject.AeoRecognised ? rules.AeoRandomRateFactor : 1);
            var draw = random.NextDouble();
            if (Severity(candidate) <= Severity(lane) || rate <= 0 || draw >= rate) continue;
            lane = candidate;
            reasons.Add(new RiskReason(RiskReason.Random, null, candidate, Text(
                $"Chọn ngẫu nhiên: {draw:0.0000} < tỷ lệ {rate:0.####} của luồng {candidate}",
                $"随机抽取：{draw:0.0000} 低于 {candidate} 通道比率 {rate:0.####}",
                $"random draw {draw:0.0000} below the {candidate} rate {rate:0.####}")));
        }
        if (subject.AeoRecognised && rules.AeoRandomRateFactor < 1)
            reasons.Add(new RiskReason(RiskReason.AeoBenefit, null, lane, Text(
                $"Doanh nghiệp ưu tiên (AEO): tỷ lệ ngẫu nhiên × {rules.AeoRandomRateFactor:0.##}", $"认证企业（AEO）：随机比率 × {rules.AeoRandomRateFactor:0.##}",
                $"recognised AEO: random rates × {rules.AeoRandomRateFactor:0.##}{(rules.AeoTopUp ? "" : ", no top-up")}")));

        if (!subject.AeoRecognised || rules.AeoTopUp)
            foreach (var candidate in RiskRuleSet.SelectableLanes)
            {
                var expected = rules.Expected(candidate);
                var draw = random.NextDouble();
                if (Severity(candidate) <= Severity(lane) || expected <= 0) continue;
                var share = (countsBefore.Of(candidate) + expected * PriorDecisions) / (countsBefore.Total + PriorDecisions);
                var probability = Math.Clamp(Gain * (expected - share) / expected, 0, 1);
                if (draw >= probability) continue;
                lane = candidate;
                reasons.Add(new RiskReason(RiskReason.TopUp, null, candidate, Text(
                    $"Bổ sung: tỷ lệ luồng {candidate} {share:P1} thấp hơn mức dự kiến {expected:P1}",
                    $"补足：{candidate} 通道占比 {share:P1} 低于预期 {expected:P1}",
                    $"{candidate} share {share:P1} below expected {expected:P1}")));
            }
        return new RiskDecision(subject.DeclarationId, lane, rules.Version, seed, reasons, countsBefore);
    }

    /// <summary>The rules that may fire: those without a code condition, and those indexed under a prefix of an item's code.</summary>
    private List<RiskRule> Candidates(RiskSubject subject)
    {
        var candidates = new List<RiskRule>(withoutPrefix);
        // Rules are records: compared by reference here, since value equality would walk every condition.
        var seen = new HashSet<RiskRule>(ReferenceEqualityComparer.Instance);
        foreach (var item in subject.Items)
        {
            var code = item.CommodityCode.AsSpan();
            for (var length = 1; length <= Math.Min(longestPrefix, code.Length); length++)
                if (byPrefixSpan.TryGetValue(code[..length], out var list))
                    foreach (var rule in list)
                        if (seen.Add(rule)) candidates.Add(rule);
        }
        return candidates;
    }

    private static bool Holds(RiskConditions when, RiskSubject subject, out RiskItem? matched)
    {
        matched = null;
        if (when.Flows is { } flows && !flows.Contains(subject.Flow)) return false;
        if (when.TransportModes is { } modes && !modes.Contains(subject.TransportMode)) return false;
        if (when.Traders is { } traders && !subject.TraderIds.Any(traders.Contains)) return false;
        if (when.Aeo is { } aeo && aeo != subject.AeoRecognised) return false;
        if (when.MinPriorDiscrepancies is { } min && subject.History.PriorDiscrepancies < min) return false;
        if (when.MaxPriorDeclarations is { } max && subject.History.PriorDeclarations > max) return false;
        if (!when.HasItemConditions) return true;
        foreach (var item in subject.Items)
            if (ItemHolds(when, item))
            {
                matched = item;
                return true;
            }
        return false;
    }

    private static bool ItemHolds(RiskConditions when, RiskItem item)
    {
        if (when.CommodityPrefixes is { } prefixes && !prefixes.Any(p => item.CommodityCode.StartsWith(p, StringComparison.Ordinal))) return false;
        if (when.Origins is { } origins && !origins.Contains(item.Origin)) return false;
        if (when.Quarantine is { } quarantine && quarantine != item.Quarantine) return false;
        if (when.Perishable is { } perishable && perishable != item.Perishable) return false;
        decimal? perKg = item.Value is { } value && item.NetKg > 0 ? value / item.NetKg : null;
        if (when.UnitValuePerKgBelow is { } below && (perKg is null || perKg >= below)) return false;
        if (when.UnitValuePerKgAbove is { } above && (perKg is null || perKg <= above)) return false;
        if (when.GrossToNetRatioAbove is { } ratio && (item.NetKg <= 0 || item.GrossKg / item.NetKg <= ratio)) return false;
        return true;
    }

    private static Trilingual Explain(RiskRule rule, RiskItem? item)
    {
        if (item is null) return rule.Title;
        var what = string.Create(CultureInfo.InvariantCulture, $"{item.CommodityCode}, {item.Origin}, {item.NetKg} kg, {item.Value} {item.Currency}");
        return new Trilingual(
            rule.Title.Vi is { } vi ? $"{vi} — mặt hàng {what}" : null,
            rule.Title.Zh is { } zh ? $"{zh} — 商品 {what}" : null,
            $"{rule.Title.En ?? rule.Title.Vi ?? rule.Title.Zh} — item {what}");
    }

    // Invariant formatting: a replay on any machine gives the very same text.
    private static Trilingual Text(FormattableString vi, FormattableString zh, FormattableString en) =>
        new(FormattableString.Invariant(vi), FormattableString.Invariant(zh), FormattableString.Invariant(en));
}

/// <summary>SplitMix64: a small, fast PRNG whose output is fixed by its published algorithm (System.Random's may change).</summary>
public struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public static ulong Mix(ulong z)
    {
        // Hashing wraps around by design (the build checks overflow elsewhere).
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    public ulong Next() => Mix(state = unchecked(state + 0x9E3779B97F4A7C15UL));

    /// <summary>Uniform in [0, 1), from the top 53 bits.</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
