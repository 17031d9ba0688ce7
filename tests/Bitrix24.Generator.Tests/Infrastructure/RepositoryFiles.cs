using Bitrix24.Tests.Shared;

namespace Bitrix24.Generator.Tests.Infrastructure;

/// <summary>Files of this repository the tests use: the real specs and the runtime's sources.</summary>
internal static class RepositoryFiles
{
    public static string Root => RepositoryRoot.Path;

    /// <summary>Every spec file, with paths relative to the repository (<c>spec/imopenlines/....yaml</c>).</summary>
    public static IReadOnlyList<InMemoryAdditionalText> RealSpecs() =>
        Directory.EnumerateFiles(Path.Combine(Root, "spec"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(file => new InMemoryAdditionalText(Relative(file), File.ReadAllText(file)))
            .ToList();

    /// <summary>The hand-written runtime (src/Bitrix24.Generated without bin/obj), to compile generated code the way the SDK does.</summary>
    public static IReadOnlyList<(string Path, string Text)> RuntimeSources()
    {
        string project = Path.Combine(Root, "src", "Bitrix24.Generated");
        return Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Relative(file).Contains("/obj/", StringComparison.Ordinal) && !Relative(file).Contains("/bin/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(file => (Relative(file), File.ReadAllText(file)))
            .ToList();
    }

    public static string Relative(string file) => Path.GetRelativePath(Root, file).Replace('\\', '/');
}
