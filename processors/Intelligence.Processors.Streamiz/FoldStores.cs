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

    private static IKeyValueBytesStoreSupplier Supplier(string name, StoreKind kind) => kind switch
    {
        StoreKind.InMemory => Stores.InMemoryKeyValueStore(name),
        _ => Stores.PersistentKeyValueStore(name),
    };
}
