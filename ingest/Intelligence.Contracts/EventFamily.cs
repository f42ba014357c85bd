namespace Intelligence.Contracts;

/// <summary>The four families of retail events, as DESIGN.md section 4 lists them.</summary>
public enum EventFamily
{
    Channel,
    Warehouse,
    Supplier,
    Payment,
}

public static class EventFamilyNames
{
    public static string ToWire(this EventFamily family) => family switch
    {
        EventFamily.Channel => "channel",
        EventFamily.Warehouse => "warehouse",
        EventFamily.Supplier => "supplier",
        EventFamily.Payment => "payment",
        _ => throw new ArgumentOutOfRangeException(nameof(family), family, "Unknown event family."),
    };
}
