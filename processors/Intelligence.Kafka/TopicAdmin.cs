using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Intelligence.Kafka;

/// <summary>What creating one declared topic found.</summary>
public sealed record TopicOutcome(string Name, TopicStatus Status, int Partitions, string? Problem = null);

public enum TopicStatus
{
    Created,
    Existing,

    /// <summary>The topic exists with fewer partitions than declared: parallelism is lower than configured.</summary>
    FewerPartitions,
}

/// <summary>
/// Creates the catalogue's topics that do not exist yet. Idempotent: existing topics are left as
/// they are (a topic created by another instance meanwhile counts as existing), and one with fewer
/// partitions than declared is reported, not altered: adding partitions moves keys to other partitions,
/// which only an operator who has stopped the processors should do.
/// </summary>
public static class TopicAdmin
{
    public static async Task<IReadOnlyList<TopicOutcome>> EnsureAsync(IAdminClient admin, IReadOnlyList<TopicSpec> topics,
        TimeSpan timeout, string brokers)
    {
        var existing = Existing(admin, timeout, brokers);
        var missing = topics.Where(t => !existing.ContainsKey(t.Name)).ToList();
        var raced = new HashSet<string>(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            try
            {
                await admin.CreateTopicsAsync(missing.Select(Specification),
                    new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout }).ConfigureAwait(false);
            }
            catch (CreateTopicsException ex)
            {
                var failed = ex.Results.Where(r => r.Error.IsError && r.Error.Code != ErrorCode.TopicAlreadyExists).ToList();
                if (failed.Count > 0)
                {
                    throw new InvalidOperationException("Kafka refused to create " + string.Join("; ",
                        failed.Select(r => $"{r.Topic}: {r.Error.Reason}")) +
                        ". Check the broker's limits (replication factor at most the brokers running) and the user's ACLs.", ex);
                }

                raced.UnionWith(ex.Results.Where(r => r.Error.Code == ErrorCode.TopicAlreadyExists).Select(r => r.Topic));
            }
            catch (KafkaException ex)
            {
                throw KafkaUnreachableException.For(brokers, timeout, ex);
            }
        }

        return topics.Select(t => Outcome(t, existing, raced)).ToList();
    }

    /// <summary>Fails, naming the command that fixes it, when any of <paramref name="names"/> does not exist.</summary>
    public static void RequireExisting(IAdminClient admin, IEnumerable<string> names, TimeSpan timeout, string brokers)
    {
        var existing = Existing(admin, timeout, brokers);
        var missing = names.Where(t => !existing.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Topic(s) {string.Join(", ", missing)} do not exist on {brokers}; create them with ./intelligence topics --kafka {brokers}.");
        }
    }

    private static TopicOutcome Outcome(TopicSpec topic, Dictionary<string, int> existing, HashSet<string> raced)
    {
        if (!existing.TryGetValue(topic.Name, out var partitions))
        {
            return new TopicOutcome(topic.Name, raced.Contains(topic.Name) ? TopicStatus.Existing : TopicStatus.Created,
                topic.Partitions);
        }

        return partitions >= topic.Partitions
            ? new TopicOutcome(topic.Name, TopicStatus.Existing, partitions)
            : new TopicOutcome(topic.Name, TopicStatus.FewerPartitions, partitions,
                $"{topic.Name} has {partitions} partitions, {topic.Partitions} declared: at most {partitions} processor tasks share it");
    }

    private static Dictionary<string, int> Existing(IAdminClient admin, TimeSpan timeout, string brokers)
    {
        try
        {
            return admin.GetMetadata(timeout).Topics
                .Where(t => !t.Error.IsError)
                .ToDictionary(t => t.Topic, t => t.Partitions.Count, StringComparer.Ordinal);
        }
        catch (KafkaException ex)
        {
            throw KafkaUnreachableException.For(brokers, timeout, ex);
        }
    }

    private static TopicSpecification Specification(TopicSpec topic) => new()
    {
        Name = topic.Name,
        NumPartitions = topic.Partitions,
        ReplicationFactor = topic.ReplicationFactor,
        Configs = topic.Configs.ToDictionary(c => c.Key, c => c.Value),
    };
}
