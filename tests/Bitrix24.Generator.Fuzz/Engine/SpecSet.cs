namespace Bitrix24.Generator.Fuzz;

/// <summary>The spec files of one case, by path (<c>spec/demo/demo.item.get.yaml</c>), in the order they were added.</summary>
internal sealed class SpecSet
{
    private readonly List<string> _paths = new();
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public SpecSet(IEnumerable<(string Path, string Text)> files)
    {
        foreach (var (path, text) in files)
        {
            this[path] = text;
        }
    }

    public IReadOnlyList<string> Paths => _paths;

    public int Count => _paths.Count;

    public string this[string path]
    {
        get => _texts[path];
        set
        {
            if (!_texts.ContainsKey(path))
            {
                _paths.Add(path);
            }

            _texts[path] = value;
        }
    }

    public bool Contains(string path) => _texts.ContainsKey(path);

    public IEnumerable<(string Path, string Text)> Files => _paths.Select(p => (p, _texts[p]));
}
