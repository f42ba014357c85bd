using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Intelligence.Dashboards;

/// <summary>
/// Expands a panel's SQL as Grafana with the ClickHouse plugin (v4) would before it reaches the
/// server: first <c>$__conditionalAll</c> and the template variables (Grafana's front end), then
/// the plugin's time macros (its back end). Only what the provisioned dashboards use is supported;
/// any other <c>$__macro</c> is refused, so a dashboard cannot silently depend on one.
/// </summary>
/// <remarks>
/// Supported (output as the plugin writes it):
/// <list type="bullet">
/// <item><c>$__timeFilter(col)</c>: <c>col &gt;= toDateTime(from) AND col &lt;= toDateTime(to)</c> (unix seconds)</item>
/// <item><c>$__timeFilter_ms(col)</c>: the same with <c>fromUnixTimestamp64Milli(ms)</c></item>
/// <item><c>$__fromTime</c>, <c>$__toTime</c>: <c>toDateTime(seconds)</c>; <c>$__fromTime_ms</c>, <c>$__toTime_ms</c>: <c>fromUnixTimestamp64Milli(ms)</c></item>
/// <item><c>$__interval_s</c>: the interval in whole seconds (at least 1)</item>
/// <item><c>$__timeInterval(col)</c>: <c>toStartOfInterval(toDateTime(col), INTERVAL n second)</c></item>
/// <item><c>$__conditionalAll(condition, $var)</c>: <c>1=1</c> when "All" is chosen, else the condition</item>
/// <item>variables: <c>$var</c>, <c>${var}</c> (one value), <c>${var:singlequote}</c>, <c>${var:sqlstring}</c>, <c>${var:csv}</c>, <c>${var:raw}</c></item>
/// </list>
/// </remarks>
public static partial class GrafanaMacros
{
    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal)
    {
        "timeFilter", "timeFilter_ms", "fromTime", "toTime", "fromTime_ms", "toTime_ms", "interval_s", "timeInterval", "conditionalAll",
    };

    /// <summary>Returns <paramref name="sql"/> with every macro and variable replaced.</summary>
    /// <exception cref="NotSupportedException">An unsupported macro or variable format.</exception>
    /// <exception cref="ArgumentException">A variable the context does not define, or a macro with the wrong arguments.</exception>
    public static string Expand(string sql, QueryContext context)
    {
        var withConditions = ReplaceMacro(sql, "conditionalAll", args => ConditionalAll(args, context));
        var withVariables = ReplaceVariables(withConditions, context);
        return ReplaceTimeMacros(withVariables, context);
    }

    private static string ConditionalAll(IReadOnlyList<string> args, QueryContext context)
    {
        if (args.Count < 2)
        {
            throw new ArgumentException($"$__conditionalAll takes a condition and a variable, got {args.Count} argument(s).");
        }

        var name = args[^1].Trim().TrimStart('$').Trim('{', '}');
        return Selection(name, context).IsAll ? "1=1" : string.Join(",", args.Take(args.Count - 1)).Trim();
    }

    private static string ReplaceVariables(string sql, QueryContext context) =>
        Variable().Replace(sql, match =>
        {
            var name = match.Groups["braced"].Success ? match.Groups["braced"].Value : match.Groups["bare"].Value;
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            return Format(name, Selection(name, context).Values, format);
        });

    private static string Format(string name, IReadOnlyList<string> values, string? format) => format switch
    {
        null when values.Count == 1 => values[0],
        null => throw new NotSupportedException(
            $"${name} has {values.Count} values; give a format such as ${{{name}:singlequote}} to say how to join them."),
        "singlequote" => Join(values, v => $"'{v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'"),
        // ClickHouse reads a backslash in a literal as an escape, so it is doubled too: a value ending in one would
        // otherwise escape the closing quote and let the rest of the selection run as SQL.
        "sqlstring" => Join(values, v => $"'{v.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'"),
        "csv" or "raw" => string.Join(",", values),
        _ => throw new NotSupportedException($"The variable format '{format}' (in ${{{name}:{format}}}) is not supported."),
    };

    // An empty selection matches nothing rather than leaving "IN ()".
    private static string Join(IReadOnlyList<string> values, Func<string, string> quote) =>
        values.Count == 0 ? "''" : string.Join(",", values.Select(quote));

    private static VariableSelection Selection(string name, QueryContext context) =>
        context.Variables.TryGetValue(name, out var selection)
            ? selection
            : throw new ArgumentException($"The query uses the variable ${name}, which the context does not define.");

    private static string ReplaceTimeMacros(string sql, QueryContext context)
    {
        var from = context.From;
        var to = context.To;
        var seconds = Math.Max(1, (long)context.Interval.TotalSeconds);
        var expanded = ReplaceMacro(sql, "timeFilter_ms", args => Filter(args, "$__timeFilter_ms", Milli(from), Milli(to)));
        expanded = ReplaceMacro(expanded, "timeFilter", args => Filter(args, "$__timeFilter", Seconds(from), Seconds(to)));
        expanded = ReplaceMacro(expanded, "timeInterval", args =>
            $"toStartOfInterval(toDateTime({Single(args, "$__timeInterval")}), INTERVAL {seconds} second)");

        return BareMacro().Replace(expanded, match => match.Groups["name"].Value switch
        {
            "fromTime_ms" => Milli(from),
            "toTime_ms" => Milli(to),
            "fromTime" => Seconds(from),
            "toTime" => Seconds(to),
            "interval_s" => seconds.ToString(CultureInfo.InvariantCulture),
            var other => throw new NotSupportedException(
                $"The macro $__{other} is not supported here; supported: {string.Join(", ", Supported.Select(s => "$__" + s))}."),
        });
    }

    private static string Filter(IReadOnlyList<string> args, string macro, string from, string to)
    {
        var column = Single(args, macro);
        return $"{column} >= {from} AND {column} <= {to}";
    }

    private static string Single(IReadOnlyList<string> args, string macro) =>
        args.Count == 1 && args[0].Trim().Length > 0
            ? args[0].Trim()
            : throw new ArgumentException($"{macro} takes one column, got {args.Count} argument(s).");

    private static string Seconds(DateTimeOffset at) => $"toDateTime({at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)})";

    private static string Milli(DateTimeOffset at) => $"fromUnixTimestamp64Milli({at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)})";

    /// <summary>Replaces every <c>$__name(args)</c>, splitting its arguments on top-level commas.</summary>
    private static string ReplaceMacro(string sql, string name, Func<IReadOnlyList<string>, string> expand)
    {
        var token = $"$__{name}(";
        var output = new StringBuilder(sql.Length);
        var at = 0;
        while (true)
        {
            var start = sql.IndexOf(token, at, StringComparison.Ordinal);
            if (start < 0)
            {
                output.Append(sql, at, sql.Length - at);
                return output.ToString();
            }

            var (args, end) = Arguments(sql, start + token.Length, token);
            output.Append(sql, at, start - at).Append(expand(args));
            at = end;
        }
    }

    /// <summary>The arguments from <paramref name="open"/> (just past the parenthesis) to the matching one, and the index after it.</summary>
    private static (List<string> Args, int End) Arguments(string sql, int open, string token)
    {
        var args = new List<string>();
        var depth = 0;
        var quote = '\0';
        var argStart = open;
        for (var i = open; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote != '\0')
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"' or '`':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')' when depth > 0:
                    depth--;
                    break;
                case ')':
                    args.Add(sql[argStart..i]);
                    return (args, i + 1);
                case ',' when depth == 0:
                    args.Add(sql[argStart..i]);
                    argStart = i + 1;
                    break;
            }
        }

        throw new ArgumentException($"{token} has no closing parenthesis.");
    }

    // $name or ${name} or ${name:format}; names starting with __ are macros, not variables.
    [GeneratedRegex(@"\$\{(?<braced>(?!__)[A-Za-z_]\w*)(?::(?<format>\w+))?\}|\$(?<bare>(?!__)[A-Za-z_]\w*)")]
    private static partial Regex Variable();

    [GeneratedRegex(@"\$__(?<name>\w+)")]
    private static partial Regex BareMacro();
}
