using Streamiz.Kafka.Net;
using Streamiz.Kafka.Net.Processors.Public;
using Streamiz.Kafka.Net.SerDes;
using Streamiz.Kafka.Net.Stream;
using FoldTopology = Intelligence.Processors.Flow.Topology;
using KafkaTopology = Streamiz.Kafka.Net.Stream.Topology;

namespace Intelligence.Processors.Streamiz;

/// <summary>
/// Turns the processors' <see cref="FoldTopology"/> into a Streamiz topology with two sub-topologies:
/// <list type="number">
/// <item><c>events → event-intake → messages | dead letters</c>: read, dead-letter, route.</item>
/// <item><c>messages → fold-messages (every fold's store) → messages | outputs | dead letters | alerts</c>.</item>
/// </list>
/// Every fold input travels through the messages topic keyed by the key whose state it changes, so
/// a key's state lives in the partition of that key, whichever event or fold it came from.
/// </summary>
public static class KafkaFoldTopology
{
    public static KafkaTopology Build(FoldTopology topology, KafkaProcessingOptions options)
    {
        var builder = new StreamBuilder();
        foreach (var fold in topology.Folds)
        {
            builder.AddStateStore(FoldStores.ForFold(fold, options.Stores));
        }

        builder.AddStateStore(FoldStores.ForStreamTime(options.Stores));

        var intake = builder.Stream(options.EventsTopic, new StringSerDes(), new ByteArraySerDes(), "events")
            .Transform(TransformerBuilder.New<string, byte[], string, byte[]>().Transformer<EventIntake>(topology).Build(),
                EventIntake.Name, FoldStores.StreamTime);
        ToSinks(intake, EventIntake.Name, options);

        var folding = builder.Stream(options.MessagesTopic, new StringSerDes(), new ByteArraySerDes(), "messages")
            .Transform(TransformerBuilder.New<string, byte[], string, byte[]>().Transformer<MessageFolding>(topology).Build(),
                MessageFolding.Name, topology.Folds.Select(f => f.Name).ToArray());
        ToSinks(folding, MessageFolding.Name, options);

        return builder.Build();
    }

    private static void ToSinks(IKStream<string, byte[]> stream, string processor, KafkaProcessingOptions options)
    {
        stream.To(options.MessagesTopic, new StringSerDes(), new ByteArraySerDes(), Sinks.Messages(processor));
        stream.To(options.OutputsTopic, new StringSerDes(), new ByteArraySerDes(), Sinks.Outputs(processor));
        stream.To(options.DeadLetterTopic, new StringSerDes(), new ByteArraySerDes(), Sinks.DeadLetters(processor));
        stream.To(options.AlertsTopic, new StringSerDes(), new ByteArraySerDes(), Sinks.Alerts(processor));
    }
}
