using System.Reflection;
using Intelligence.Processors.Flow;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.State;
using Streamiz.Kafka.Net.State.Supplier;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// The state stores of the Kafka topology. Each fold's store is named exactly <see cref="IFold.Name"/>,
/// keyed by the fold's key, holding the state's JSON, and changelogged (topic
/// <c>{application id}-{fold name}-changelog</c>) so a lost instance's stores are rebuilt from Kafka.
/// </summary>
public static class FoldStores
{
    /// <summary>The latest event time seen per events partition; a dot keeps it apart from fold names.</summary>
    public const string StreamTime = "intelligence.stream-time";

    public static IStoreBuilder ForFold(IFold fold, StoreKind kind) =>
        Stores.KeyValueStoreBuilder(Supplier(fold.Name, kind), new StringSerDes(), new ByteArraySerDes())
            .WithLoggingEnabled(new Dictionary<string, string>());

    public static IStoreBuilder ForStreamTime(StoreKind kind) =>
        Stores.KeyValueStoreBuilder(Supplier(StreamTime, kind), new StringSerDes(), new Int64SerDes())
            .WithLoggingEnabled(new Dictionary<string, string>());

    /// <summary>
    /// Whether a fold may ever want a tick or retire a key: a <see cref="Fold{TState}"/> that overrides
    /// neither <c>DueAt</c> nor <c>RetireAt</c> never does, so its store need not be scanned when a
    /// task rebuilds its timers.
    /// </summary>
    public static bool MayHaveTimers(IFold fold) => Overrides(fold, "DueAt") || Overrides(fold, "RetireAt");

    private static bool Overrides(IFold fold, string method)
    {
        var found = fold.GetType().GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic, [fold.StateType]);
        return found?.DeclaringType is not { IsGenericType: true } declaring || declaring.GetGenericTypeDefinition() != typeof(Fold<>);
    }

    private static IKeyValueBytesStoreSupplier Supplier(string name, StoreKind kind) => kind switch
    {
        StoreKind.InMemory => Stores.InMemoryKeyValueStore(name),
        _ => Stores.PersistentKeyValueStore(name),
    };
}
