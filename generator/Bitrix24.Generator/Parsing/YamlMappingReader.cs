using System;
using System.Collections.Generic;
using System.Globalization;
using Bitrix24.Generator.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Parsing;

/// <summary>
/// Typed access to one YAML mapping. Every getter reports what is wrong (missing key, wrong kind of
/// node, bad value) at the key or value and returns null, so readers can go on and find more.
/// </summary>
internal sealed class YamlMappingReader
{
    // A list searched from the end (the last of equal keys wins, as a dictionary would have it): a spec's
    // mappings have a handful of keys, and a dictionary per mapping was a fifth of the parser's garbage.
    private readonly List<(string Name, YamlScalarNode Key, YamlNode Value)> _entries;
    private readonly SpecReadContext _context;

    public YamlMappingReader(YamlMappingNode node, SpecReadContext context, string what)
    {
        Node = node;
        _context = context;
        What = what;
        _entries = new(node.Children.Count);
        foreach (KeyValuePair<YamlNode, YamlNode> entry in node.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } key } keyNode)
            {
                _entries.Add((key, keyNode, entry.Value));
            }
            else
            {
                context.Report(DiagnosticDescriptors.InvalidValue, context.Locate(entry.Key), "A key of " + what, "a plain word");
            }
        }
    }

    public YamlMappingNode Node { get; }

    /// <summary>Names the mapping in messages, e.g. "the method" or "parameter CHAT_ID".</summary>
    public string What { get; set; }

    private bool TryGet(string key, out (string Name, YamlScalarNode Key, YamlNode Value) entry)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Name, key, StringComparison.Ordinal))
            {
                entry = _entries[i];
                return true;
            }
        }

        entry = default;
        return false;
    }

    public bool Has(string key) => TryGet(key, out _);

    public SpecLocation LocateKey(string key) =>
        TryGet(key, out var entry) ? _context.Locate(entry.Key) : _context.LocateStart(Node);

    public SpecLocation LocateValue(string key) =>
        TryGet(key, out var entry) ? _context.Locate(entry.Value) : _context.LocateStart(Node);

    /// <summary>Warns about keys outside <paramref name="known"/>, so typos such as <c>requried</c> do not pass silently.</summary>
    public void WarnUnknownKeys(params string[] known)
    {
        foreach (var entry in _entries)
        {
            if (Array.IndexOf(known, entry.Name) < 0)
            {
                _context.Report(DiagnosticDescriptors.UnknownKey, _context.Locate(entry.Key), entry.Name, string.Join(", ", known));
            }
        }
    }

    public string? String(string key) => ScalarValue(key, "text");

    public string? RequiredString(string key)
    {
        if (!TryGet(key, out _))
        {
            _context.Report(DiagnosticDescriptors.MissingKey, _context.LocateStart(Node), key, " in " + What);
            return null;
        }

        string? value = ScalarValue(key, "text");
        if (value is { Length: 0 } || (value is null && TryGet(key, out var entry) && IsNull(entry.Value)))
        {
            _context.Report(DiagnosticDescriptors.InvalidValue, LocateValue(key), Quote(key), "a non-empty text");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        string? text = ScalarValue(key, "true or false");
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                _context.Report(DiagnosticDescriptors.InvalidValue, LocateValue(key), Quote(key), "true or false");
                return null;
        }
    }

    public int? Int(string key, int min, int max)
    {
        string? text = ScalarValue(key, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        _context.Report(DiagnosticDescriptors.InvalidValue, LocateValue(key), Quote(key),
            string.Format(CultureInfo.InvariantCulture, "a whole number from {0} to {1}", min, max));
        return null;
    }

    public YamlSequenceNode? Sequence(string key)
    {
        if (!TryGet(key, out var entry) || IsNull(entry.Value))
        {
            return null;
        }

        if (entry.Value is YamlSequenceNode sequence)
        {
            return sequence;
        }

        _context.Report(DiagnosticDescriptors.InvalidValue, _context.Locate(entry.Value), Quote(key), "a list");
        return null;
    }

    public YamlMappingNode? Mapping(string key)
    {
        if (!TryGet(key, out var entry) || IsNull(entry.Value))
        {
            return null;
        }

        if (entry.Value is YamlMappingNode mapping)
        {
            return mapping;
        }

        _context.Report(DiagnosticDescriptors.InvalidValue, _context.Locate(entry.Value), Quote(key), "a mapping of keys to values");
        return null;
    }

    /// <summary>Reads a list of plain strings, such as <c>scopes: [imopenlines, imbot]</c>.</summary>
    public List<string> StringList(string key)
    {
        var values = new List<string>();
        YamlSequenceNode? sequence = Sequence(key);
        if (sequence is null)
        {
            return values;
        }

        foreach (YamlNode item in sequence.Children)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } value } && !IsNull(item))
            {
                values.Add(value);
            }
            else
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, _context.Locate(item), "An item of " + Quote(key), "a word");
            }
        }

        return values;
    }

    /// <summary>True when the key is present with no value (<c>result:</c> and nothing after it).</summary>
    public bool IsEmpty(string key) => TryGet(key, out var entry) && IsNull(entry.Value);

    private static string Quote(string key) => "'" + key + "'";

    /// <summary>A YAML null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain or YamlDotNet.Core.ScalarStyle.Any } scalar
        && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private string? ScalarValue(string key, string expected)
    {
        if (!TryGet(key, out var entry) || IsNull(entry.Value))
        {
            return null;
        }

        if (entry.Value is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        _context.Report(DiagnosticDescriptors.InvalidValue, _context.Locate(entry.Value), Quote(key), expected);
        return null;
    }
}
