using System.Buffers;
using System.Reflection;
using Intelligence.Analytics.RowBinary;
using Intelligence.Processors.Flow;

namespace Intelligence.Embedded.Processing;

/// <summary>
/// Output rows as one RowBinaryWithNamesAndTypes insert body. The columns are exactly the properties
/// <see cref="RowJson"/> writes (snake_case, no routing properties), so a table holds the same values
/// whichever form its rows took; each row type's writer is compiled once, on its first row.
/// </summary>
public sealed class RowBatchBinary(TableColumns columns)
{
    private readonly Dictionary<Type, RowBinaryPlan<OutputRow>> _plans = [];

    public void Write(string table, IReadOnlyList<OutputRow> rows, IBufferWriter<byte> buffer)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var plan = PlanFor(rows[0].GetType(), table);
        plan.WriteHeader(buffer);
        foreach (var row in rows)
        {
            var rowPlan = row.GetType() == plan.RowType ? plan : PlanFor(row.GetType(), table);
            if (!ReferenceEquals(rowPlan, plan) && !rowPlan.Names.SequenceEqual(plan.Names, StringComparer.Ordinal))
            {
                throw new InvalidOperationException(
                    $"Rows of {plan.RowType.Name} and {rowPlan.RowType.Name} share table '{table}' with different columns: one insert has one header.");
            }

            rowPlan.Write(row, buffer);
        }
    }

    private RowBinaryPlan<OutputRow> PlanFor(Type type, string table)
    {
        if (!_plans.TryGetValue(type, out var plan))
        {
            var properties = RowJson.Options.GetTypeInfo(type).Properties.Select(p => (p.Name, p.AttributeProvider as PropertyInfo
                ?? throw new InvalidOperationException($"{type.Name}.{p.Name} is not a property.")));
            _plans[type] = plan = RowBinaryPlan.Compile<OutputRow>(type, properties, table, columns.Of(table));
        }

        return plan;
    }
}
