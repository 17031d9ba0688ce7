using Bitrix24.Tests.Shared;

namespace Bitrix24.Generator.Fuzz;

/// <summary>
/// What every case starts from: the SDK's real spec files (as the SDK build sees them) and the
/// fuzzer's seeds, a made-up scope that uses every key and type of the format. All of it generates
/// and compiles cleanly, so whatever breaks in a case was broken by its edits.
/// </summary>
internal static class SeedSpecs
{
    private static readonly Lazy<(string Path, string Text)[]> s_files = new(Load);

    /// <summary>
    /// The seed files for a mode. An app references the SDK, which already has the SDK's methods and enums:
    /// an app declaring them again is an error every time (B24G2007), so an app case starts from the
    /// fuzzer's own seeds and the two shared files (errors.yaml and naming.yaml at the top of spec/).
    /// </summary>
    public static IReadOnlyList<(string Path, string Text)> For(FuzzMode mode) =>
        mode == FuzzMode.Sdk ? s_files.Value : s_files.Value.Where(f => IsShared(f.Path) || f.Path.StartsWith("spec/demo/", StringComparison.Ordinal)).ToArray();

    private static bool IsShared(string path) => path.IndexOf('/', "spec/".Length) < 0;

    private static (string Path, string Text)[] Load()
    {
        string specRoot = RepositoryRoot.Combine("spec");
        string seedRoot = RepositoryRoot.Combine("tests/Bitrix24.Generator.Fuzz/Seeds");
        var real = Directory.EnumerateFiles(specRoot, "*.yaml", SearchOption.AllDirectories)
            .Select(file => ("spec/" + Path.GetRelativePath(specRoot, file).Replace('\\', '/'), File.ReadAllText(file)));
        // The seeds' naming.yaml sits in their scope folder, beside the SDK's own naming.yaml.
        var seeds = Directory.EnumerateFiles(seedRoot, "*.yaml", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(seedRoot, file).Replace('\\', '/'))
            .Select(relative => ("spec/" + (relative == "naming.yaml" ? "demo/naming.yaml" : relative), File.ReadAllText(Path.Combine(seedRoot, relative))));
        return real.Concat(seeds).OrderBy(f => f.Item1, StringComparer.Ordinal).ToArray();
    }
}
