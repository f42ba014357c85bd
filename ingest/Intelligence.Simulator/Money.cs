namespace Intelligence.Simulator;

/// <summary>The retailer trades in one currency; amounts are kept to the cent.</summary>
internal static class Money
{
    public const string Currency = "EUR";

    public static decimal Cents(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}
