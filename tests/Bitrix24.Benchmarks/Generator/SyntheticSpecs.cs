using System.Globalization;
using System.Text.RegularExpressions;
using Bitrix24.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Benchmarks.Generator;

/// <summary>
/// Any number of method specs made from the real ones in <c>spec/imopenlines/</c> (flat parameters,
/// enums) and <c>spec/imbot/</c> (Chatbots 2.0: object parameters and results, method-local types),
/// so the generator can be measured at sizes the repository does not have yet. Copy <c>i</c> of a real
/// spec becomes <c>bench{i % 5}.group{(i / 5) % 10}.item{i}.{last segment}</c>: five scopes of ten groups
/// each, as a client tree of many scopes would look, and every method its own leaf group. Enum names
/// get the copy's number (<c>AutoMessageType7</c>); a copy's object types keep their names (copies of
/// one spec declare them alike, which the format allows). Each scope gets a copy of the Chatbots 2.0
/// types file, and <c>spec/errors.yaml</c> and <c>spec/naming.yaml</c> come along unchanged.
/// </summary>
internal static partial class SyntheticSpecs
{
    private const int Scopes = 5;
    private const int GroupsPerScope = 10;

    private static readonly Lazy<IReadOnlyList<(string Path, string Text)>> s_realMethods = new(ReadRealMethods);

    /// <summary>
    /// <paramref name="count"/> method specs plus the errors and naming files, with repository-relative
    /// paths (<c>spec/bench0/bench0.group0.item0.finish.yaml</c>): the generator's test options mark only
    /// paths under <c>spec/</c> as specs, and a method file must be named after its method.
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> Create(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        IReadOnlyList<(string Path, string Text)> real = s_realMethods.Value;
        var specs = new List<(string Path, string Text)>(count + 2 + Scopes)
        {
            ReadRepositoryFile("spec/errors.yaml"),
            ReadRepositoryFile("spec/naming.yaml"),
        };

        (string _, string types) = ReadRepositoryFile("spec/imbot/imbot.v2.types.yaml");
        for (int scope = 0; scope < Math.Min(Scopes, count); scope++)
        {
            string name = "bench" + scope.ToString(CultureInfo.InvariantCulture);
            specs.Add(("spec/" + name + "/" + name + ".types.yaml", ScopeLine().Replace(types, "scope: " + name, 1)));
        }

        for (int i = 0; i < count; i++)
        {
            specs.Add(Copy(real[i % real.Count].Text, i));
        }

        return specs;
    }

    private static (string Path, string Text) Copy(string realText, int i)
    {
        string realName = MethodLine().Match(realText).Groups["name"].Value;
        string scope = "bench" + (i % Scopes).ToString(CultureInfo.InvariantCulture);
        string name = string.Create(CultureInfo.InvariantCulture, $"{scope}.group{i / Scopes % GroupsPerScope}.item{i}.{realName[(realName.LastIndexOf('.') + 1)..]}");

        string text = MethodLine().Replace(realText, "method: " + name, 1);
        foreach (string enumName in DeclaredEnums(realText))
        {
            // Whole words only: the declaration, every "type: AutoMessageType" and any mention in prose.
            text = Regex.Replace(text, @"\b" + enumName + @"\b", enumName + i.ToString(CultureInfo.InvariantCulture), RegexOptions.CultureInvariant);
        }

        return ("spec/" + scope + "/" + name + ".yaml", text);
    }

    /// <summary>The keys of the spec's <c>enums:</c> mapping, read as YAML so no enum is missed.</summary>
    private static IEnumerable<string> DeclaredEnums(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        return root.Children.TryGetValue(new YamlScalarNode("enums"), out YamlNode? enums) && enums is YamlMappingNode mapping
            ? mapping.Children.Keys.Cast<YamlScalarNode>().Select(key => key.Value!).ToList()
            : [];
    }

    private static IReadOnlyList<(string Path, string Text)> ReadRealMethods()
    {
        List<(string Path, string Text)> real = new[] { "spec/imopenlines", "spec/imbot" }
            .SelectMany(folder => Directory.EnumerateFiles(RepositoryRoot.Combine(folder), "*.yaml"))
            .Where(file => !file.EndsWith(".types.yaml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(file => (file, File.ReadAllText(file)))
            .ToList();
        return real.Count > 0 ? real : throw new InvalidOperationException("No method specs in spec/imopenlines and spec/imbot");
    }

    private static (string Path, string Text) ReadRepositoryFile(string relative) => (relative, File.ReadAllText(RepositoryRoot.Combine(relative)));

    [GeneratedRegex(@"^method:[ \t]*(?<name>[A-Za-z0-9.]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex MethodLine();

    [GeneratedRegex(@"^scope:[ \t]*[a-z0-9]+", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ScopeLine();
}
