using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Intelligence.Cli;

/// <summary>
/// Binds an options record from a configuration section over its defaults. Unlike the stock binder,
/// a list or array that the section sets replaces the default one instead of being appended to it
/// (configuring two routing rules gives two rules, not the defaults plus two). Dictionaries still
/// merge: setting one category's SLA keeps the others'. Nested options records bind the same way.
/// </summary>
public static class OptionsBinder
{
    public static T Bind<T>(IConfigurationSection section) where T : new() => (T)Bind(section, typeof(T), new T());

    private static object Bind(IConfigurationSection section, Type type, object defaults)
    {
        if (!section.Exists())
        {
            return defaults;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var child = section.GetSection(property.Name);
            if (!child.Exists() || property.SetMethod is null || property.GetIndexParameters().Length > 0)
            {
                continue;
            }

            property.SetValue(defaults, Value(child, property.PropertyType, property.GetValue(defaults)));
        }

        return defaults;
    }

    private static object? Value(IConfigurationSection section, Type type, object? current)
    {
        if (IsDictionary(type) && current is not null)
        {
            // Merge over a copy of the defaults, so that one key can be changed on its own.
            var merged = Copy(current, type);
            section.Bind(merged);
            return merged;
        }

        if (IsLeaf(type) || typeof(IEnumerable).IsAssignableFrom(type) || current is null)
        {
            return section.Get(type);
        }

        return Bind(section, type, current);
    }

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan)
            || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Uri);
    }

    private static bool IsDictionary(Type type) =>
        type.IsGenericType && type.GetGenericArguments().Length == 2
        && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static object Copy(object dictionary, Type type)
    {
        var arguments = type.GetGenericArguments();
        var copy = (IDictionary)Activator.CreateInstance(typeof(Dictionary<,>).MakeGenericType(arguments))!;
        foreach (DictionaryEntry entry in (IDictionary)dictionary)
        {
            copy[entry.Key] = entry.Value;
        }

        return copy;
    }
}
