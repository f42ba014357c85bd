using System.Collections;
using System.Reflection;
using Intelligence.Cli;

namespace Intelligence.Deploy.Tests;

/// <summary>
/// Resolves an <c>INTELLIGENCE_*</c> variable against <see cref="SettingsCatalog"/>: a variable read
/// directly, a single key, a key under an open section, or a property path through the options type
/// bound at the longest matching section, as the configuration binder walks it (names case-insensitive,
/// list elements by index, dictionary entries by key; the path must end at a value, not a section).
/// </summary>
public static class SettingResolver
{
    public static CheckResult Resolve(string variable)
    {
        if (SettingsCatalog.Variables.Contains(variable))
        {
            return new(variable, CheckStatus.Known, "read directly from the environment");
        }

        if (SettingsCatalog.KeyOf(variable) is not { } key)
        {
            return new(variable, CheckStatus.Unknown, $"does not start with {SettingsCatalog.EnvironmentPrefix}");
        }

        var segments = key.Split(':');
        if (segments.Any(s => s.Length == 0))
        {
            return new(variable, CheckStatus.Unknown, $"key '{key}' has an empty part ('____': two separators in a row)");
        }

        if (SettingsCatalog.Keys.Contains(key) || SettingsCatalog.OpenSections.Contains(segments[0]))
        {
            return new(variable, CheckStatus.Known, key);
        }

        var section = Enumerable.Range(1, segments.Length).Reverse()
            .Select(n => string.Join(':', segments[..n]))
            .FirstOrDefault(SettingsCatalog.Sections.ContainsKey);
        var problem = section is null
            ? $"no section of '{key}' is bound (known sections: {string.Join(", ", SettingsCatalog.Sections.Keys.Order())})"
            : Walk(SettingsCatalog.Sections[section], segments.Skip(section.Split(':').Length).ToList(), section);
        if (problem is null)
        {
            return new(variable, CheckStatus.Known, key);
        }

        return IsPending(key)
            ? new(variable, CheckStatus.Pending, $"{key}: section not in SettingsCatalog yet")
            : new(variable, CheckStatus.Unknown, problem);
    }

    /// <summary>A key of a section the distributed roles will bind, while that section is not registered.</summary>
    private static bool IsPending(string key)
    {
        var last = key.LastIndexOf(':');
        var section = last > 0 ? key[..last] : "";
        return Pending.Sections.TryGetValue(section, out var keys)
            && !SettingsCatalog.Sections.ContainsKey(section)
            && keys.Contains(key[(last + 1)..]);
    }

    /// <summary>Null when <paramref name="path"/> leads from <paramref name="type"/> to a settable value; otherwise why not.</summary>
    private static string? Walk(Type type, IReadOnlyList<string> path, string at)
    {
        foreach (var segment in path)
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            if (IsValue(type))
            {
                return $"{at} is a value ({type.Name}), it has no '{segment}'";
            }

            if (DictionaryValue(type) is { } value)
            {
                type = value;
            }
            else if (ElementType(type) is { } element)
            {
                if (!int.TryParse(segment, out var index) || index < 0)
                {
                    return $"{at} is a list: '{segment}' must be an element index (0, 1, ...)";
                }

                type = element;
            }
            else
            {
                var property = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.Name, segment, StringComparison.OrdinalIgnoreCase) && p.GetIndexParameters().Length == 0);
                if (property is null || property.SetMethod is not { IsPublic: true })
                {
                    var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                        .Where(p => p.SetMethod is { IsPublic: true }).Select(p => p.Name).Order();
                    return $"{type.Name} (at {at}) has no settable '{segment}'; it has: {string.Join(", ", settable)}";
                }

                type = property.PropertyType;
            }

            at += ":" + segment;
        }

        type = Nullable.GetUnderlyingType(type) ?? type;
        return IsValue(type) ? null : $"{at} is a section ({type.Name}), not a value: set one of its keys";
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
        || type == typeof(Guid) || type == typeof(Uri);

    private static Type? DictionaryValue(Type type) => Generic(type, typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>))?[1];

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : typeof(IEnumerable).IsAssignableFrom(type) ? Generic(type, typeof(IEnumerable<>))?[0]
        : null;

    private static Type[]? Generic(Type type, params Type[] definitions) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && definitions.Contains(i.GetGenericTypeDefinition()))
            ?.GetGenericArguments();
}
