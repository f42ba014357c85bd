namespace Intelligence.Processors.Finance;

/// <summary>
/// Splits an amount over weights (line values) to the cent so that the parts add up to the amount
/// exactly: each part is rounded down to the cent and the cents left over go to the largest
/// remainders (ties to the earlier weight). Zero or negative weights all count as equal.
/// </summary>
public static class ValueSplit
{
    public static decimal[] Of(decimal amount, IReadOnlyList<decimal> weights)
    {
        var parts = new decimal[weights.Count];
        if (parts.Length == 0)
        {
            return parts;
        }

        var positive = weights.Sum(w => Math.Max(w, 0m));
        var shares = weights.Select(w => positive > 0m ? Math.Max(w, 0m) / positive : 1m / weights.Count).ToArray();
        var cents = decimal.Truncate(Math.Abs(amount) * 100m);
        var rest = cents;
        var remainders = new decimal[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var exact = cents * shares[i];
            var whole = decimal.Floor(exact);
            parts[i] = whole;
            remainders[i] = exact - whole;
            rest -= whole;
        }

        foreach (var i in Enumerable.Range(0, parts.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)rest))
        {
            parts[i] += 1m;
        }

        // A sub-cent residue (amounts are normally to the cent) goes to the largest part, so nothing is lost.
        var residue = Math.Abs(amount) - cents / 100m;
        var largest = Array.IndexOf(parts, parts.Max());
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Math.Sign(amount) * (parts[i] / 100m + (i == largest ? residue : 0m));
        }

        return parts;
    }
}
