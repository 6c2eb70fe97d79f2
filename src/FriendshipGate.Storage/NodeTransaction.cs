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
}
