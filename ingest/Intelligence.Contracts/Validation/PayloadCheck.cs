namespace Intelligence.Contracts.Validation;

/// <summary>
/// Collects what is wrong with a payload. Rules are written as calls on this class so that every
/// event type states its required fields and value ranges the same way.
/// </summary>
public sealed class PayloadCheck
{
    /// <summary>Longest identifier or free-text field accepted, in characters.</summary>
    public const int MaxTextLength = 256;

    /// <summary>Largest quantity on a single line or movement; beyond it is a feed error, not retail.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>Largest money amount on one event.</summary>
    public const decimal MaxAmount = 100_000_000m;

    private readonly List<Rejection> _problems = [];

    public IReadOnlyList<Rejection> Problems => _problems;

    public bool Passed => _problems.Count == 0;

    public void Text(string? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            Invalid(field, "must not be empty");
        }
        else if (value.Length > MaxTextLength)
        {
            Invalid(field, $"is {value.Length} characters long; the limit is {MaxTextLength}");
        }
        else if (value.Any(char.IsControl))
        {
            Invalid(field, "contains control characters");
        }
    }

    public void OptionalText(string? value, string field)
    {
        if (value is not null)
        {
            Text(value, field);
        }
    }

    public void OneOf(string? value, IReadOnlyCollection<string> allowed, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (!allowed.Contains(value))
        {
            Invalid(field, $"is '{Shorten(value)}'; expected one of {string.Join(", ", allowed)}");
        }
    }

    public void Quantity(int? value, string field, bool allowZero = false)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value < 0 || (!allowZero && value == 0))
        {
            Invalid(field, $"is {value}; it must be {(allowZero ? "zero or more" : "positive")}");
        }
        else if (value > MaxQuantity)
        {
            Invalid(field, $"is {value}; the limit is {MaxQuantity}");
        }
    }

    /// <summary>A signed movement such as a stock adjustment: not zero, within the limit either way.</summary>
    public void Delta(int? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value == 0 || Math.Abs((long)value.Value) > MaxQuantity)
        {
            Invalid(field, $"is {value}; it must be non-zero and within ±{MaxQuantity}");
        }
    }

    public void Amount(decimal? value, string field, bool allowZero = true)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value < 0 || (!allowZero && value == 0))
        {
            Invalid(field, $"is {value}; it must be {(allowZero ? "zero or more" : "positive")}");
        }
        else if (value > MaxAmount)
        {
            Invalid(field, $"is {value}; the limit is {MaxAmount}");
        }
    }

    /// <summary>A signed amount, such as a settlement line that can be a debit.</summary>
    public void SignedAmount(decimal? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (Math.Abs(value.Value) > MaxAmount)
        {
            Invalid(field, $"is {value}; the limit is ±{MaxAmount}");
        }
    }

    public void Percent(decimal? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value <= 0 || value > 100)
        {
            Invalid(field, $"is {value}; it must be above 0 and at most 100");
        }
    }

    public void Currency(string? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value.Length != 3 || !value.All(char.IsAsciiLetterUpper))
        {
            Invalid(field, $"is '{Shorten(value)}'; expected an ISO 4217 code such as EUR");
        }
    }

    public void Time(DateTimeOffset? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
    }

    public void Days(int? value, string field)
    {
        if (value is null)
        {
            Missing(field);
        }
        else if (value is < 0 or > 730)
        {
            Invalid(field, $"is {value}; expected 0 to 730 days");
        }
    }

    /// <summary>Checks a list is present and not empty, then each item with <paramref name="item"/>.</summary>
    public void Items<T>(IReadOnlyList<T>? items, string field, Action<T, string> item, int maxItems = 500)
    {
        if (items is null)
        {
            Missing(field);
            return;
        }

        if (items.Count == 0)
        {
            Invalid(field, "must have at least one item");
            return;
        }

        if (items.Count > maxItems)
        {
            Invalid(field, $"has {items.Count} items; the limit is {maxItems}");
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Missing($"{field}[{i}]");
            }
            else
            {
                item(items[i], $"{field}[{i}]");
            }
        }
    }

    public void Rule(bool holds, string field, string problem)
    {
        if (!holds)
        {
            Invalid(field, problem);
        }
    }

    private void Missing(string field) =>
        _problems.Add(new Rejection(RejectReason.MissingField, $"payload.{field} is required"));

    private void Invalid(string field, string problem) =>
        _problems.Add(new Rejection(RejectReason.InvalidValue, $"payload.{field} {problem}"));

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
