using System.Data.Common;

namespace FriendshipGate.Storage;

/// <summary>An open write transaction; modules use <see cref="Connection"/> and <see cref="Transaction"/> with Dapper.</summary>
public sealed class NodeTransaction(NodeDatabase database, DbConnection connection, DbTransaction transaction)
{
    public NodeDatabase Database { get; } = database;
    public DbConnection Connection { get; } = connection;
    public DbTransaction Transaction { get; } = transaction;
    public DatabaseKind Kind => Database.Kind;

    /// <summary>Work to run once the transaction has committed (wake a dispatcher, update a cache).</summary>
    internal List<Action> AfterCommit { get; } = [];

    public void OnCommitted(Action action) => AfterCommit.Add(action);

    /// <summary>Work to run inside the transaction just before it commits (write what the steps of the transaction add up to).</summary>
    internal List<Func<Task>> BeforeCommit { get; } = [];

    public void OnCommitting(Func<Task> work) => BeforeCommit.Add(work);

    /// <summary>State a module keeps for the length of this transaction, created on first use.</summary>
    public T Item<T>(object key, Func<T> create) where T : class
    {
        if (items.TryGetValue(key, out var item)) return (T)item;
        var created = create();
        items[key] = created;
        return created;
    }

    private readonly Dictionary<object, object> items = [];
}
