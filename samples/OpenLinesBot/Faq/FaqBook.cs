using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OpenLinesBot.Faq;

/// <summary>The FAQ the bot answers from, read from a YAML file (see faq.yaml), and how a message finds its entry.</summary>
public sealed partial class FaqBook
{
    /// <summary>How many top questions become buttons.</summary>
    public const int TopButtons = 3;

    private FaqBook(IReadOnlyList<FaqEntry> entries) => Entries = entries;

    public IReadOnlyList<FaqEntry> Entries { get; }

    /// <summary>The entries offered as buttons: the first <see cref="TopButtons"/> marked <c>top</c>.</summary>
    public IEnumerable<FaqEntry> Top => Entries.Where(e => e.IsTop).Take(TopButtons);

    public FaqEntry? Find(string id) => Entries.FirstOrDefault(e => e.Id == id);

    /// <summary>
    /// The entry whose keywords the message holds most of (whole words or phrases, case ignored; the earlier entry on a
    /// tie), or null when none matches.
    /// </summary>
    public FaqEntry? Match(string message)
    {
        string text = " " + string.Join(' ', Words().Split(message.ToLowerInvariant()).Where(w => w.Length > 0)) + " ";
        FaqEntry? best = null;
        int bestScore = 0;
        foreach (FaqEntry entry in Entries)
        {
            int score = entry.Keywords.Count(k => text.Contains(" " + k + " ", StringComparison.Ordinal));
            if (score > bestScore)
            {
                (best, bestScore) = (entry, score);
            }
        }

        return best;
    }

    /// <summary>Reads and checks a FAQ file.</summary>
    /// <exception cref="FaqFileException">The file is missing, is not valid YAML, or breaks a rule; the message names the file and line.</exception>
    public static FaqBook Load(string path)
    {
        string yaml;
        try
        {
            yaml = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FaqFileException($"{path}: cannot read the FAQ file: {e.Message}", e);
        }

        return Parse(yaml, path);
    }

    /// <summary>Reads FAQ YAML; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FaqFileException">Not valid YAML, or a rule is broken; the message names the source and line.</exception>
    public static FaqBook Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FaqFileException($"{source}({e.Start.Line},{e.Start.Column}): not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("entries"), out YamlNode? list) || list is not YamlSequenceNode items)
        {
            throw new FaqFileException($"{source}(1,1): expected a mapping with an 'entries' list.");
        }

        var entries = new List<FaqEntry>();
        foreach (YamlNode item in items)
        {
            FaqEntry entry = ReadEntry(item, source);
            if (entries.Any(e => e.Id == entry.Id))
            {
                throw new FaqFileException($"{At(source, item)}: the id '{entry.Id}' is used twice.");
            }

            entries.Add(entry);
        }

        return entries.Count > 0 ? new FaqBook(entries) : throw new FaqFileException($"{At(source, items)}: 'entries' is empty.");
    }

    private static FaqEntry ReadEntry(YamlNode node, string source)
    {
        if (node is not YamlMappingNode map)
        {
            throw new FaqFileException($"{At(source, node)}: an entry must be a mapping with id, question, keywords and answer.");
        }

        foreach (YamlNode key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: "id" or "question" or "keywords" or "answer" or "top" })
            {
                throw new FaqFileException($"{At(source, key)}: unknown key '{key}'; known: id, question, keywords, answer, top.");
            }
        }

        string id = Text(map, "id", source);
        if (!IdPattern().IsMatch(id))
        {
            throw new FaqFileException($"{At(source, map.Children[new YamlScalarNode("id")])}: the id '{id}' must be 1-32 letters, digits, '-' or '_'.");
        }

        var keywords = new List<string>();
        if (map.Children.TryGetValue(new YamlScalarNode("keywords"), out YamlNode? words))
        {
            if (words is not YamlSequenceNode sequence || sequence.Any(w => w is not YamlScalarNode { Value.Length: > 0 }))
            {
                throw new FaqFileException($"{At(source, words)}: keywords must be a list of words or phrases.");
            }

            // Normalised as messages are, so "Send back" matches "send   BACK!".
            keywords.AddRange(sequence.Cast<YamlScalarNode>().Select(w => string.Join(' ', Words().Split(w.Value!.ToLowerInvariant()).Where(p => p.Length > 0))));
        }

        bool top = false;
        if (map.Children.TryGetValue(new YamlScalarNode("top"), out YamlNode? topNode)
            && (topNode is not YamlScalarNode { Value: "true" or "false" } flag || !bool.TryParse(flag.Value, out top)))
        {
            throw new FaqFileException($"{At(source, topNode)}: top must be true or false.");
        }

        return new FaqEntry(id, Text(map, "question", source), keywords, Text(map, "answer", source), top);
    }

    private static string Text(YamlMappingNode map, string key, string source) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node)
            ? node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0
                ? value.Trim()
                : throw new FaqFileException($"{At(source, node)}: '{key}' must be a non-empty text.")
            : throw new FaqFileException($"{At(source, map)}: the entry has no '{key}'.");

    private static string At(string source, YamlNode node) => $"{source}({node.Start.Line},{node.Start.Column})";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex Words();
}
