using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generator.Fuzz;

/// <summary>
/// Changes a spec set a little, the way a careless or hostile edit would: a value replaced by a word
/// from <see cref="FuzzTokens"/>, a key deleted or repeated, a method renamed after a C# keyword, a
/// naming word spelled like a runtime type, a value nested 50 000 deep, a control character in a
/// summary, a file that is barely YAML. Most edits work on the YAML tree, so they reach the
/// generator's later checks instead of stopping at the parser; a few work on the raw text.
/// </summary>
internal sealed class SpecMutator
{
    /// <summary>The key of the deeply nested value <see cref="DeepNest"/> adds.</summary>
    private const string DeepKey = "x-deep";

    private readonly Random _random;

    public SpecMutator(Random random) => _random = random;

    /// <summary>Applies one to four edits; returns what was done, for the case's description.</summary>
    public List<string> Mutate(SpecSet specs)
    {
        var done = new List<string>();
        int edits = 1 + _random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            try
            {
                done.Add(MutateOnce(specs));
            }
            catch (YamlException ex)
            {
                // YamlDotNet cannot write some values back (a lone surrogate); the file keeps its text.
                done.Add("edit skipped: " + ex.Message);
            }
        }

        return done;
    }

    private string MutateOnce(SpecSet specs)
    {
        int roll = _random.Next(100);
        string path = Pick(specs.Paths);
        if (roll < 12)
        {
            return RenameMethod(specs);
        }

        if (roll < 18)
        {
            return AddNamingWord(specs);
        }

        if (roll < 22)
        {
            return CloneFile(specs);
        }

        if (roll < 23)
        {
            return _random.Next(3) == 0 ? ChainTypes(specs) : DeepNest(specs, path);
        }

        if (roll < 36)
        {
            return EditText(specs, path);
        }

        YamlMappingNode? root = TryLoad(specs[path]);
        if (root is null)
        {
            return EditText(specs, path);
        }

        string what = roll switch
        {
            < 58 => ReplaceScalar(root),
            < 63 => ReplaceShape(root),
            < 72 => Delete(root),
            < 78 => Duplicate(root),
            < 88 => AddType(root),
            _ => Add(root),
        };
        specs[path] = Save(root);
        return path + ": " + what;
    }

    /// <summary>
    /// An object type under <c>types:</c> whose members hold built-in types, the seeds' types, each other
    /// and the type itself (cycles), maps and lists, sometimes with a hostile <c>property:</c>.
    /// </summary>
    private string AddType(YamlMappingNode root)
    {
        YamlMappingNode types = Map(root, "types");
        string name = _random.Next(4) == 0 ? Pick(FuzzTokens.Names) : "T" + _random.Next(5);
        var known = types.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "").Append(name).ToArray();
        var members = new YamlSequenceNode();
        for (int i = 0, n = 1 + _random.Next(4); i < n; i++)
        {
            string type = _random.Next(3) == 0 ? Pick(known) + Pick(["", "[]", "?", ""]) : Pick(FuzzTokens.Types);
            if (_random.Next(6) == 0)
            {
                type = "map<" + Pick(known) + ">";
            }

            var member = new YamlMappingNode(
                new YamlScalarNode("name"), new YamlScalarNode(_random.Next(2) == 0 ? Camel(Pick(FuzzTokens.Names)) : Snake(Pick(FuzzTokens.Names))),
                new YamlScalarNode("type"), new YamlScalarNode(type));
            if (_random.Next(3) == 0)
            {
                member.Add("required", _random.Next(2) == 0 ? "true" : "false");
            }

            if (_random.Next(6) == 0)
            {
                member.Add("property", Pick(FuzzTokens.Names.Concat(FuzzTokens.Oddities).ToArray()));
            }

            members.Add(member);
        }

        types.Children[new YamlScalarNode(name)] = new YamlMappingNode(new YamlScalarNode("members"), members);
        return "added type " + name;
    }

    /// <summary>A types file with a chain of types holding each other, closed into a cycle or not: a huge, deep type graph.</summary>
    private string ChainTypes(SpecSet specs)
    {
        int length = Pick([10, 100, 1_000, 5_000]);
        bool closed = _random.Next(2) == 0;
        var text = new StringBuilder("scope: ").Append(Pick(["demo", "imopenlines", "chain"])).Append("\ntypes:\n");
        for (int i = 0; i < length; i++)
        {
            string next = i + 1 < length ? "C" + (i + 1) : closed ? "C0" : "int";
            text.Append("  C").Append(i).Append(":\n    members:\n      - name: next\n        type: ").Append(next).Append(Pick(["", "[]", "?", ""])).Append('\n');
        }

        string path = "spec/fuzz/chain" + specs.Count + ".types.yaml";
        specs[path] = text.ToString();
        return path + ": a chain of " + length + " types" + (closed ? ", closed" : "");
    }

    private string RenameMethod(SpecSet specs)
    {
        string path = Pick(specs.Paths.Where(p => !IsSpecialFile(p)).DefaultIfEmpty(specs.Paths[0]).ToArray());
        YamlMappingNode? root = TryLoad(specs[path]);
        if (root is null)
        {
            return EditText(specs, path);
        }

        string name = MethodName();
        root.Children[new YamlScalarNode("method")] = new YamlScalarNode(name);
        specs[path] = Save(root);
        return path + ": method " + name;
    }

    /// <summary>A method name: mostly valid by the spec's pattern, built from words a generator must be careful with.</summary>
    private string MethodName()
    {
        int segments = 2 + _random.Next(4);
        var parts = new List<string>();
        for (int i = 0; i < segments; i++)
        {
            string word = _random.Next(3) switch
            {
                0 => Pick(FuzzTokens.Words),
                1 => Camel(Pick(FuzzTokens.Names)),
                _ => Pick(["item", "get", "list", "bot", "session", "message", "send", "v2", "Bot", "register", "demo", "imopenlines"]),
            };
            parts.Add(i == 0 ? word.ToLowerInvariant() : word);
        }

        if (_random.Next(10) == 0)
        {
            parts[_random.Next(parts.Count)] = Pick(FuzzTokens.Oddities);
        }

        return string.Join(".", parts);
    }

    private string AddNamingWord(SpecSet specs)
    {
        string path = specs.Paths.FirstOrDefault(p => p.EndsWith("naming.yaml", StringComparison.Ordinal)) ?? "spec/naming.yaml";
        YamlMappingNode root = (specs.Contains(path) ? TryLoad(specs[path]) : null) ?? new YamlMappingNode();
        if (!root.Children.TryGetValue(new YamlScalarNode("words"), out YamlNode? words) || words is not YamlMappingNode map)
        {
            map = new YamlMappingNode();
            root.Children[new YamlScalarNode("words")] = map;
        }

        // A word some file uses (a scope or segment), spelled like something the C# side already has.
        string word = _random.Next(3) == 0 ? Pick(FuzzTokens.Words) : Pick(["demo", "item", "imopenlines", "bot", "session", "get", "list", "color"]);
        string spelling = _random.Next(6) == 0 ? Pick(FuzzTokens.Oddities) : Pick(FuzzTokens.Names);
        map.Children[new YamlScalarNode(word)] = new YamlScalarNode(spelling);
        specs[path] = Save(root);
        return path + ": word " + word + " -> " + spelling;
    }

    private string CloneFile(SpecSet specs)
    {
        string path = Pick(specs.Paths.Where(p => !IsSpecialFile(p)).DefaultIfEmpty(specs.Paths[0]).ToArray());
        YamlMappingNode? root = TryLoad(specs[path]);
        if (root is null)
        {
            return EditText(specs, path);
        }

        string name = _random.Next(2) == 0 ? MethodName() : ChangeCase(Scalar(root, "method") ?? "demo.item.get");
        root.Children[new YamlScalarNode("method")] = new YamlScalarNode(name);
        string copy = "spec/fuzz/" + Sanitize(name) + "." + specs.Count + ".yaml";
        specs[copy] = Save(root);
        return copy + ": copy of " + path + " as " + name;
    }

    private string DeepNest(SpecSet specs, string path)
    {
        int depth = Pick([100, 1_000, 10_000, 50_000]);
        bool mappings = _random.Next(2) == 0;
        var text = new StringBuilder(specs[path]).Append('\n').Append(DeepKey).Append(": ");
        for (int i = 0; i < depth; i++)
        {
            text.Append(mappings ? "{a: " : "[");
        }

        text.Append('x').Append(mappings ? '}' : ']', depth).Append('\n');
        specs[path] = text.ToString();
        return path + ": value nested " + depth + (mappings ? " mappings" : " sequences") + " deep";
    }

    private string EditText(SpecSet specs, string path)
    {
        string text = specs[path];
        int at = text.Length == 0 ? 0 : _random.Next(text.Length + 1);
        switch (_random.Next(7))
        {
            case 0:
                specs[path] = text.Insert(at, Pick(FuzzTokens.Oddities.Concat(FuzzTokens.Names).ToArray()));
                return path + ": text inserted at " + at;
            case 1:
                int length = Math.Min(text.Length - at, 1 + _random.Next(40));
                specs[path] = text.Remove(at, Math.Max(0, length));
                return path + ": text removed at " + at;
            case 2:
                specs[path] = text.Substring(0, at);
                return path + ": cut at " + at;
            case 3:
                specs[path] = Pick(
                [
                    "...\n---\n", "  : \"List<int>\"\n", "? [a]\n: b\n", "a: &x [*x]\n", "&a [*a]\n", "!!binary AAAA\n", "%YAML 1.1\n---\nmethod: a.b\n",
                    "---\n---\n", "\uFEFFmethod: a.b\nresult: {type: int}\n", "\tmethod: a.b\n", "method: a.b\nresult:\n  type: int\n...\n---\n",
                    "{", "[", "'", "\"", ":", "- - -", "a: *unknown\n", "<<: {method: a.b}\nresult: {type: int}\n", "method: !!int 1\n", "",
                ]);
                return path + ": replaced by an odd document";
            case 4:
                int line = text.IndexOf('\n', at);
                specs[path] = line < 0 ? text + "\n" + text : text.Insert(line + 1, text.Substring(at, line + 1 - at));
                return path + ": lines repeated at " + at;
            case 5:
                // A control or odd character inside a value, which YAML accepts in a quoted scalar.
                specs[path] = text + "\nremarks: \"" + Pick(["\\a", "\\0", "\\x1b", "\\uFFFE", "\\uD800", "\\u2028", "\\x85", "\\e", "\\N"]) + " text\"\n";
                return path + ": remarks with an escaped control character";
            default:
                specs[path] = text.Replace("  ", Pick(["\t", " ", "   "]));
                return path + ": indentation changed";
        }
    }

    private string ReplaceScalar(YamlMappingNode root)
    {
        List<Slot> slots = Slots(root).Where(s => s.Node is YamlScalarNode).ToList();
        if (slots.Count == 0)
        {
            return Add(root);
        }

        Slot slot = Pick(slots);
        string old = ((YamlScalarNode)slot.Node).Value ?? "";
        string value = NewScalar(old, slot.Key);
        slot.Replace(new YamlScalarNode(value));
        return "'" + Short(old) + "' -> '" + Short(value) + "'";
    }

    /// <summary>A replacement value: a token in the case the old value used, a changed copy of it, or an oddity.</summary>
    private string NewScalar(string old, string? key)
    {
        if (key == "type" && _random.Next(2) == 0)
        {
            return Pick(FuzzTokens.Types);
        }

        return _random.Next(8) switch
        {
            0 or 1 => InCaseOf(old, Pick(FuzzTokens.Names)),
            2 => Pick(FuzzTokens.Words),
            3 => Pick(FuzzTokens.Oddities),
            4 => old + Pick(["_", ".", "-", " ", ""]) + InCaseOf(old, Pick(FuzzTokens.Names)),
            5 => ChangeCase(old),
            6 => old + Pick(FuzzTokens.Oddities),
            _ => new string(Pick("abcXYZ_1.".ToCharArray()), 1 + _random.Next(3)) + old,
        };
    }

    private string ReplaceShape(YamlMappingNode root)
    {
        Slot slot = Pick(Slots(root).ToList());
        YamlNode replacement = slot.Node is YamlScalarNode
            ? (_random.Next(2) == 0 ? new YamlSequenceNode(new YamlScalarNode(Pick(FuzzTokens.Words))) : new YamlMappingNode(new YamlScalarNode("name"), new YamlScalarNode("X")))
            : new YamlScalarNode(Pick(FuzzTokens.Oddities));
        slot.Replace(replacement);
        return "a " + slot.Node.NodeType + " became a " + replacement.NodeType;
    }

    private string Delete(YamlMappingNode root)
    {
        List<(YamlNode Parent, YamlNode Item)> items = Containers(root)
            .SelectMany(c => c is YamlMappingNode m ? m.Children.Keys.Select(k => (c, k)) : ((YamlSequenceNode)c).Children.Select(i => (c, i)))
            .ToList();
        if (items.Count == 0)
        {
            return Add(root);
        }

        var (parent, item) = Pick(items);
        if (parent is YamlMappingNode mapping)
        {
            mapping.Children.Remove(item);
            return "removed key " + Short((item as YamlScalarNode)?.Value ?? "?");
        }

        ((YamlSequenceNode)parent).Children.Remove(item);
        return "removed a list item";
    }

    private string Duplicate(YamlMappingNode root)
    {
        var sequences = Containers(root).OfType<YamlSequenceNode>().Where(s => s.Children.Count > 0).ToList();
        if (sequences.Count == 0)
        {
            return Add(root);
        }

        YamlSequenceNode sequence = Pick(sequences);
        YamlNode copy = Clone(Pick(sequence.Children.ToList()));
        if (copy is YamlMappingNode mapping && _random.Next(2) == 0)
        {
            // Same item under a name that differs only in case or by a token.
            foreach (string key in new[] { "name", "wire", "code" })
            {
                if (mapping.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) && value is YamlScalarNode { Value: { } text })
                {
                    mapping.Children[new YamlScalarNode(key)] = new YamlScalarNode(_random.Next(2) == 0 ? ChangeCase(text) : InCaseOf(text, Pick(FuzzTokens.Names)));
                }
            }
        }

        sequence.Children.Add(copy);
        return "repeated a list item";
    }

    private string Add(YamlMappingNode root)
    {
        switch (_random.Next(5))
        {
            case 0:
                List(root, "params").Add(new YamlMappingNode(
                    new YamlScalarNode("name"), new YamlScalarNode(Snake(Pick(FuzzTokens.Names.Concat(FuzzTokens.Words).ToArray()))),
                    new YamlScalarNode("type"), new YamlScalarNode(Pick(FuzzTokens.Types)),
                    new YamlScalarNode("required"), new YamlScalarNode(_random.Next(2) == 0 ? "true" : "false")));
                return "added a parameter";
            case 1:
                var values = new YamlSequenceNode();
                for (int i = 0, n = 1 + _random.Next(3); i < n; i++)
                {
                    values.Add(_random.Next(3) == 0
                        ? new YamlMappingNode(new YamlScalarNode("wire"), new YamlScalarNode(Pick(FuzzTokens.Oddities)), new YamlScalarNode("name"), new YamlScalarNode(Pick(FuzzTokens.Names)))
                        : new YamlScalarNode(_random.Next(2) == 0 ? Snake(Pick(FuzzTokens.Names)) : Pick(FuzzTokens.Oddities.Concat(FuzzTokens.Words).ToArray())));
                }

                Map(root, "enums").Children[new YamlScalarNode(Pick(FuzzTokens.Names))] = new YamlMappingNode(new YamlScalarNode("values"), values);
                return "added an enum";
            case 2:
                var error = new YamlMappingNode(new YamlScalarNode("code"), new YamlScalarNode(_random.Next(2) == 0 ? Snake(Pick(FuzzTokens.Names)) : Pick(FuzzTokens.Oddities)));
                if (_random.Next(2) == 0)
                {
                    error.Add("status", Pick(["400", "503", "429", "99", "abc"]));
                }

                if (_random.Next(2) == 0)
                {
                    error.Add("name", Pick(FuzzTokens.Names.Concat(FuzzTokens.Words).ToArray()));
                }

                List(root, "errors").Add(error);
                return "added an error";
            case 3:
                root.Children[new YamlScalarNode(Pick(["summary", "remarks", "docs", "access"]))] = new YamlScalarNode(Pick(FuzzTokens.Oddities) + " text " + Pick(FuzzTokens.Oddities));
                return "set a text";
            default:
                root.Children[new YamlScalarNode(Pick(FuzzTokens.Words))] = new YamlScalarNode(Pick(FuzzTokens.Oddities));
                return "added a key";
        }
    }

    private static YamlSequenceNode List(YamlMappingNode root, string key)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) && node is YamlSequenceNode sequence)
        {
            return sequence;
        }

        sequence = new YamlSequenceNode();
        root.Children[new YamlScalarNode(key)] = sequence;
        return sequence;
    }

    private static YamlMappingNode Map(YamlMappingNode root, string key)
    {
        if (root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) && node is YamlMappingNode mapping)
        {
            return mapping;
        }

        mapping = new YamlMappingNode();
        root.Children[new YamlScalarNode(key)] = mapping;
        return mapping;
    }

    /// <summary>A place in the tree that holds a node and can take another: a mapping key, a mapping value or a list item.</summary>
    private sealed record Slot(YamlNode Node, string? Key, Action<YamlNode> Replace);

    private static IEnumerable<Slot> Slots(YamlNode node)
    {
        if (node is YamlMappingNode mapping)
        {
            foreach (var entry in mapping.Children.ToList())
            {
                string? key = (entry.Key as YamlScalarNode)?.Value;
                yield return new Slot(entry.Key, null, replacement =>
                {
                    mapping.Children.Remove(entry.Key);
                    mapping.Children[replacement] = entry.Value;
                });
                yield return new Slot(entry.Value, key, replacement => mapping.Children[entry.Key] = replacement);
                foreach (Slot inner in Slots(entry.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            for (int i = 0; i < sequence.Children.Count; i++)
            {
                int index = i;
                yield return new Slot(sequence.Children[i], null, replacement => sequence.Children[index] = replacement);
                foreach (Slot inner in Slots(sequence.Children[i]))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<YamlNode> Containers(YamlNode node)
    {
        if (node is YamlMappingNode mapping)
        {
            yield return mapping;
            foreach (YamlNode child in mapping.Children.Values.SelectMany(Containers))
            {
                yield return child;
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            yield return sequence;
            foreach (YamlNode child in sequence.Children.SelectMany(Containers))
            {
                yield return child;
            }
        }
    }

    private static YamlNode Clone(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        YamlSequenceNode sequence => new YamlSequenceNode(sequence.Children.Select(Clone)),
        YamlMappingNode mapping => new YamlMappingNode(mapping.Children.Select(e => new KeyValuePair<YamlNode, YamlNode>(Clone(e.Key), Clone(e.Value)))),
        _ => new YamlScalarNode("x"),
    };

    /// <summary>The token written the way <paramref name="like"/> is: UPPER_SNAKE, lower.dotted, camelCase or as it is.</summary>
    private string InCaseOf(string like, string name)
    {
        if (like.Length > 0 && like.All(c => !char.IsLower(c)))
        {
            return Snake(name);
        }

        if (like.Length > 0 && char.IsLower(like[0]))
        {
            return _random.Next(2) == 0 ? Camel(name) : name.ToLowerInvariant();
        }

        return name;
    }

    private string ChangeCase(string text) => _random.Next(3) switch
    {
        0 => text.ToUpperInvariant(),
        1 => text.ToLowerInvariant(),
        _ => new string(text.Select((c, i) => i % 2 == 0 ? char.ToUpperInvariant(c) : c).ToArray()),
    };

    private static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);

    private static string Snake(string pascal)
    {
        var text = new StringBuilder();
        for (int i = 0; i < pascal.Length; i++)
        {
            if (i > 0 && char.IsUpper(pascal[i]) && char.IsLower(pascal[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(pascal[i]));
        }

        return text.ToString();
    }

    private static string? Scalar(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? node) ? (node as YamlScalarNode)?.Value : null;

    private static bool IsSpecialFile(string path) => path.EndsWith("errors.yaml", StringComparison.Ordinal) || path.EndsWith("naming.yaml", StringComparison.Ordinal);

    private static string Sanitize(string name) => new(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '.' ? c : '_').Take(80).ToArray());

    private static string Short(string text) => text.Length <= 30 ? text.Replace("\n", "\\n") : text.Substring(0, 30).Replace("\n", "\\n") + "...";

    private static YamlMappingNode? TryLoad(string text)
    {
        if (text.Contains(DeepKey, StringComparison.Ordinal))
        {
            // Loading it would overflow this process's stack in YamlDotNet, which is what the generator must not do.
            return null;
        }

        try
        {
            if (!IsShallowTree(text))
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            return stream.Documents.Count == 1 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>No aliases (which can make the tree a cycle) and no deep nesting: what this class walks recursively.</summary>
    private static bool IsShallowTree(string text)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case YamlDotNet.Core.Events.AnchorAlias:
                    return false;
                case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart when ++depth > 32:
                    return false;
                case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                    depth--;
                    break;
            }
        }

        return true;
    }

    private static string Save(YamlMappingNode root)
    {
        var writer = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
