using Bitrix24.Tests.Shared;
using YamlDotNet.RepresentationModel;

namespace Bitrix24.Generated.Tests.Infrastructure;

/// <summary>One error code as a spec file declares it.</summary>
/// <param name="Code">The wire code (<c>CHAT_ID_EMPTY</c>).</param>
/// <param name="Name">The spec's <c>name:</c> override, if any.</param>
/// <param name="Status">The documented HTTP status, if any.</param>
/// <param name="Retry">The spec's <c>retry:</c>, if any.</param>
/// <param name="Method">The method of the spec file; null for <c>errors.yaml</c>.</param>
/// <param name="File">The spec file, relative to <c>spec/</c>.</param>
public sealed record SpecError(string Code, string? Name, int? Status, string? Retry, string? Method, string File);

/// <summary>
/// Reads the error codes straight from the YAML in <c>spec/</c> at test time, so the tests follow the
/// specs rather than the generated code they are checking.
/// </summary>
public static class SpecErrors
{
    private static readonly Lazy<IReadOnlyList<SpecError>> s_all = new(ReadAll);
    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_words = new(ReadNamingWords);

    public static string SpecDirectory => Path.Combine(RepositoryRoot.Path, "spec");

    /// <summary>Every declared error: system codes from <c>errors.yaml</c> and each method spec's own.</summary>
    public static IReadOnlyList<SpecError> All => s_all.Value;

    /// <summary>
    /// The enum member name the generator must give a code: the <c>name:</c> override, else each
    /// <c>_</c>-separated word PascalCased, through <c>naming.yaml</c>'s words.
    /// </summary>
    public static string ExpectedMemberName(SpecError error) =>
        error.Name ?? string.Concat(error.Code.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(PascalWord));

    private static string PascalWord(string word)
    {
        string lower = word.ToLowerInvariant();
        return s_words.Value.TryGetValue(lower, out string? spelled) ? spelled : char.ToUpperInvariant(lower[0]) + lower[1..];
    }

    private static IReadOnlyList<SpecError> ReadAll()
    {
        var errors = new List<SpecError>();
        foreach (string path in Directory.EnumerateFiles(SpecDirectory, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            YamlMappingNode root = Load(path);
            if (!root.Children.TryGetValue(new YamlScalarNode("errors"), out YamlNode? list))
            {
                continue;
            }

            string? method = Scalar(root, "method");
            string file = Path.GetRelativePath(SpecDirectory, path).Replace('\\', '/');
            foreach (YamlMappingNode item in ((YamlSequenceNode)list).Children.Cast<YamlMappingNode>())
            {
                string? status = Scalar(item, "status");
                errors.Add(new SpecError(
                    Scalar(item, "code") ?? throw new InvalidDataException($"{file}: an error without code"),
                    Scalar(item, "name"),
                    status is null ? null : int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                    Scalar(item, "retry"),
                    method,
                    file));
            }
        }

        return errors;
    }

    private static IReadOnlyDictionary<string, string> ReadNamingWords()
    {
        string path = Path.Combine(SpecDirectory, "naming.yaml");
        if (!File.Exists(path) || !Load(path).Children.TryGetValue(new YamlScalarNode("words"), out YamlNode? words))
        {
            return new Dictionary<string, string>();
        }

        return ((YamlMappingNode)words).Children.ToDictionary(
            pair => ((YamlScalarNode)pair.Key).Value!.ToLowerInvariant(),
            pair => ((YamlScalarNode)pair.Value).Value!);
    }

    private static YamlMappingNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out YamlNode? value) ? ((YamlScalarNode)value).Value : null;
}
