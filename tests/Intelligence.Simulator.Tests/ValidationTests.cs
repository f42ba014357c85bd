using Intelligence.Contracts;
using Intelligence.Contracts.Validation;

namespace Intelligence.Simulator.Tests;

/// <summary>Every input goes through the contracts' reader at the moment it is sent, as ingest would read it.</summary>
public class ValidationTests
{
    private static readonly HashSet<RejectReason> BrokenBytes = [RejectReason.MalformedJson, RejectReason.InvalidEncoding];

    private static readonly HashSet<RejectReason> BrokenRules =
    [
        RejectReason.MissingField, RejectReason.WrongType, RejectReason.InvalidValue, RejectReason.UnknownType,
        RejectReason.UnknownSchemaVersion, RejectReason.EventTimeInFuture, RejectReason.UnknownField,
    ];

    private static ObservedRun Run => ObservedRun.Busy(50_000);

    [Fact]
    public void Every_clean_input_is_accepted_when_it_is_sent()
    {
        var refused = Run.Inputs
            .Where(i => i.Kind is InputKind.Clean or InputKind.Duplicate or InputKind.OutOfOrder or InputKind.Late && i.Event is null)
            .Select(i => $"{i.Kind} #{i.Index}: {i.Rejection}")
            .Take(5)
            .ToList();

        Assert.Empty(refused);
    }

    [Fact]
    public void Event_times_never_run_ahead_of_the_clock()
    {
        Assert.All(Run.Inputs.Where(i => i.Event is not null), i => Assert.True(i.Event!.OccurredAt <= i.SentAt));
    }

    [Fact]
    public void The_clock_never_goes_backwards()
    {
        Assert.All(Run.Inputs.Skip(1).Zip(Run.Inputs), p => Assert.True(p.First.SentAt >= p.Second.SentAt));
    }

    [Fact]
    public void Malformed_inputs_are_rejected_as_broken_json_or_encoding()
    {
        var malformed = Run.Inputs.Where(i => i.Kind == InputKind.Malformed).ToList();

        Assert.NotEmpty(malformed);
        Assert.All(malformed, i => Assert.Contains(i.Rejection!.Reason, BrokenBytes));
        Assert.Equal(BrokenBytes, malformed.Select(i => i.Rejection!.Reason).ToHashSet());
    }

    [Fact]
    public void Schema_violations_are_rejected_for_every_kind_of_broken_rule()
    {
        var violations = Run.Inputs.Where(i => i.Kind == InputKind.SchemaViolation).ToList();

        Assert.NotEmpty(violations);
        Assert.All(violations, i => Assert.Contains(i.Rejection!.Reason, BrokenRules));
        Assert.Equal(BrokenRules, violations.Select(i => i.Rejection!.Reason).ToHashSet());
    }

    [Fact]
    public void Bad_inputs_never_reuse_a_real_event_id()
    {
        var realIds = Run.World.Select(e => e.Id).ToHashSet();
        var badIds = Run.Inputs.Where(i => i.Kind is InputKind.Malformed or InputKind.SchemaViolation)
            .Select(i => IdOf(i.Json)).OfType<string>();

        Assert.DoesNotContain(badIds, realIds.Contains);
    }

    [Theory]
    [InlineData(InputKind.Malformed)]
    [InlineData(InputKind.SchemaViolation)]
    [InlineData(InputKind.Duplicate)]
    [InlineData(InputKind.OutOfOrder)]
    [InlineData(InputKind.Late)]
    public void Each_bad_input_fraction_is_close_to_what_was_asked(InputKind kind)
    {
        var asked = kind switch
        {
            InputKind.Malformed => BadInputOptions.Default.Malformed,
            InputKind.SchemaViolation => BadInputOptions.Default.SchemaViolations,
            InputKind.Duplicate => BadInputOptions.Default.Duplicates,
            InputKind.OutOfOrder => BadInputOptions.Default.OutOfOrder,
            _ => BadInputOptions.Default.Late,
        };

        var actual = Run.Inputs.Count(i => i.Kind == kind) / (double)Run.Inputs.Count;

        Assert.InRange(actual, asked * 0.9, asked * 1.1);
    }

    [Fact]
    public void Large_fractions_are_honoured_too()
    {
        var options = new SimulationOptions { Events = 50_000, BadInput = new BadInputOptions { Duplicates = 0.3, OutOfOrder = 0.1, Late = 0.03 } };
        var inputs = new RetailSimulator(options).Generate().ToList();

        Assert.All(
            new[] { (InputKind.Duplicate, 0.3), (InputKind.OutOfOrder, 0.1), (InputKind.Late, 0.03) },
            asked =>
            {
                var actual = inputs.Count(i => i.Kind == asked.Item1) / (double)inputs.Count;
                Assert.True(Math.Abs(actual - asked.Item2) <= asked.Item2 * 0.1, $"{asked.Item1}: {actual:P2} against {asked.Item2:P2}");
            });
    }

    [Fact]
    public void Without_bad_input_every_input_is_clean()
    {
        Assert.All(ObservedRun.Clean(50_000).Inputs, i => Assert.Equal(InputKind.Clean, i.Kind));
    }

    [Fact]
    public void Duplicates_repeat_an_earlier_event_id_and_bytes()
    {
        var sent = new Dictionary<string, byte[]>();
        foreach (var input in Run.Inputs.Where(i => i.Event is not null))
        {
            if (input.Kind == InputKind.Duplicate)
            {
                Assert.True(sent.TryGetValue(input.Event!.Id, out var original), $"duplicate {input.Event.Id} was never sent before");
                Assert.True(original.AsSpan().SequenceEqual(input.Json));
            }
            else
            {
                Assert.True(sent.TryAdd(input.Event!.Id, input.Json), $"{input.Event.Id} sent twice without being a duplicate");
            }
        }
    }

    [Fact]
    public void Out_of_order_inputs_arrive_after_newer_events()
    {
        var newest = DateTimeOffset.MinValue;
        foreach (var input in Run.Inputs.Where(i => i.Event is not null && i.Kind != InputKind.Duplicate))
        {
            if (input.Kind == InputKind.OutOfOrder)
            {
                Assert.True(input.Event!.OccurredAt < newest, $"#{input.Index} was not overtaken");
                Assert.True(input.SentAt - input.Event.OccurredAt < TimeSpan.FromHours(1));
            }

            newest = input.Event!.OccurredAt > newest ? input.Event.OccurredAt : newest;
        }
    }

    [Fact]
    public void Late_inputs_are_sent_hours_after_they_happened()
    {
        var late = Run.Inputs.Where(i => i.Kind == InputKind.Late).ToList();

        Assert.NotEmpty(late);
        Assert.All(late, i => Assert.InRange(i.SentAt - i.Event!.OccurredAt, TimeSpan.FromHours(1), TimeSpan.FromDays(365)));
    }

    [Fact]
    public void Events_of_one_key_are_sent_in_the_order_they_happened()
    {
        var last = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in Run.World)
        {
            if (last.TryGetValue(e.Key, out var previous))
            {
                Assert.True(e.OccurredAt >= previous, $"{e.Type} {e.Id} for {e.Key} overtook an event of the same key");
            }

            last[e.Key] = e.OccurredAt;
        }
    }

    private static string? IdOf(byte[] json)
    {
        try
        {
            return System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("id").GetString();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
