using Intelligence.Processors.Exceptions;
using Intelligence.Processors.Flow;

namespace Intelligence.Processors.Tests.Inventory;

/// <summary>Stands in for the exception queue in these tests: keeps every raise and resolve per exception id, in order.</summary>
public sealed class ExceptionLog : Fold<ExceptionLog.Entry>
{
    public override string Name => "exception-log";

    public override IReadOnlyCollection<Type> Consumes { get; } = [typeof(ExceptionRaised), typeof(ExceptionResolved)];

    protected override void Apply(Entry state, in Message message, IOutputs outputs)
    {
        switch (message.Body)
        {
            case ExceptionRaised raised:
                state.Category = raised.Category;
                state.Raised.Add(raised);
                state.Open = true;
                state.Events.Add($"raised@{message.At:HH:mm}");
                break;
            case ExceptionResolved resolved:
                state.Resolutions.Add(resolved.Resolution);
                state.Open = false;
                state.Events.Add($"resolved:{resolved.Resolution}@{message.At:HH:mm}");
                break;
        }
    }

    public sealed class Entry : FoldState
    {
        public string Category { get; set; } = "";
        public bool Open { get; set; }
        public List<ExceptionRaised> Raised { get; set; } = [];
        public List<string> Resolutions { get; set; } = [];
        public List<string> Events { get; set; } = [];
    }
}
