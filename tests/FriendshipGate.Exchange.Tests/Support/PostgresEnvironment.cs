using Xunit.Abstractions;
using Xunit.Sdk;

namespace FriendshipGate.Exchange.Tests;

/// <summary>
/// Where the PostgreSQL tests find their server (env PG_CONN). Without it they are skipped on a developer's machine
/// and fail in CI (env CI=true), where a missing database must never pass for green.
/// </summary>
internal static class PostgresEnvironment
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("PG_CONN") is { Length: > 0 } conn ? conn : null;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the PostgreSQL tests are skipped here, or null when they run (or must fail, in CI).</summary>
    public static string? SkipReason => ConnectionString is null && !InCi
        ? "PostgreSQL tests need PG_CONN (e.g. Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=appdb); skipped outside CI."
        : null;

    /// <exception cref="InvalidOperationException">PG_CONN is not set (in CI, where the test then fails).</exception>
    public static string RequireConnectionString() => ConnectionString ?? throw new InvalidOperationException(
        "PG_CONN is not set but CI=true: PostgreSQL tests cannot be skipped in CI. Start PostgreSQL and export " +
        "PG_CONN=\"Host=127.0.0.1;Port=5432;Username=app;Password=app;Database=appdb\" (see test.sh).");
}

/// <summary>A PostgreSQL-only test: skipped when PG_CONN is empty and CI is not "true".</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresEnvironment.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>Marks a compliance class that runs its inherited <see cref="StoreFactAttribute"/> tests on PostgreSQL.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class PostgresStoreAttribute : Attribute
{
    /// <summary>"BUG: …" when a defect in src/ breaks every test of the class on PostgreSQL: they are all skipped with it.</summary>
    public string? Bug { get; init; }
}

/// <summary>
/// A test of an abstract storage compliance suite. The suite's methods are inherited by one class per engine, so the
/// skip cannot be decided on the method: it is decided per concrete class (see <see cref="PostgresStoreAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("FriendshipGate.Exchange.Tests.StoreFactDiscoverer", "FriendshipGate.Exchange.Tests")]
internal sealed class StoreFactAttribute : FactAttribute;

public sealed class StoreFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var postgres = testMethod.TestClass.Class.GetCustomAttributes(typeof(PostgresStoreAttribute)).FirstOrDefault();
        var skip = factAttribute.GetNamedArgument<string>(nameof(FactAttribute.Skip))
            ?? postgres?.GetNamedArgument<string>(nameof(PostgresStoreAttribute.Bug))
            ?? (postgres is null ? null : PostgresEnvironment.SkipReason);
        return skip is null
            ? [new XunitTestCase(diagnosticMessageSink, display, displayOptions, testMethod)]
            : [new XunitSkippedDataRowTestCase(diagnosticMessageSink, display, displayOptions, testMethod, skip)];
    }
}
