using Intelligence.Contracts;

namespace Intelligence.Processors.Flow;

/// <summary>
/// A stateless step from an event to signals under other keys (in Kafka, a flatMap before a
/// repartition): a pick keyed by order becomes a stock movement keyed by SKU@location. Events reach
/// folds that consume their payload type under the event's own key without any router.
/// </summary>
public interface IRouter
{
    IReadOnlyCollection<Type> Consumes { get; }

    void Route(RetailEvent e, IOutputs outputs);
}
